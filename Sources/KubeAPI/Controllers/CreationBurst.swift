import KubeRegistry

extension ControllerManager {
    /// Like the Job controller's MaxPodCreateDeletePerSync and the ReplicaSet's burstReplicas: a
    /// controller creates at most 500 pods per transaction. Asked before each creation; once the burst
    /// is spent, the rest waits for a resync timer (a transaction of its own, then the next command),
    /// so `parallelism: 2147483647` or a StatefulSet of two billion replicas never hangs a command.
    func creationBurstSpent(_ type: ResourceType, namespace ns: String, name: String) throws -> Bool {
        let key = Timers.objectID(Timers.resync, type.storageKey, ns, name)
        if deferredSyncs.contains(key) { return true }
        let count = createdInTransaction[key, default: 0]
        // Work already split off waits for its own resync timer, whatever else brought the controller here.
        if count == 0, try Timers.scheduled(s.tx, id: key) != nil { return true }
        if count >= Self.burstReplicas {
            try resyncLater(type, namespace: ns, name: name)
            return true
        }
        createdInTransaction[key] = count + 1
        return false
    }
}
