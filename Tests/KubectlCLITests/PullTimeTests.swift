import KubeTestSupport
import Testing

/// The `Pulled` message of a pull (kubelet v1.32 image_manager.go: `Successfully pulled image %q in %v
/// (%v including waiting). Image size: %v bytes.`, both durations truncated to the millisecond): each
/// pod's and container's pull takes its own time (under a second, the wait a few milliseconds more),
/// the same for the same pod made at the same time.
@Suite struct PullTimeTests {
    func pulled(_ s: TestStore, _ pod: String) -> [String] {
        s.run("get events --field-selector reason=Pulled,involvedObject.name=\(pod) -o 'jsonpath={range .items[*]}{.message}{\"\\n\"}{end}'")
            .stdout.split(separator: "\n").map(String.init)
    }

    /// The two durations of a `Pulled` message in milliseconds, nil when it is not of that form.
    func durations(_ message: String, image: String) -> (pull: Int, total: Int)? {
        let head = "Successfully pulled image \"\(image)\" in "
        guard message.hasPrefix(head), let open = message.firstIndex(of: "("), let close = message.firstIndex(of: ")") else { return nil }
        func ms(_ text: Substring) -> Int? {
            if text.hasSuffix("ms") { return Int(text.dropLast(2)) }
            guard text.hasSuffix("s"), let v = Double(text.dropLast()) else { return nil }
            return Int((v * 1000).rounded())
        }
        let pull = message[message.index(message.startIndex, offsetBy: head.count)..<open].dropLast()
        let inside = message[message.index(after: open)..<close]
        guard inside.hasSuffix(" including waiting"), let p = ms(pull), let t = ms(inside.dropLast(" including waiting".count)) else { return nil }
        guard message[message.index(after: close)...].hasPrefix(". Image size: "), message.hasSuffix(" bytes.") else { return nil }
        return (p, t)
    }

    @Test func eachPodsPullTakesItsOwnTime() {
        let s = TestStore()
        for name in ["a", "b", "c", "d"] { #expect(s.run("run \(name) --image=busybox -- sleep 3600").exitCode == 0) }
        let messages = ["a", "b", "c", "d"].flatMap { pulled(s, $0) }
        #expect(messages.count == 4)
        #expect(Set(messages).count == 4)
        for m in messages {
            let d = durations(m, image: "busybox")
            #expect(d != nil, "\(m)")
            if let d {
                #expect((466...999).contains(d.pull), "\(m)")
                #expect(d.total >= d.pull && d.total <= d.pull + 24, "\(m)")
            }
        }
        // Each of a pod's containers pulls for itself.
        let file = s.writeFile("two.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: two}
            spec:
              containers:
              - {name: one, image: busybox, command: [sleep, '3600']}
              - {name: other, image: busybox, command: [sleep, '3600']}
            """)
        #expect(s.run("create -f \(file)").exitCode == 0)
        #expect(Set(pulled(s, "two")).count == 2)
    }

    /// The same pod made at the same time in another store reads the same.
    @Test func theSameForTheSamePodAtTheSameTime() {
        let a = TestStore(), b = TestStore()
        for s in [a, b] { #expect(s.run("run web --image=nginx").exitCode == 0) }
        #expect(pulled(a, "web").count == 1)
        #expect(pulled(a, "web") == pulled(b, "web"))
        let later = TestStore(now: "2026-11-23T12:00:07Z")
        #expect(later.run("run web --image=nginx").exitCode == 0)
        #expect(pulled(later, "web") != pulled(a, "web"))
    }
}
