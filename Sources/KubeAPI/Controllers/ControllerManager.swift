import KubeModel
import KubeRegistry
import KubeStore

/// The controller manager, scheduler and kubelet of the local cluster, run synchronously inside the
/// write transaction: every stored write or delete queues the controllers interested in it, and the
/// queue is drained (lowest level first: pods, volumes, workloads, deployments, services) until nothing
/// changes, so the next command sees the settled state.
final class ControllerManager {
    unowned let s: APISession
    /// Work items by priority level (0 runs first), each a FIFO with set membership.
    private var queues: [[Work]] = Array(repeating: [], count: 5)
    private var heads: [Int] = Array(repeating: 0, count: 5)
    private var queued: Set<Work> = []
    private var draining = false
    /// Events recorded per involved object in this transaction.
    var eventsPerObject: [String: Int] = [:]
    var eventCounter: Int64 = 0
    /// The spam filter's bucket settings that exist (`EventSpamFilter`), read once per transaction
    /// (`spamRowsTx`); nil when there are too many to keep: each is then asked for on its own.
    var spamRows: Set<String>?
    var spamRowsTx: StoreTransaction?
    /// The last aggregator record and spam bucket read or written, with the setting's text they were
    /// parsed from or written as: the same text again (the setting of the same group at the next
    /// event) is not parsed again (`EventRecorder.aggregated`, `EventSpamFilter.spamFilterPass`).
    var aggregateMemo: (key: String, text: String, messages: [String], time: Int64?)?
    var spamBucketMemo: (key: String, text: String, bucket: SpamBucket)?
    /// Pods created in `freshPodsTx` under new uids, and the events recorded about them since, by
    /// correlator alias (`EventRecorder.isFreshPod`).
    var freshPods: Set<String> = []
    var freshPodEvents: [Int64: String] = [:]
    var freshPodsTx: StoreTransaction?
    /// Pods per node (non-terminated, scheduled), read from the store's counts on first use in a
    /// transaction and kept in step with every pod write after that.
    var podsPerNode: [String: Int]?
    /// `podsPerNode` by position in `nodeNamesCache` (`Scheduler.podCounts`), with each name's position.
    var podCountsByNodeIndex: (index: [String: Int], counts: [Int])?
    /// Nodes as the scheduler sees them, until a node changes: all of them, their names, each one read.
    var nodeCache: [NodeInfo]?
    var nodeNamesCache: [String]?
    var nodeInfoCache: [String: NodeInfo] = [:]
    /// Allocatable pods per node, read one node at a time.
    var maxPodsCache: [String: Int] = [:]
    /// For each node whose pod count changed in this transaction: whether it was full before.
    /// While every such node is as full as it was and no node changed, every pending pod would get
    /// the answer it already has, so the scheduler leaves them alone.
    var fullAtStart: [String: Bool] = [:]
    /// The nodes of `fullAtStart` that are no longer as full (or not) as they were.
    var fullnessMoved: Set<String> = []
    /// A node, volume, claim or storage class changed: every pending pod needs another look.
    var nodesChanged = false
    /// The kubelet's clock while it replays retries that fell due between two commands.
    var clockOverride: Timestamp?
    /// The image ids the kubelet reported for the last images it started (`imageID(of:)`).
    var imageIDs: [String: String] = [:]
    /// Set while kube-system is seeded: no start-up events.
    var muteEvents = false
    /// The catch-up replays of the pod whose containers are moving (`collectingReplays`), nil otherwise.
    var collectedReplays: [ReplayPart]?
    /// The scheduler is retrying an unschedulable pod (each attempt is a FailedScheduling occurrence).
    var schedulerRetrying = false
    /// While a CronJob's runs are replayed: the time its controller last looked (the previous run).
    var cronReplayFloor: Int64?
    /// CronJobs whose sync is running (see `syncCronJob`).
    var cronJobsInSync: Set<String> = []
    /// CronJobs asked for again while their sync ran: synced once more after it.
    var cronJobsToResync: Set<String> = []
    /// Pending pods whose kubelet should look again (a ConfigMap, Secret or Service they wait for changed).
    var kubeletWake: Set<String> = []
    /// The user's Stages by `group/kind`, read once per transaction (nil: not read yet or a Stage changed).
    var stageCache: [String: [Stage]]?
    /// Whether kwok manages a node (annotation `kwok.x-k8s.io/node: fake`), per node looked at.
    var managedNodes: [String: Bool] = [:]
    /// `normalizeImage` of each image a kubelet started in this transaction (the pods of one file or
    /// one ReplicaSet mostly share theirs).
    var normalizedImages: [String: Result<String, ImageError>] = [:]
    /// The stage last applied (`<timer id>#<stage>`): a stage that applies again to the same object repeats.
    var lastStageApplied: String?
    /// Work was left for a later transaction (a resync timer): the timer loop ends this transaction there.
    var deferredWork = false
    /// The resync timers set in this transaction: those controllers wait for them to do more.
    var deferredSyncs: Set<String> = []
    /// Pods created in this transaction per controller (its resync timer id): see `creationBurstSpent`.
    var createdInTransaction: [String: Int] = [:]
    /// Pods the controllers created in this transaction (all owners): what split-off work costs the
    /// command's budget (`APIServer.deferredPodsLeft`).
    var podsCreated = 0
    /// The pause between two batches of split work, long enough for a waiting writer (polling every
    /// millisecond) to take the store.
    static let batchGapMicroseconds: UInt32 = 20_000
    /// ReplicaSets and ReplicationControllers whose next sync looks for orphans to adopt.
    var adoptionPending: Set<Work> = []
    /// Refused syncs so far of the controllers whose retry fired in this command.
    var refusedBefore: [Work: Int] = [:]
    /// Controllers refused in this command: not synced again until their retry fires.
    var waitingRetry: Set<Work> = []
    /// The exact time (ms) of the retry a controller's sync is (`retryRefused`).
    var retryClockMs: [Work: Int64] = [:]
    /// Pods written in this transaction by namespace, with the labels they had before and after, and
    /// the Services written (`namespace/name`): what the Endpoints controller looks at (`syncServices`).
    var endpointPodChanges: [String: [String: [JSONValue]]] = [:]
    var changedServices: Set<String> = []
    /// Objects were restored behind the controllers' back: every Service's endpoints are computed anew.
    var endpointsFullSync = false
    /// While the DaemonSet controller writes the status it has just counted.
    var writingDaemonStatus = false
    /// Namespaces known to be (or not be) Terminating in this transaction: no events go into them.
    var terminatingNamespaces: [String: Bool] = [:]
    /// The start of the event lease known open in this transaction (`eventWritten`).
    var openEventLease: Int64?
    /// Guards against controllers that never settle.
    static let maxWorkItems = 200_000

    init(session: APISession) {
        self.s = session
        versionsAtStart = (try? session.tx.currentResourceVersion()) ?? 0
    }

    /// The store's resource version when this transaction's controller work began: what it has written
    /// since (every stored write takes one) is the work it has done, counted in objects, so where a
    /// transaction ends does not depend on the machine's load or speed.
    let versionsAtStart: Int64
    /// Objects written in this transaction so far (creates, updates, deletions' states, events).
    var writesInTransaction: Int64 { ((try? s.tx.currentResourceVersion()) ?? versionsAtStart) - versionsAtStart }
    /// How many writes a transaction of controller or timer work makes before splittable work goes to
    /// the next one: a burst of 500 pods created, scheduled and started (about ten writes each, events
    /// included) fits, about a quarter of a second of CPU.
    static let transactionWrites: Int64 = 5_000
    /// Whether this transaction has done enough that splittable work should go to the next one.
    var transactionOverBudget: Bool { writesInTransaction > Self.transactionWrites }
    /// Whether creating more pods in this transaction would take it over its budget: a pod's creation
    /// (the pod and its event) is a fifth of its writes, the scheduling and start that follow in the
    /// same transaction the rest, so creations stop at a third of the budget (a lone burst of 500,
    /// about 1,000 writes, is never cut).
    var creationOverBudget: Bool { writesInTransaction > Self.transactionWrites / 3 }

    enum Work: Hashable {
        case pod(String, String)
        case pendingPods
        case ephemeralClaims(String, String)
        case pvc(String, String)
        case pendingClaims
        case replicaSet(String, String)
        case replicationController(String, String)
        case statefulSet(String, String)
        case daemonSet(String, String)
        case daemonSetNode(String, String, String)  // namespace, name, node
        case daemonSetsOnNode(String)
        case job(String, String)
        case adopt(String)
        case deployment(String, String)
        case cronJob(String, String)
        case services(String)
        case node(String)
        case waitingPods(String)
        case hpa(String, String)
        case stage(String, String, String)  // storage key, namespace, name
        case csr(String)
        case flowSchema(String)
        case flowSchemasNaming(String)  // a priority level's name
        case apfEnsure

        /// The work a refused sync retries (a DaemonSet's node syncs wait with the DaemonSet).
        var retried: Work {
            if case .daemonSetNode(let ns, let name, _) = self { return .daemonSet(ns, name) }
            return self
        }

        var level: Int {
            switch self {
            case .node: return 0
            case .pod, .pendingPods, .waitingPods, .ephemeralClaims: return 0
            case .pvc, .pendingClaims, .stage: return 1
            case .replicaSet, .replicationController, .statefulSet, .daemonSet, .daemonSetNode, .daemonSetsOnNode, .job, .adopt: return 2
            case .deployment, .cronJob, .hpa: return 3
            case .services, .csr, .flowSchema, .flowSchemasNaming, .apfEnsure: return 4
            }
        }
    }

    func enqueue(_ w: Work) {
        // A controller whose create was refused waits for its back-off (its retry timer), as a
        // rate-limited work queue holds an item back, whatever else changes meanwhile.
        if waitingRetry.contains(w.retried) { return }
        if queued.insert(w).inserted { queues[w.level].append(w) }
    }

    // MARK: types

    lazy var podType = s.registry.type(group: "", kind: "Pod")!
    lazy var nodeType = s.registry.type(group: "", kind: "Node")!
    lazy var eventType = s.registry.type(group: "", kind: "Event")!
    lazy var rsType = s.registry.type(group: "apps", kind: "ReplicaSet")!
    lazy var rcType = s.registry.type(group: "", kind: "ReplicationController")!
    lazy var deployType = s.registry.type(group: "apps", kind: "Deployment")!
    lazy var stsType = s.registry.type(group: "apps", kind: "StatefulSet")!
    lazy var dsType = s.registry.type(group: "apps", kind: "DaemonSet")!
    lazy var crType = s.registry.type(group: "apps", kind: "ControllerRevision")!
    lazy var jobType = s.registry.type(group: "batch", kind: "Job")!
    lazy var cronType = s.registry.type(group: "batch", kind: "CronJob")!
    lazy var svcType = s.registry.type(group: "", kind: "Service")!
    lazy var endpointsType = s.registry.type(group: "", kind: "Endpoints")!
    lazy var sliceType = s.registry.type(group: "discovery.k8s.io", kind: "EndpointSlice")!
    lazy var pvcType = s.registry.type(group: "", kind: "PersistentVolumeClaim")!
    lazy var pvType = s.registry.type(group: "", kind: "PersistentVolume")!
    lazy var scType = s.registry.type(group: "storage.k8s.io", kind: "StorageClass")!
    lazy var nsType = s.registry.type(group: "", kind: "Namespace")!

    // MARK: hooks

    func objectWritten(type: ResourceType, object: JSONValue, old: JSONValue?) throws {
        try route(type: type, object: object, old: old, deleted: false)
        try drain()
    }

    func objectDeleted(type: ResourceType, object: JSONValue) throws {
        try route(type: type, object: object, old: nil, deleted: true)
        // Inside a cascade (the owner or the namespace is already gone) the outer delete drains.
        let ns = object["metadata"]["namespace"].string ?? ""
        if !ns.isEmpty, try s.tx.resourceVersion(resource: nsType.storageKey, namespace: "", name: ns) == nil { return }
        for ref in object["metadata"]["ownerReferences"].array ?? [] {
            if let uid = ref["uid"].string, try s.tx.get(uid: uid) == nil { return }
        }
        try drain()
    }

    /// Decides which controllers care about a change.
    func route(type: ResourceType, object: JSONValue, old: JSONValue?, deleted: Bool) throws {
        let meta = object["metadata"]
        let ns = meta["namespace"].string ?? ""
        let name = meta["name"].string ?? ""
        if type.storageKey == Self.stageStorageKey {
            try stageChanged(object)
            if let old { try stageChanged(old) }
        } else if deleted {
            if stageCache.map({ !$0.isEmpty }) ?? true { try Timers.cancel(s.tx, id: Timers.objectID("stage", type.storageKey, ns, name)) }
        } else if try stagesMayApply(type, object) {
            enqueue(.stage(type.storageKey, ns, name))
        }
        if type.storageKey == eventType.storageKey, !deleted { try eventWritten(stored: true) }
        switch (type.group, type.kind) {
        case ("", "Pod"):
            try s.memory?.podChanged(s.tx, old: deleted ? object : old, new: deleted ? JSONValue?.none : object)
            try podOccupancyChanged(from: deleted ? FieldIndex.activeNode(of: object) : old.flatMap(FieldIndex.activeNode),
                                to: deleted ? nil : FieldIndex.activeNode(of: object))
            if deleted {
                enqueue(.pendingPods)
                try? s.tx.setConfig(KubeletRecord.key(ns, name), nil)
                try Timers.cancel(s.tx, id: podTimerID(ns, name))
                if !meta["deletionTimestamp"].isNull { try Timers.cancel(s.tx, id: stopTimerID(ns, name)) }
                if EphemeralVolumes.has(object) { try Timers.cancel(s.tx, id: Timers.objectID(Self.retryPrefix, podType.storageKey, ns, name)) }
            } else {
                if let old, object["status"]["phase"].string == "Pending",
                    old["spec"]["containers"] != object["spec"]["containers"] || old["spec"]["initContainers"] != object["spec"]["initContainers"]
                {
                    kubeletWake.insert(meta["uid"].string ?? "")
                }
                enqueue(.pod(ns, name))
                // The ephemeral volume controller looks at new pods only (a pod's volumes do not change).
                if old == nil, meta["deletionTimestamp"].isNull, EphemeralVolumes.has(object) { enqueue(.ephemeralClaims(ns, name)) }
                if !object["spec"]["activeDeadlineSeconds"].isNull { try podDeadlineTimer(object) }
            }
            for obj in [object, old ?? .null] where !obj.isNull {
                if let owner = controllerRef(obj) {
                    // A DaemonSet looks at the pod's node alone.
                    if owner.kind == "DaemonSet" { enqueue(.daemonSetNode(ns, owner.name, daemonPodNode(obj) ?? "")) } else { enqueueOwner(owner, namespace: ns) }
                } else if !deleted { enqueue(.adopt(ns)) }
            }
            endpointsNoteChange(type: type, object: object, old: old)
            enqueue(.services(ns))
        case ("", "Namespace"):
            terminatingNamespaces[name] = nil
        case ("", "Node"):
            enqueue(.node(name))
            rescanPendingPods()
            enqueue(.daemonSetsOnNode(name))
            forgetNodes()
            managedNodes[name] = nil
        case ("apps", "ReplicaSet"):
            enqueue(.replicaSet(ns, name))
            if deleted { s.memory?.ownerDeleted(uid: meta["uid"].string ?? "") }
            if mayNeedAdoption(object, old: old, deleted: deleted) { adoptionPending.insert(.replicaSet(ns, name)) }
            if let owner = controllerRef(object) { enqueueOwner(owner, namespace: ns) }
        case ("", "ReplicationController"):
            enqueue(.replicationController(ns, name))
            if mayNeedAdoption(object, old: old, deleted: deleted) { adoptionPending.insert(.replicationController(ns, name)) }
        case ("apps", "Deployment"): enqueue(.deployment(ns, name))
        case ("apps", "StatefulSet"): enqueue(.statefulSet(ns, name))
        case ("apps", "DaemonSet"):
            if !writingDaemonStatus { enqueue(.daemonSet(ns, name)) }
            if deleted { try forgetShares(uid: meta["uid"].string ?? "") }
        case ("batch", "Job"):
            enqueue(.job(ns, name))
            if !deleted, !object["spec"]["activeDeadlineSeconds"].isNull || !object["spec"]["ttlSecondsAfterFinished"].isNull {
                try jobTimers(object)
            }
            if let owner = controllerRef(object) { enqueueOwner(owner, namespace: ns) }
        case ("batch", "CronJob"): enqueue(.cronJob(ns, name))
        case ("autoscaling", "HorizontalPodAutoscaler"):
            if deleted || old == nil || old?["spec"] != object["spec"] { enqueue(.hpa(ns, name)) }
        case ("", "Service"):
            endpointsNoteChange(type: type, object: object, old: old)
            if deleted { try s.tx.setConfig(Self.endpointsWrittenKey(ns, name), nil) }
            enqueue(.services(ns))
            if !deleted { enqueue(.waitingPods(ns)) }
        case ("", "ConfigMap"):
            if !deleted { enqueue(.waitingPods(ns)) }
        case ("", "Secret"):
            if !deleted {
                enqueue(.waitingPods(ns))
                try syncTokenSecret(object)
            }
        case ("", "ServiceAccount"):
            if deleted { try serviceAccountDeleted(object) }
        case ("", "PersistentVolumeClaim"):
            if deleted {
                reclaimQueue.append(object)
                try ephemeralClaimDeleted(object)
                for what in [Self.claimSyncTimer, Self.provisionRetryTimer] {
                    try Timers.cancel(s.tx, id: Timers.objectID(what, pvcType.storageKey, ns, name))
                }
            } else {
                enqueue(.pvc(ns, name))
            }
            enqueue(.pendingClaims)
            // A new claim may be the one a pod waits for (the scheduler requeues pods on claim adds).
            if object["status"]["phase"].string == "Bound" || (old == nil && !deleted) { rescanPendingPods() }
        case ("certificates.k8s.io", "CertificateSigningRequest"):
            if !deleted { enqueue(.csr(name)) }
        case ("rbac.authorization.k8s.io", "ClusterRole"):
            try aggregateClusterRoles()
        case (Self.apfGroup, "FlowSchema"):
            if !deleted { enqueue(.flowSchema(name)) }
            try apfConfigurationChanged()
        case (Self.apfGroup, "PriorityLevelConfiguration"):
            if deleted || old == nil { enqueue(.flowSchemasNaming(name)) }
            try apfConfigurationChanged()
        case ("", "PersistentVolume"), ("storage.k8s.io", "StorageClass"):
            enqueue(.pendingClaims)
            if !deleted { rescanPendingPods() }
        default:
            break
        }
    }

    /// A controller written anew, or with another spec or labels, looks for orphans to adopt; its
    /// status writes do not (orphans are otherwise adopted when they appear: `.adopt`).
    func mayNeedAdoption(_ object: JSONValue, old: JSONValue?, deleted: Bool) -> Bool {
        guard !deleted else { return false }
        guard let old else { return true }
        var was = old["spec"], next = object["spec"]
        was.remove(["replicas"])
        next.remove(["replicas"])
        return was != next || old["metadata"]["labels"] != object["metadata"]["labels"]
            || old["metadata"]["deletionTimestamp"] != object["metadata"]["deletionTimestamp"]
    }

    /// Something besides pod counts that pending pods may wait for changed: look at all of them.
    func rescanPendingPods() {
        nodesChanged = true
        enqueue(.pendingPods)
    }

    /// Claims deleted in this transaction, whose volumes' reclaim policy applies.
    var reclaimQueue: [JSONValue] = []

    func enqueueOwner(_ owner: OwnerRef, namespace ns: String) {
        switch owner.kind {
        case "ReplicaSet": enqueue(.replicaSet(ns, owner.name))
        case "ReplicationController": enqueue(.replicationController(ns, owner.name))
        case "StatefulSet": enqueue(.statefulSet(ns, owner.name))
        case "DaemonSet": enqueue(.daemonSet(ns, owner.name))
        case "Job": enqueue(.job(ns, owner.name))
        case "Deployment": enqueue(.deployment(ns, owner.name))
        case "CronJob": enqueue(.cronJob(ns, owner.name))
        default: break
        }
    }

    /// Runs `body` as one controller sync: the work its writes queue waits until it is done (a caller
    /// outside `drain`, a timer, then drains as usual).
    func asOneSync<T>(_ body: () throws -> T) rethrows -> T {
        let held = draining
        draining = true
        defer { draining = held }
        return try body()
    }

    func drain() throws {
        guard !draining else { return }
        draining = true
        s.writeDepth += 1  // controllers' writes are not client requests
        defer { draining = false; s.writeDepth -= 1 }
        var processed = 0
        while processed < ControllerManager.maxWorkItems {
            if !reclaimQueue.isEmpty {
                let claim = reclaimQueue.removeFirst()
                try reclaim(claimDeleted: claim)
                processed += 1
                continue
            }
            guard let level = (0..<queues.count).first(where: { heads[$0] < queues[$0].count }) else { break }
            let w = queues[level][heads[level]]
            heads[level] += 1
            if heads[level] == queues[level].count {
                queues[level].removeAll(keepingCapacity: true)
                heads[level] = 0
            }
            queued.remove(w)
            processed += 1
            do { try run(w) } catch is PodCreationRefused {
                if try retryRefused(w.retried, failures: refusedBefore[w.retried] ?? 0) { waitingRetry.insert(w.retried) }
                continue
            }
        }
    }

    func run(_ w: Work) throws {
        switch w {
        case .pod(let ns, let name): try syncPod(namespace: ns, name: name)
        case .pendingPods: try schedulePendingPods()
        case .ephemeralClaims(let ns, let name): try syncEphemeralClaims(namespace: ns, name: name)
        case .node(let name): try syncNode(name)
        case .pvc(let ns, let name): try syncClaim(namespace: ns, name: name)
        case .pendingClaims: try syncPendingClaims()
        case .replicaSet(let ns, let name): try syncReplicaSet(type: rsType, namespace: ns, name: name)
        case .replicationController(let ns, let name): try syncReplicaSet(type: rcType, namespace: ns, name: name)
        case .statefulSet(let ns, let name): try syncStatefulSet(namespace: ns, name: name)
        case .daemonSet(let ns, let name): try syncDaemonSet(namespace: ns, name: name)
        case .daemonSetNode(let ns, let name, let node): try syncDaemonSetNode(namespace: ns, name: name, node: node)
        case .daemonSetsOnNode(let node):
            for row in try s.tx.listSummaries(resource: dsType.storageKey, namespace: nil) {
                enqueue(.daemonSetNode(row.namespace, row.name, node))
            }
        case .job(let ns, let name): try syncJob(namespace: ns, name: name)
        case .adopt(let ns): try adoptOrphans(namespace: ns)
        case .deployment(let ns, let name): try syncDeployment(namespace: ns, name: name)
        case .cronJob(let ns, let name): try syncCronJob(namespace: ns, name: name)
        case .services(let ns): try syncServices(namespace: ns)
        case .waitingPods(let ns): try wakeWaitingPods(namespace: ns)
        case .hpa(let ns, let name): try scheduleHPA(namespace: ns, name: name)
        case .stage(let key, let ns, let name): try syncStage(storageKey: key, namespace: ns, name: name)
        case .csr(let name): try syncCSR(name: name)
        case .flowSchema(let name): try syncFlowSchemaDangling(name: name)
        case .flowSchemasNaming(let level): try syncFlowSchemasNaming(level: level)
        case .apfEnsure: try ensureAPFConfiguration()
        }
    }

    // MARK: helpers

    struct OwnerRef { var kind: String; var name: String; var uid: String }

    func controllerRef(_ obj: JSONValue) -> OwnerRef? {
        for ref in obj["metadata"]["ownerReferences"].array ?? [] where ref["controller"].bool == true {
            return OwnerRef(kind: ref["kind"].string ?? "", name: ref["name"].string ?? "", uid: ref["uid"].string ?? "")
        }
        return nil
    }

    func ownerReference(_ owner: JSONValue, apiVersion: String, kind: String) -> JSONValue {
        ["apiVersion": .string(apiVersion), "blockOwnerDeletion": true, "controller": true, "kind": .string(kind),
         "name": owner["metadata"]["name"], "uid": owner["metadata"]["uid"]]
    }

    func namespaceExists(_ ns: String) throws -> Bool {
        // `stored` reads and parses the namespace once per transaction (then confirms its version).
        guard let (_, obj) = try s.stored(nsType, namespace: "", name: ns) else { return false }
        return obj["status"]["phase"].string != "Terminating"
    }

    /// A live (not being deleted) object, or nil.
    func live(_ type: ResourceType, _ ns: String, _ name: String) throws -> JSONValue? {
        guard let obj = try s.find(type, namespace: ns, name: name) else { return nil }
        if !obj["metadata"]["deletionTimestamp"].isNull { return nil }
        if type.namespaced, !(try namespaceExists(ns)) { return nil }
        return obj
    }

    /// Rows (full) of `type` in `ns` matching `sel`.
    func rows(_ type: ResourceType, _ ns: String, matching sel: LabelSelector) throws -> [ObjectRow] {
        if sel.matchesNothing { return [] }
        if let reqs = sel.storeRequirements {
            return try s.tx.list(resource: type.storageKey, namespace: ns, labels: reqs)
        }
        return try s.tx.list(resource: type.storageKey, namespace: ns).filter { row in
            sel.matches(labels: (try? JSON.parse(row.labels)) ?? .null)
        }
    }

    func labels(_ obj: JSONValue) -> [String: String] {
        var m: [String: String] = [:]
        for (k, v) in obj["metadata"]["labels"].stringMap { m[k] = v }
        return m
    }

    func isTerminated(_ pod: JSONValue) -> Bool {
        let phase = pod["status"]["phase"].string
        return phase == "Succeeded" || phase == "Failed"
    }

    func isReady(_ pod: JSONValue) -> Bool {
        (pod["status"]["conditions"].array ?? []).contains { $0["type"].string == "Ready" && $0["status"].string == "True" }
    }

    /// Updates `obj` when it differs from `old` (the API server keeps unchanged objects as they are).
    @discardableResult
    func save(_ obj: JSONValue, _ old: JSONValue, _ type: ResourceType) throws -> JSONValue {
        if obj == old { return old }
        return try s.update(obj, type: type)
    }

    /// Creates a pod from a template for a controller.
    @discardableResult
    func createPod(owner: JSONValue, ownerAPIVersion: String, ownerKind: String, template: JSONValue,
                   name: String? = nil, generateName: String? = nil, extraLabels: [(String, String)] = [],
                   mutateSpec: ((inout JSONValue) -> Void)? = nil) throws -> JSONValue
    {
        podsCreated += 1
        let ns = owner["metadata"]["namespace"].string ?? "default"
        var meta: JSONValue = .emptyObject
        if let name { meta["name"] = .string(name) }
        if let generateName { meta["generateName"] = .string(generateName) }
        meta["namespace"] = .string(ns)
        var lbl = template["metadata"]["labels"].object ?? JSONObject()
        for (k, v) in extraLabels { lbl[k] = .string(v) }
        if !lbl.isEmpty { meta["labels"] = .object(lbl) }
        if let ann = template["metadata"]["annotations"].object, !ann.isEmpty { meta["annotations"] = .object(ann) }
        meta["ownerReferences"] = [ownerReference(owner, apiVersion: ownerAPIVersion, kind: ownerKind)]
        var spec = template["spec"]
        mutateSpec?(&spec)
        let pod: JSONValue = ["apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": spec]
        do {
            return try s.create(pod, type: podType, namespace: ns)
        } catch let e as APIError where e.reason != .alreadyExists {
            // Refused by admission (a quota, a limit range: Forbidden) or by validation (a StatefulSet's
            // template, whose pod spec the API server does not check, or a spec a LimitRange's defaults
            // made invalid: Invalid): the owner records it, as a cluster does (RealPodControl.createPods:
            // any error but the namespace's termination). The StatefulSet controller words it its own
            // way (StatefulPodControl.recordPodEvent).
            if !e.message.hasSuffix("because it is being terminated") {
                let message = ownerKind == "StatefulSet"
                    ? "create Pod \(name ?? "") in StatefulSet \(owner["metadata"]["name"].string ?? "") failed error: \(e.message)"
                    : "Error creating: \(e.message)"
                event(owner, type: "Warning", reason: "FailedCreate", message: message, component: Self.controllerName(ownerKind))
            }
            throw PodCreationRefused(message: e.message)
        }
    }

    /// A controller's pod create was refused by admission; the controller stops this sync (after
    /// recording its status) and tries again later (`retryRefused`).
    struct PodCreationRefused: Error { var message: String }

    /// Consecutive refused syncs per controller, while its retries fire (reset when one succeeds).
    static let retryPrefix = "retry"

    /// A refused sync is tried again as the controllers' rate-limited work queues do (client-go's
    /// exponential item back-off): the n-th refusal in a row waits 5 ms x 2^(n-1), at most 1,000 s (a
    /// Job's queue: 1 s doubling, at most 60 s). A sync the controller is woken for meanwhile (its own
    /// status write, a scale) counts as a refusal too but leaves the earlier retry in place, as the
    /// delaying queue keeps an item's earliest time. Times are kept in milliseconds (`ms` in the
    /// timer's payload); the timer falls due in the second the retry happens. The Deployment controller
    /// gives up after 15 requeues (`maxRetries`: the key is forgotten until the Deployment, one of its
    /// ReplicaSets or pods changes again). Returns whether a retry is scheduled.
    @discardableResult
    func retryRefused(_ w: Work, failures: Int) throws -> Bool {
        guard let target = retryTarget(w) else { return false }
        let id = Timers.objectID(Self.retryPrefix, target.0.storageKey, target.1, target.2)
        var f = failures
        var dueMs = Int64.max
        if let pending = try Timers.scheduled(s.tx, id: id) {
            f = max(f, Int(pending.payload["failures"].int ?? 0))
            dueMs = pending.payload["ms"].int ?? pending.due * 1000
        }
        if target.0.kind == "Deployment", f >= Self.deploymentMaxRetries, dueMs == Int64.max {
            refusedBefore[w] = nil
            return false
        }
        let (base, cap): (Int64, Int64) = target.0.kind == "Job" ? (1000, 60_000) : (5, 1_000_000)
        let delay = f >= 40 ? cap : min(cap, base << Int64(f))
        dueMs = min(dueMs, (retryClockMs[w] ?? now.seconds * 1000) + delay)
        // Far behind real time, the retries at the cap whose events would have expired by now are
        // skipped (a store left for a year does not replay 30,000 refusals one by one).
        let horizon = (wallNow.seconds - Self.eventTTL - Self.leaseReuse) * 1000
        if delay == cap, dueMs < horizon {
            let skipped = (horizon - dueMs) / cap
            dueMs += skipped * cap
            f += Int(min(skipped, 1000))
        }
        try Timers.set(s.tx, id: id, due: dueMs / 1000, payload: ["failures": .int(Int64(f + 1)), "ms": .int(dueMs)])
        return true
    }

    /// The Deployment controller's `maxRetries`: a sync that keeps failing is requeued 15 times.
    static let deploymentMaxRetries = 15

    private func retryTarget(_ w: Work) -> (ResourceType, String, String)? {
        switch w {
        case .replicaSet(let ns, let name): return (rsType, ns, name)
        case .replicationController(let ns, let name): return (rcType, ns, name)
        case .statefulSet(let ns, let name): return (stsType, ns, name)
        case .daemonSet(let ns, let name): return (dsType, ns, name)
        case .job(let ns, let name): return (jobType, ns, name)
        case .deployment(let ns, let name): return (deployType, ns, name)
        case .ephemeralClaims(let ns, let name): return (podType, ns, name)
        default: return nil
        }
    }

    /// Whether a refused controller waits for its retry (an orphan elsewhere in its namespace does not
    /// wake it).
    func awaitingRetry(_ type: ResourceType, namespace ns: String, name: String) throws -> Bool {
        try Timers.scheduled(s.tx, id: Timers.objectID(Self.retryPrefix, type.storageKey, ns, name)) != nil
    }

    /// A retry fell due: sync the controller again, remembering how many times it was refused.
    func retryDue(storageKey: String, namespace ns: String, name: String, payload: JSONValue) {
        let w: Work
        switch storageKey {
        case rsType.storageKey: w = .replicaSet(ns, name)
        case rcType.storageKey: w = .replicationController(ns, name)
        case stsType.storageKey: w = .statefulSet(ns, name)
        case dsType.storageKey: w = .daemonSet(ns, name)
        case jobType.storageKey: w = .job(ns, name)
        case deployType.storageKey: w = .deployment(ns, name)
        case podType.storageKey: w = .ephemeralClaims(ns, name)
        default: return
        }
        refusedBefore[w] = Int(payload["failures"].int ?? 1)
        if let ms = payload["ms"].int { retryClockMs[w] = ms }
        waitingRetry.remove(w)
        enqueue(w)
    }

    static func controllerName(_ kind: String) -> String {
        switch kind {
        case "ReplicaSet": return "replicaset-controller"
        case "ReplicationController": return "replication-controller"
        case "StatefulSet": return "statefulset-controller"
        case "DaemonSet": return "daemonset-controller"
        case "Job": return "job-controller"
        default: return kind.lowercased() + "-controller"
        }
    }

    // MARK: events

    /// Records a core/v1 Event about `obj` (kind and apiVersion from the object).
    /// `decided`: a catch-up's replay decided its count and first time (`replayEvents`).
    func event(_ obj: JSONValue, type: String = "Normal", reason: String, message: String, component: String,
               host: String? = nil, fieldPath: String? = nil, repeats: Int64 = 1, first: Timestamp? = nil,
               decided: SpamDecision? = nil)
    {
        if muteEvents || repeats < 1 { return }
        let meta = obj["metadata"]
        let uid = meta["uid"].string ?? ""
        // What the spam filter lets through is decided as the event is recorded (EventSpamFilter).
        eventsPerObject[uid, default: 0] += 1
        let name = meta["name"].string ?? ""
        startEventCounter()
        eventCounter += 1_000
        // An event a replay made anew is named for the time it was made.
        let made = decided.map { $0.fresh ? $0.first : now } ?? now
        let nanos = UInt64(max(0, made.seconds)) &* 1_000_000_000 &+ UInt64(eventCounter % 1_000_000_000)
        let eventName = name + "." + hex(nanos)
        // Drawn here on both paths, so the random sequence is the same whichever writes the event.
        let random = uuidV4()
        if repeats == 1, first == nil, decided == nil,
           joinReplay(obj, type: type, reason: reason, message: message, component: component, host: host, fieldPath: fieldPath) { return }
        if repeats == 1, first == nil, decided == nil, component == "kubelet", type == "Normal",
           recordRoutineKubelet(obj, reason: reason, message: message, host: host, fieldPath: fieldPath,
                                eventName: eventName, random: random) { return }
        var ev = eventBody(obj, type: type, reason: reason, message: message, component: component, host: host, fieldPath: fieldPath)
        ev["metadata"]["name"] = .string(eventName)
        ev["metadata"]["uid"] = .string(random)
        // Events are best effort, as in a cluster.
        // A pod's Normal kubelet events (pulling, created, started, ...) are a few distinct ones per
        // pod: the aggregator, which needs ten different messages of one reason, is not asked.
        try? record(ev, repeats: repeats, first: first, aggregate: !(component == "kubelet" && type == "Normal"),
                    routine: Self.routineSpam(obj, type: type, reason: reason, component: component), decided: decided)
    }

    /// The Event `event` writes about `obj` at `now`, without its name and uid.
    func eventBody(_ obj: JSONValue, type: String, reason: String, message: String, component: String, host: String?,
                   fieldPath: String?) -> JSONValue {
        let meta = obj["metadata"]
        let ns = meta["namespace"].string ?? "default"
        var involved: JSONValue = ["apiVersion": obj["apiVersion"], "kind": obj["kind"], "name": .string(meta["name"].string ?? "")]
        if let fieldPath { involved["fieldPath"] = .string(fieldPath) }
        if !(meta["namespace"].string ?? "").isEmpty { involved["namespace"] = .string(ns) }
        involved["resourceVersion"] = meta["resourceVersion"]
        involved["uid"] = .string(meta["uid"].string ?? "")
        var source: JSONValue = ["component": .string(component)]
        if let host { source["host"] = .string(host) }
        let t = JSONValue.string(now.rfc3339)
        return [
            "apiVersion": "v1", "kind": "Event",
            "metadata": ["name": "", "namespace": .string(ns), "uid": "", "creationTimestamp": t],
            "involvedObject": involved, "reason": .string(reason), "message": .string(message), "source": source,
            "firstTimestamp": t, "lastTimestamp": t, "count": 1, "type": .string(type), "eventTime": nil,
            "reportingComponent": .string(component), "reportingInstance": .string(host ?? ""),
        ]
    }

    var now: Timestamp { clockOverride ?? s.now }

    /// Event names end in the hexadecimal nanoseconds of their time, as a recorder's `UnixNano()`: the
    /// part below the second counts up from the store's resource version (times 1,000), so events of
    /// one second are named in the order they happened, across commands too.
    func startEventCounter() {
        if eventCounter == 0 { eventCounter = max(1, ((try? s.tx.currentResourceVersion()) ?? 1) % 1_000_000 * 1_000) }
    }
}

/// Lowercase hexadecimal without leading zeros (Go's `%x`).
func hex(_ v: UInt64) -> String {
    String(v, radix: 16)
}

/// FNV-1a, 32 bits.
func fnv32a(_ s: String) -> UInt32 {
    var h: UInt32 = 2_166_136_261
    for b in s.utf8 {
        h ^= UInt32(b)
        h = h &* 16_777_619
    }
    return h
}

/// FNV-1a, 64 bits.
func fnv64a(_ s: String) -> UInt64 {
    var h: UInt64 = 14_695_981_039_346_656_037
    var s = s
    s.withUTF8 { bytes in
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 1_099_511_628_211
        }
    }
    return h
}

/// A template hash as the controllers name things: FNV-32a of the canonical JSON, the decimal digits
/// mapped onto the `SafeEncodeString` alphabet (`4 5 6 7 8 9 b c d f`).
func templateHash(_ template: JSONValue, collisionCount: Int64 = 0) -> String {
    var text = template.compactJSON
    if collisionCount > 0 { text += String(collisionCount) }
    return safeEncodeString(String(fnv32a(text)))
}

/// 64 pseudo-random lowercase hex characters (container IDs).
func randomHex64() -> String {
    var out = ""
    for _ in 0..<4 {
        let v = UInt64.random(in: 0...UInt64.max)
        let h = String(v, radix: 16)
        out += String(repeating: "0", count: 16 - h.count) + h
    }
    return out
}

/// 64 hex characters derived from `seed` (stable image digests).
func stableHex64(_ seed: String) -> String {
    var out = ""
    var h = fnv64a(seed)
    for i in 0..<4 {
        h = fnv64a(String(h) + seed + String(i))
        let part = String(h, radix: 16)
        out += String(repeating: "0", count: 16 - part.count) + part
    }
    return out
}

extension APIServer {
    /// The clock-driven controllers (CronJobs), run when a command opens the store: a read finds
    /// whether anything is due, and only then a write transaction reconciles.
    public func runClockControllers() throws {
        try runCronJobsAndTimers()
        // A retry may start what has its own timer, already due (a run held in its postStart hook ended).
        if try runKubeletRetries() { try runCronJobsAndTimers() }
        try runHPASyncs()
        try sweepExpiredEventsOnOpen()
    }
}
