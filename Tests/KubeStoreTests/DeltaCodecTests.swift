import Testing
import CSQLite
@testable import KubeStore

/// Data format 6 (schema v10): a state only logged is kept as the object's stored data and the edits
/// that make the state; what is read back is exactly the text logged, whatever the edits were.
@Suite struct DeltaCodecTests {
    static func pod(rv: String = "162", deletion: String = "", phase: String = "Running",
                    state: String = #"{"running":{"startedAt":"2026-11-23T12:00:00Z"}}"#, ready: String = "true") -> String {
        #"{"kind":"Pod","apiVersion":"v1","metadata":{"name":"web-7d4b9c-x2k9p","generateName":"web-7d4b9c-","namespace":"ns-3","uid":"97d503ae-ae51-41b9-8802-ee36315e4190","resourceVersion":""#
            + rv + #"","creationTimestamp":"2026-11-23T12:00:00Z""# + deletion
            + #","labels":{"app":"web","pod-template-hash":"7d4b9c"},"ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-7d4b9c","uid":"c3f8bf28-3d71-48c8-bf6c-27a2af6156d2","controller":true,"blockOwnerDeletion":true}]},"spec":{"volumes":[{"name":"kube-api-access-fmnkw","projected":{"sources":[{"serviceAccountToken":{"expirationSeconds":3607,"path":"token"}},{"configMap":{"name":"kube-root-ca.crt","items":[{"key":"ca.crt","path":"ca.crt"}]}},{"downwardAPI":{"items":[{"path":"namespace","fieldRef":{"apiVersion":"v1","fieldPath":"metadata.namespace"}}]}}],"defaultMode":420}}],"containers":[{"name":"nginx","image":"nginx:1.27","resources":{},"volumeMounts":[{"name":"kube-api-access-fmnkw","readOnly":true,"mountPath":"/var/run/secrets/kubernetes.io/serviceaccount"}],"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"IfNotPresent"}],"restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","serviceAccountName":"default","serviceAccount":"default","nodeName":"node-7","securityContext":{},"schedulerName":"default-scheduler","tolerations":[{"key":"node.kubernetes.io/not-ready","operator":"Exists","effect":"NoExecute","tolerationSeconds":300},{"key":"node.kubernetes.io/unreachable","operator":"Exists","effect":"NoExecute","tolerationSeconds":300}],"priority":0,"enableServiceLinks":true,"preemptionPolicy":"PreemptLowerPriority"},"status":{"phase":""#
            + phase + #"","conditions":[{"type":"PodReadyToStartContainers","status":"True","lastProbeTime":null,"lastTransitionTime":"2026-11-23T12:00:00Z"},{"type":"Ready","status":""#
            + (ready == "true" ? "True" : "False") + #"","lastProbeTime":null,"lastTransitionTime":"2026-11-23T12:00:00Z"}],"hostIP":"172.18.0.8","podIP":"10.244.7.12","startTime":"2026-11-23T12:00:00Z","containerStatuses":[{"name":"nginx","state":"#
            + state + #","lastState":{},"ready":"# + ready
            + #","restartCount":0,"image":"docker.io/library/nginx:1.27","imageID":"docker.io/library/nginx@sha256:ad78b7862498157cd936677ceab833d50b3c630946e4145b16a80cd4bc7ce1e3","containerID":"containerd://b2ce823393db349a61f6919331650ea7a2ace35405340ea472c8df800e90f210","started":true}],"qosClass":"BestEffort"}}"#
    }

    static let terminating = pod(rv: "1204", deletion: #","deletionTimestamp":"2026-11-23T12:00:30Z","deletionGracePeriodSeconds":30"#)
    static func stoppedPod(rv: String = "1206", deletion: String = #","deletionTimestamp":"2026-11-23T12:00:30Z","deletionGracePeriodSeconds":30"#) -> String {
        pod(rv: rv, deletion: deletion, phase: "Succeeded",
            state: #"{"terminated":{"exitCode":0,"reason":"Completed","startedAt":"2026-11-23T12:00:00Z","finishedAt":"2026-11-23T12:00:01Z","containerID":"containerd://b2ce823393db349a61f6919331650ea7a2ace35405340ea472c8df800e90f210"}}"#,
            ready: "false")
    }
    static let stopped = stoppedPod()

    static func codec() -> DataCodec {
        let codec = DataCodec()
        codec.eventFormat = true
        codec.deltaFormat = true
        return codec
    }

    static func stored(_ codec: DataCodec, _ text: String) throws -> StoredData {
        StoredData(blob: try #require(codec.encode(text)), text: text)
    }

    func decode(_ codec: DataCodec, _ bytes: [UInt8]) throws -> String {
        try bytes.withUnsafeBufferPointer { try codec.decode($0) }
    }

    @Test func aPassingStateIsTheStoredDataAndItsEditsAndReadsBackExactly() throws {
        let codec = DeltaCodecTests.codec()
        let base = try DeltaCodecTests.stored(codec, DeltaCodecTests.pod())
        for state in [DeltaCodecTests.terminating, DeltaCodecTests.stopped, DeltaCodecTests.pod()] {
            let bytes = try #require(codec.encode(state, against: base))
            #expect(bytes.first == DeltaCodec.format)
            #expect(try decode(codec, bytes) == state)
            // The stored data (about 400 bytes here) and a few edits: far below the text.
            #expect(bytes.count < base.blob.count + 400)
            #expect(bytes.count < state.utf8.count / 3)
        }
    }

    @Test func aStateWithLittleInCommonIsDeflatedAsBefore() throws {
        let codec = DeltaCodecTests.codec()
        let base = try DeltaCodecTests.stored(codec, DeltaCodecTests.pod())
        let other = #"{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"x","namespace":"y"},"data":{"# +
            (0..<40).map { #""k\#($0)":"v\#($0 * 7919)""# }.joined(separator: ",") + "}}"
        let bytes = try #require(codec.encode(other, against: base))
        #expect(bytes.first == DataCodec.writeFormat)
        #expect(try decode(codec, bytes) == other)
        // Without the v10 format (an older store), never a delta.
        codec.deltaFormat = false
        #expect(try #require(codec.encode(DeltaCodecTests.terminating, against: base)).first == DataCodec.writeFormat)
    }

    /// Random edits of the pod (replaced, inserted and removed runs, multi-byte characters): whatever is
    /// kept reads back as the text.
    @Test func randomEditsReadBackExactly() throws {
        let codec = DeltaCodecTests.codec()
        let text = DeltaCodecTests.pod()
        let base = try DeltaCodecTests.stored(codec, text)
        var rng = SplitMix(seed: 12)
        let pieces = [",", "\"", "{", "é", "✓", "ready", "\"running\":{", "0", "x", "\"a\":1,"]
        var deltas = 0
        for _ in 0..<300 {
            var chars = Array(text)
            for _ in 0..<Int(rng.next() % 12) {
                let at = Int(rng.next() % UInt64(chars.count))
                let cut = min(chars.count - at, Int(rng.next() % 40))
                let insert = (0..<Int(rng.next() % 4)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
                chars.replaceSubrange(at..<(at + cut), with: Array(insert))
            }
            let edited = String(chars)
            let bytes = try #require(codec.encode(edited, against: base))
            if bytes.first == DeltaCodec.format { deltas += 1 }
            #expect(try decode(codec, bytes) == edited)
        }
        #expect(deltas > 200)
    }

    /// The states of one deletion in turn (each taking over the parts it shares with the one before, at
    /// its start and its end), a state again, and texts that are each an edit of the one before: each
    /// reads back exactly, no larger than encoded alone by a fresh codec (plus a few bytes where a
    /// taken-over copy is cut).
    @Test func successiveStatesTakeOverSharedPartsAndReadBackExactly() throws {
        let codec = DeltaCodecTests.codec()
        let base = try DeltaCodecTests.stored(codec, DeltaCodecTests.pod())
        let grace0 = DeltaCodecTests.stoppedPod(rv: "1207", deletion: #","deletionTimestamp":"2026-11-23T12:00:00Z","deletionGracePeriodSeconds":0"#)
        for state in [DeltaCodecTests.terminating, DeltaCodecTests.stopped, grace0, grace0, DeltaCodecTests.pod(), DeltaCodecTests.stopped] {
            let bytes = try #require(codec.encode(state, against: base))
            let alone = try #require(DeltaCodecTests.codec().encode(state, against: base))
            #expect(bytes.first == DeltaCodec.format)
            #expect(try decode(codec, bytes) == state)
            #expect(bytes.count <= alone.count + 8)
        }
        var rng = SplitMix(seed: 31)
        var text = DeltaCodecTests.pod()
        let pieces = [",", "\"", "{", "é", "✓", "ready", "\"running\":{", "0", "x", "\"a\":1,"]
        for round in 0..<300 {
            // Chains of ten, each from a state of the pod.
            if round % 10 == 0 { text = [DeltaCodecTests.terminating, DeltaCodecTests.stopped, grace0][round / 10 % 3] }
            var chars = Array(text)
            // Now and then the same text again, or an edit at its very start or end.
            for _ in 0..<(round % 7 == 0 ? 0 : Int(rng.next() % 4) + 1) {
                let at = [0, chars.count, Int(rng.next() % UInt64(chars.count + 1))][Int(rng.next() % 3)]
                let cut = min(chars.count - at, Int(rng.next() % 30))
                let insert = (0..<Int(rng.next() % 4)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
                chars.replaceSubrange(at..<(at + cut), with: Array(insert))
            }
            text = String(chars)
            let bytes = try #require(codec.encode(text, against: base))
            #expect(try decode(codec, bytes) == text)
        }
    }

    @Test func aDamagedEntryIsReportedNotCrashed() throws {
        let codec = DeltaCodecTests.codec()
        let base = try DeltaCodecTests.stored(codec, DeltaCodecTests.pod())
        let bytes = try #require(codec.encode(DeltaCodecTests.stopped, against: base))
        for cut in [1, 2, 3, 10, base.blob.count, bytes.count - 1] {
            #expect(throws: StoreError.self) { _ = try decode(codec, Array(bytes.prefix(cut))) }
        }
        // A copy beyond the base, a base that is itself a delta.
        #expect(throws: StoreError.self) { _ = try decode(codec, [6, 20, 1, 65, 41, 200, 1]) }
        #expect(throws: StoreError.self) { _ = try decode(codec, [6, 1, 3, 6, 1, 1, 2, 65]) }
    }

    /// A pod marked Terminating (a deferred update), its stopped status and grace-0 delete only logged,
    /// then deleted: the four entries are deltas of the stored pod and read back as logged, through
    /// another connection too; the stored row was never rewritten.
    @Test func aGracefulDeleteIsLoggedAsDeltasOfTheStoredPod() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try Store(path: dir.file("s.db"))
        func row(_ data: String, _ rv: Int64) -> ObjectRow {
            ObjectRow(resource: "/pods", namespace: "ns-3", name: "web-7d4b9c-x2k9p", uid: "97d503ae-ae51-41b9-8802-ee36315e4190",
                      resourceVersion: rv, labels: #"{"app":"web"}"#, data: data)
        }
        let grace0 = DeltaCodecTests.stoppedPod(rv: "1207", deletion: #","deletionTimestamp":"2026-11-23T12:00:00Z","deletionGracePeriodSeconds":0"#)
        try store.write { tx in try tx.insert(row(DeltaCodecTests.pod(), 162)) }
        let start = try store.read { try $0.changeLogBounds().last }
        try store.write { tx in
            try tx.update(row(DeltaCodecTests.terminating, 1204), expectedResourceVersion: 162, deferred: true)
            try tx.logPassingState(row(DeltaCodecTests.stopped, 1206))
            let last = row(grace0, 1207)
            let encoded = try tx.logPassingState(last)
            try tx.delete(resource: "/pods", namespace: "ns-3", name: "web-7d4b9c-x2k9p", expectedResourceVersion: 1204,
                          lastState: (last, encoded))
        }
        let other = try Store(path: dir.file("s.db"))
        let changes = try other.read { try $0.changes(resource: "/pods", after: start) }
        #expect(changes.map(\.type) == [.modified, .modified, .modified, .deleted])
        #expect(changes.map(\.row.data) == [DeltaCodecTests.terminating, DeltaCodecTests.stopped, grace0, grace0])
        #expect(changes.map(\.row.resourceVersion) == [1204, 1206, 1207, 1207])
        #expect(try store.db.scalarInt("SELECT count(*) FROM changes WHERE substr(data, 1, 1) = x'06'") == 4)
        #expect(try store.db.scalarInt("SELECT max(length(data)) FROM changes WHERE substr(data, 1, 1) = x'06'") < 1000)
        #expect(try store.read { try $0.count(resource: "/pods", namespace: nil) } == 0)
    }

    /// A deferred update that is read again is written as the row: as a delta of the pod stored before
    /// it in this connection (`DataCodec.encodeStored`), holding that one's data.
    @Test func aDeferredUpdateWrittenLaterIsStoredAgainstTheResourcesBase() throws {
        let store = try Store.inMemory()
        let r = ObjectRow(resource: "/pods", namespace: "ns-3", name: "p", uid: "97d503ae-ae51-41b9-8802-ee36315e4190",
                          resourceVersion: 162, data: DeltaCodecTests.pod())
        try store.write { tx in try tx.insert(r) }
        try store.write { tx in
            var next = r
            next.resourceVersion = 1204
            next.data = DeltaCodecTests.terminating
            try tx.update(next, expectedResourceVersion: 162, deferred: true)
            #expect(try tx.get(resource: "/pods", namespace: "ns-3", name: "p")?.data == DeltaCodecTests.terminating)
        }
        #expect(try store.db.scalarInt("SELECT count(*) FROM object_data WHERE substr(data, 1, 1) = x'06'") == 1)
        let stored = try #require(try store.read { try $0.get(resource: "/pods", namespace: "ns-3", name: "p") })
        #expect(stored.data == DeltaCodecTests.terminating)
        #expect(try store.db.scalarInt("SELECT count(*) FROM changes WHERE substr(data, 1, 1) = x'06'") == 1)
        #expect(try store.read { try $0.get(resource: "/pods", namespace: "ns-3", name: "p") }?.data == DeltaCodecTests.terminating)
    }

    /// A v9 store opens at the current schema (v10 and v11 change no tables), its rows and log entries as they were.
    @Test func aVersionNineStoreMigrates() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("s.db")
        do {
            let store = try Store(path: path)
            try store.write { tx in
                try tx.insert(ObjectRow(resource: "/pods", namespace: "ns-3", name: "p", uid: "97d503ae-ae51-41b9-8802-ee36315e4190",
                                        resourceVersion: 162, data: DeltaCodecTests.pod()))
            }
            try store.db.execute("PRAGMA user_version = 9")
        }
        #expect(Store.schemaVersion == SQL.currentVersion)
        let store = try Store(path: path)
        #expect(try store.db.scalarInt("PRAGMA user_version") == Int64(SQL.currentVersion))
        #expect(try store.read { try $0.get(resource: "/pods", namespace: "ns-3", name: "p") }?.data == DeltaCodecTests.pod())
        #expect(try store.read { try $0.changes(resource: "/pods", after: 0) }.map(\.row.data) == [DeltaCodecTests.pod()])
    }
}

/// A small deterministic generator (tests only).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
