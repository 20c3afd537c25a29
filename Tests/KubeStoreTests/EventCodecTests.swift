import Testing
@testable import KubeStore

/// Data format 5 (schema v9): an event of a known shape is stored as its values, each coded by what it
/// is; what is read back is exactly the text written, whatever the values hold, and a text of another
/// shape is deflated as before.
@Suite struct EventCodecTests {
    static func kubelet(name: String = "web-1.18eaaacd4929d29b", uid: String = "9f0c1d2e-3a4b-4c5d-8e6f-708192a3b4c5",
                        time: String = "2026-11-23T12:00:00Z", message: String = "Started container c", count: String = "1",
                        host: String = "node-1") -> String {
        #"{"apiVersion":"v1","kind":"Event","metadata":{"name":""# + name + #"","namespace":"default","uid":""# + uid
            + #"","creationTimestamp":""# + time + #"","resourceVersion":"1042"},"involvedObject":{"apiVersion":"v1","kind":"Pod","name":"web-1","fieldPath":"spec.containers{c}","namespace":"default","resourceVersion":"1040","uid":"1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b"},"reason":"Started","message":""#
            + message + #"","source":{"component":"kubelet","host":""# + host + #""},"firstTimestamp":""# + time + #"","lastTimestamp":""#
            + time + #"","count":"# + count + #","type":"Normal","eventTime":null,"reportingComponent":"kubelet","reportingInstance":""#
            + host + #""}"#
    }

    static let scheduled = #"{"apiVersion":"v1","kind":"Event","metadata":{"name":"web-1.18eaaacd4929d29b","namespace":"default","uid":"9f0c1d2e-3a4b-4c5d-8e6f-708192a3b4c5","creationTimestamp":"2026-11-23T12:00:00Z","resourceVersion":"7"},"involvedObject":{"apiVersion":"v1","kind":"Pod","name":"web-1","namespace":"default","resourceVersion":"5","uid":"1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b"},"reason":"Scheduled","message":"Successfully assigned default/web-1 to node-1","source":{},"firstTimestamp":null,"lastTimestamp":null,"type":"Normal","eventTime":"2026-11-23T12:00:00.004000Z","action":"Binding","reportingComponent":"default-scheduler","reportingInstance":"default-scheduler-node-1"}"#

    func roundTrip(_ text: String, format expected: UInt8) throws {
        let codec = DataCodec()
        codec.eventFormat = true
        let bytes = try #require(codec.encode(text))
        #expect(bytes.first == expected)
        let back = try bytes.withUnsafeBufferPointer { try codec.decode($0) }
        #expect(back == text)
    }

    @Test func knownShapesReadBackExactly() throws {
        try roundTrip(EventCodecTests.kubelet(), format: 5)
        try roundTrip(EventCodecTests.scheduled, format: 5)
        // Values that are not what their place usually holds: kept as text.
        try roundTrip(EventCodecTests.kubelet(name: "web.1.x", uid: "9F0C1D2E-3A4B-4C5D-8E6F-708192A3B4C5",
                                              time: "2026-02-30T12:00:00Z", message: #"é ✓ \"quoted\" \\ \u003c <tag> "#, host: ""),
                      format: 5)
        try roundTrip(EventCodecTests.kubelet(name: "a.0ff", time: "1969-12-31T23:59:59Z", message: "007", host: "node-"), format: 5)
        try roundTrip(EventCodecTests.kubelet(name: "a.ffffffffffffffff", message: "Started container " + String(repeating: "x", count: 300)),
                      format: 5)
        // Another shape: deflated.
        try roundTrip(EventCodecTests.kubelet(count: "2"), format: DataCodec.writeFormat)
    }

    @Test func timesAndUIDsRoundTrip() throws {
        for t in ["1970-01-01T00:00:00Z", "2000-02-29T23:59:59Z", "2026-12-06T12:55:00Z", "2100-03-01T00:00:00Z", "9999-12-31T23:59:59Z"] {
            let seconds = try #require(Array(t.utf8).withUnsafeBufferPointer { EventCodec.parseTime($0) })
            var back: [UInt8] = []
            EventCodec.appendTime(&back, seconds, zone: true)
            #expect(String(decoding: back, as: UTF8.self) == t)
        }
        #expect(Array("2026-13-01T00:00:00Z".utf8).withUnsafeBufferPointer { EventCodec.parseTime($0) } == nil)
    }

    @Test func aDamagedBlobIsReportedNotCrashed() throws {
        let codec = DataCodec()
        codec.eventFormat = true
        let bytes = try #require(codec.encode(EventCodecTests.kubelet()))
        for cut in [1, 2, 5, bytes.count - 1] {
            let part = Array(bytes.prefix(cut))
            #expect(throws: StoreError.self) { _ = try part.withUnsafeBufferPointer { try codec.decode($0) } }
        }
        #expect(throws: StoreError.self) { _ = try [5, 200, 0].withUnsafeBufferPointer { try codec.decode($0) } }
        #expect(throws: StoreError.self) { _ = try (bytes + [0]).withUnsafeBufferPointer { try codec.decode($0) } }
    }

    @Test func storedEventsAreSmallerAndReadBackThroughEveryPath() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try Store(path: dir.file("s.db"))
        let text = EventCodecTests.kubelet()
        try store.write { tx in
            try tx.insert(ObjectRow(resource: "/events", namespace: "default", name: "web-1.18eaaacd4929d29b",
                                    uid: "9f0c1d2e-3a4b-4c5d-8e6f-708192a3b4c5", resourceVersion: 1042, data: text))
        }
        #expect(try store.read { try $0.get(resource: "/events", namespace: "default", name: "web-1.18eaaacd4929d29b") }?.data == text)
        #expect(try store.db.scalarInt("SELECT count(*) FROM object_data WHERE substr(data, 1, 1) = x'05'") == 1)
        let stored = try store.db.scalarInt("SELECT length(data) FROM object_data WHERE substr(data, 1, 1) = x'05'")
        let deflated = try #require(DataCodec().encode(text, format: DataCodec.writeFormat)).count
        #expect(stored < Int64(deflated))
        try store.write { tx in try tx.delete(resource: "/events", namespace: "default", name: "web-1.18eaaacd4929d29b") }
        let changes = try store.read { try $0.changes(resource: "/events", after: 0) }
        #expect(changes.map(\.type) == [.added, .deleted])
        #expect(changes.map(\.row.data) == [text, text])
    }

    /// Every value an event's place can hold reads back as it was written: values made of what the
    /// tags look for (uids, times, micro times, numbers, dotted hex names, phrases, copies and prefixes
    /// of earlier values) and of what they must refuse (capitals, leading zeros, impossible dates,
    /// escapes, other scripts), in each known shape. (The encoder no longer decodes what it made in a
    /// release build: this is the check that it never had to.)
    @Test func everyKindOfValueReadsBackInEveryShape() throws {
        var rng = SplitMix(seed: 5)
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        let phrases = EventCodec.phrases.map { String(decoding: $0, as: UTF8.self) }
        let pieces = ["a", "z", "0", "7", "9", ".", "-", ":", "T", "Z", "F", #"\""#, #"\\"#, #"\u003c"#, "é", "✓", " ", "{", "}", "/", "x1"]
        func hex(_ n: Int, upper: Bool = false) -> String {
            String((0..<n).map { _ in pick(Array(upper ? "0123456789ABCDEF" : "0123456789abcdef")) })
        }
        func value(_ earlier: [String]) -> String {
            switch rng.next() % 16 {
            case 0: return [hex(8), hex(4), hex(4), hex(4), hex(12)].joined(separator: "-")
            case 1: return [hex(8, upper: true), hex(4), hex(4), hex(4), hex(12)].joined(separator: "-")
            case 2:
                let y = pick(["1969", "1970", "2000", "2026", "2100", "9999", "0999"])
                let d = pick(["01", "28", "29", "30", "31", "00", "32"]), m = pick(["01", "02", "12", "13", "00"])
                let hms = pick(["00:00:00", "23:59:59", "24:00:00", "12:60:00", "12:00:61"])
                return y + "-" + m + "-" + d + "T" + hms + pick(["Z", "", "z"])
            case 3: return "2026-11-23T12:00:00." + pick(["000000", "004000", "999999", "12345", "1234567", "00000a"]) + pick(["Z", ""])
            case 4: return pick(["0", "00", "007", "1", "42", "123456789012345678", "1234567890123456789", "-1", "1e3"])
            case 5: return pick(["web-1", "a.b", "", "x"]) + "." + pick(["0", "0ff", "ff", "18eaaacd4929d29b", "ffffffffffffffff", "1ffffffffffffffff", "AB", ""])
            case 6: return pick(phrases)
            case 7: return pick(phrases) + (0..<Int(rng.next() % 6)).map { _ in pick(pieces) }.joined() + pick(phrases)
            case 8, 9:
                guard !earlier.isEmpty else { return "" }
                let e = pick(earlier)
                if rng.next() % 2 == 0 { return e }
                // A prefix that does not end inside an escape (a lone backslash would escape the quote).
                var p = String(e.prefix(Int(rng.next() % UInt64(e.count + 1))))
                while p.reversed().prefix(while: { $0 == "\\" }).count % 2 == 1 { p.removeLast() }
                return p
            case 10: return ""
            default:
                return (0..<Int(rng.next() % 12)).map { _ in pick(pieces) }.joined()
            }
        }
        let codec = DataCodec()
        codec.eventFormat = true
        var format5 = 0
        for round in 0..<4000 {
            let shape = round % EventCodec.segments.count
            let parts = EventCodec.segments[shape].map { String(decoding: $0, as: UTF8.self) }
            // Every event starts `{"apiVersion":"v1","kind":"Event",` (`EventCodec.prefix`).
            var values = ["v1", "Event"]
            for _ in 2..<(parts.count - 1) { values.append(value(values)) }
            var text = ""
            for (k, part) in parts.enumerated() {
                text += part
                if k < values.count { text += values[k] }
            }
            let bytes = try #require(codec.encode(text))
            if bytes.first == EventCodec.format { format5 += 1 }
            #expect(try bytes.withUnsafeBufferPointer { try codec.decode($0) } == text, "\(text)")
        }
        // Every text of a known shape is kept in format 5.
        #expect(format5 == 4000)
    }
}
