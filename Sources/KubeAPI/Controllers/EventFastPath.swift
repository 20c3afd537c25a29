import KubeModel
import KubeRegistry
import KubeStore

/// A pod's routine events (its kubelet's `Pulling`, `Pulled`, `Created`, `Started` while the pod is fresh,
/// its `Killing`, and the scheduler's `Scheduled`) are written without the general recorder's object
/// tree: their JSON text is written straight from the parts, in the order and with the escaping the
/// object would have been written with (`JSONValue.jsonString(.compactOrdered)`), and the correlator's
/// and spam filter's keys are joined from the same parts. The kubelet's go this way only when `record`
/// would insert them as they are: nothing stored to count them on (for a fresh pod, `freshPodEvents`
/// names nothing under the alias; for `Killing`, the alias names no row), and no spam-filter setting
/// for the pod. Then this path writes the same row (text, resource version, uid, alias); otherwise
/// `record` runs as before.
extension ControllerManager {
    /// Writes a pod's routine kubelet event when `record` would only insert it as it is (see above): a
    /// fresh pod's `Pulling`, `Pulled`, `Created`, `Started`, or any pod's `Killing` whose alias names no
    /// stored event (written with that alias, as `record` writes it).
    /// `random`: the uid drawn for the event (the slow path draws it at the same point). Returns false
    /// (nothing done) when `record` must run.
    func recordRoutineKubelet(_ obj: JSONValue, reason: String, message: String, host: String?, fieldPath: String?,
                              eventName: String, random: String) -> Bool {
        let meta = obj["metadata"]
        guard eventType.cellsOnRead, case .string(let apiVersion) = obj["apiVersion"], case .string(let kind) = obj["kind"],
              kind == "Pod", case .string(let uid) = meta["uid"], case .string(let ns) = meta["namespace"], !ns.isEmpty,
              case .string(let podRV) = meta["resourceVersion"],
              Self.routineSpam(obj, type: "Normal", reason: reason, component: "kubelet") else { return false }
        // A fresh pod's events of these reasons keep no alias; any other pod's are looked for by the
        // pod's name as well when their alias names nothing (`record`): those take the general path.
        let fresh = freshPodsTx === s.tx && freshPods.contains(uid)
        guard fresh == Self.reasonsWithoutAlias.contains(reason) else { return false }
        let name = meta["name"].string ?? ""
        let hostName = host ?? ""
        do {
            // As `record`: nothing is recorded in a namespace being deleted.
            if try namespaceTerminating(ns) { return true }
        } catch {
            return false
        }
        let identity = ["kubelet", hostName, kind, ns, name, uid, apiVersion, fieldPath ?? "", "Normal", reason, message]
            .joined(separator: "\u{1}")
        let alias = Int64(bitPattern: fnv64a(ns + "/" + hex(fnv64a(identity))))
        if fresh {
            guard freshPodEvents[alias] == nil else { return false }
        } else {
            // An event stored under the alias (even one whose lease ran out): `record` decides.
            let expiry = s.tx.expiry
            s.tx.expiry = nil
            defer { s.tx.expiry = expiry }
            do {
                if try s.tx.summary(alias: alias) != nil { return false }
            } catch {
                return false
            }
        }
        let spamKey = Self.spamKey(component: "kubelet", host: hostName, kind: kind, namespace: ns, name: name, uid: uid,
                                   apiVersion: apiVersion)
        do {
            if try spamRowMayExist(spamKey), try s.tx.config(spamKey).flatMap(SpamBucket.init) != nil { return false }
        } catch {
            return false
        }
        // Errors are dropped, as `event` drops `record`'s: events are best effort.
        do {
            try eventWritten()
            let eventUID = try s.tx.rowUID(random)
            let rv = try s.tx.nextResourceVersion()
            let t = now.rfc3339
            var w = EventTextWriter()
            w.eventHeader(name: eventName, namespace: ns, uid: eventUID, created: t, resourceVersion: rv)
            w.raw(#"},"involvedObject":{"apiVersion":"#)
            w.string(apiVersion)
            w.raw(#","kind":"#)
            w.string(kind)
            w.raw(#","name":"#)
            w.string(name)
            if let fieldPath {
                w.raw(#","fieldPath":"#)
                w.string(fieldPath)
            }
            w.raw(#","namespace":"#)
            w.string(ns)
            w.raw(#","resourceVersion":"#)
            w.string(podRV)
            w.raw(#","uid":"#)
            w.string(uid)
            w.raw(#"},"reason":"#)
            w.string(reason)
            w.raw(#","message":"#)
            w.string(message)
            w.raw(#","source":{"component":"kubelet""#)
            if let host {
                w.raw(#","host":"#)
                w.string(host)
            }
            w.raw(#"},"firstTimestamp":"#)
            w.string(t)
            w.raw(#","lastTimestamp":"#)
            w.string(t)
            w.raw(#","count":1,"type":"Normal","eventTime":null,"reportingComponent":"kubelet","reportingInstance":"#)
            w.string(hostName)
            w.raw("}")
            let row = ObjectRow(resource: eventType.storageKey, namespace: ns, name: eventName, uid: eventUID, resourceVersion: rv,
                                labels: "{}", ownerUIDs: [], cells: "", data: w.text,
                                fields: [IndexedField("involvedObject.name", name)])
            try s.tx.insert(row, alias: fresh ? nil : alias)
            if fresh { freshPodEvents[alias] = eventName }
        } catch {}
        return true
    }

    /// The stored row of the scheduler's event as `createSchedulerEvent` builds it (`uid` and `rv` set),
    /// its text written from the parts; nil when a part is not a string (the object tree is written then).
    func schedulerEventRow(_ pod: JSONValue, name eventName: String, uid eventUID: String, resourceVersion rv: Int64,
                           created: String, reason: String, message: String, type: String, eventTime: String,
                           action: String, instance: String) -> ObjectRow? {
        let meta = pod["metadata"]
        guard eventType.cellsOnRead, case .string(let podRV) = meta["resourceVersion"], case .string(let uid) = meta["uid"]
        else { return nil }
        let ns = meta["namespace"].string ?? "default", name = meta["name"].string ?? ""
        var w = EventTextWriter()
        w.eventHeader(name: eventName, namespace: ns, uid: eventUID, created: created, resourceVersion: rv)
        w.raw(#"},"involvedObject":{"apiVersion":"v1","kind":"Pod","name":"#)
        w.string(name)
        w.raw(#","namespace":"#)
        w.string(ns)
        w.raw(#","resourceVersion":"#)
        w.string(podRV)
        w.raw(#","uid":"#)
        w.string(uid)
        w.raw(#"},"reason":"#)
        w.string(reason)
        w.raw(#","message":"#)
        w.string(message)
        w.raw(#","source":{},"firstTimestamp":null,"lastTimestamp":null,"type":"#)
        w.string(type)
        w.raw(#","eventTime":"#)
        w.string(eventTime)
        w.raw(#","action":"#)
        w.string(action)
        w.raw(#","reportingComponent":"default-scheduler","reportingInstance":"#)
        w.string(instance)
        w.raw("}")
        return ObjectRow(resource: eventType.storageKey, namespace: ns, name: eventName, uid: eventUID, resourceVersion: rv,
                         labels: "{}", ownerUIDs: [], cells: "", data: w.text,
                         fields: [IndexedField("involvedObject.name", name)])
    }
}

/// Compact JSON text written piece by piece: constant pieces as they are, string values quoted and
/// escaped as the JSON writer escapes them (Go's encoding/json with HTML escaping).
struct EventTextWriter {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(640) }

    /// `{"apiVersion":"v1","kind":"Event","metadata":{...}` up to the resourceVersion, as the recorder
    /// stores every event's metadata (the caller goes on with `},"involvedObject":...`).
    mutating func eventHeader(name: String, namespace: String, uid: String, created: String, resourceVersion: Int64) {
        raw(#"{"apiVersion":"v1","kind":"Event","metadata":{"name":"#)
        string(name)
        raw(#","namespace":"#)
        string(namespace)
        raw(#","uid":"#)
        string(uid)
        raw(#","creationTimestamp":"#)
        string(created)
        raw(#","resourceVersion":"#)
        string(String(resourceVersion))
    }

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A string value: copied between quotes when no byte of it needs a look (printable ASCII other
    /// than `"`, `\`, `<`, `>`, `&`), else through the JSON writer's own escaping.
    mutating func string(_ s: String) {
        var s = s
        let plain = s.withUTF8 { u -> Bool in
            for b in u where b < 0x20 || b >= 0x7F || b == 0x22 || b == 0x5C || b == 0x3C || b == 0x3E || b == 0x26 {
                return false
            }
            bytes.append(0x22)
            bytes.append(contentsOf: u)
            bytes.append(0x22)
            return true
        }
        if !plain { writeJSONString(s, into: &bytes) }
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
