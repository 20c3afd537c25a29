import KubeModel
import KubeStore
import KubeTestSupport
import Testing

/// A LimitRange is stored as the API server's v1 defaulting leaves its `Container` items: a resource with
/// a `max` and no `default` gets the max as its default limit, one with a `default` (then one with a
/// `min`) and no `defaultRequest` gets it as its default request. LimitRanger then gives pods those
/// defaults (and says so in `kubernetes.io/limit-ranger`).
@Suite struct LimitRangeDefaultingTests {
    @Test func onlyADefaultLimitIsAlsoTheDefaultRequest() {
        let s = TestStore()
        let f = s.writeFile("d.yaml", """
            apiVersion: v1
            kind: LimitRange
            metadata: {name: d}
            spec:
              limits:
              - type: Container
                default: {cpu: 500m, memory: 256Mi}

            """)
        #expect(s.run("create -f \(f)").stdout == "limitrange/d created\n")
        #expect(s.run("get limits d -o jsonpath={.spec.limits[0]}").stdout
            == #"{"default":{"cpu":"500m","memory":"256Mi"},"defaultRequest":{"cpu":"500m","memory":"256Mi"},"type":"Container"}"#)
        #expect(s.run("describe limits d").stdout == """
            Name:       d
            Namespace:  default
            Type        Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio
            ----        --------  ---  ---  ---------------  -------------  -----------------------
            Container   cpu       -    -    500m             500m           -
            Container   memory    -    -    256Mi            256Mi          -

            """)
        #expect(s.run("run web --image=nginx").stdout == "pod/web created\n")
        #expect(s.run(args: ["get", "pod", "web", "-o", #"jsonpath={.metadata.annotations.kubernetes\.io/limit-ranger}"#]).stdout
            == "LimitRanger plugin set: cpu, memory request for container web; cpu, memory limit for container web")
        #expect(s.run("get pod web -o jsonpath={.spec.containers[0].resources}").stdout
            == #"{"limits":{"cpu":"500m","memory":"256Mi"},"requests":{"cpu":"500m","memory":"256Mi"}}"#)
        // Requests equal to limits for every resource of every container: Guaranteed.
        #expect(s.run("get pod web -o jsonpath={.status.qosClass}").stdout == "Guaranteed")
    }

    @Test func maxAndMinFillTheDefaultsPodItemsStayAsTheyAre() {
        let s = TestStore()
        let f = s.writeFile("m.yaml", """
            apiVersion: v1
            kind: LimitRange
            metadata: {name: m}
            spec:
              limits:
              - type: Container
                min: {cpu: 50m}
                max: {memory: 1Gi}
              - type: Pod
                max: {memory: 2Gi}

            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.run("get limits m -o jsonpath={.spec.limits}").stdout
            == #"[{"default":{"memory":"1Gi"},"defaultRequest":{"cpu":"50m","memory":"1Gi"},"max":{"memory":"1Gi"},"min":{"cpu":"50m"},"type":"Container"},{"max":{"memory":"2Gi"},"type":"Pod"}]"#)
        #expect(s.run("run web --image=nginx").exitCode == 0)
        #expect(s.run(args: ["get", "pod", "web", "-o", #"jsonpath={.metadata.annotations.kubernetes\.io/limit-ranger}"#]).stdout
            == "LimitRanger plugin set: cpu, memory request for container web; memory limit for container web")
        #expect(s.run("get pod web -o jsonpath={.spec.containers[0].resources}").stdout
            == #"{"limits":{"memory":"1Gi"},"requests":{"cpu":"50m","memory":"1Gi"}}"#)
    }

    @Test func aDefaultAboveTheMaxIsRefusedThroughItsDefaultedRequest() {
        let s = TestStore()
        let f = s.writeFile("bad.yaml", """
            apiVersion: v1
            kind: LimitRange
            metadata: {name: bad}
            spec:
              limits:
              - type: Container
                default: {cpu: "2"}
                max: {cpu: "1"}

            """)
        let r = s.run("create -f \(f)")
        #expect(r.exitCode == 1)
        #expect(r.stderr == """
            The LimitRange "bad" is invalid: \n\
            * spec.limits[0].defaultRequest[cpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:2, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"2", Format:"DecimalSI"}: default request value 2 is greater than max value 1
            * spec.limits[0].default[cpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:1, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"1", Format:"DecimalSI"}: default value 2 is greater than max value 1

            """)
        #expect(s.run("get limits").stderr == "No resources found in default namespace.\n")
    }

    /// A LimitRange stored before its defaulting (an older build wrote `min` without `defaultRequest`)
    /// reads defaulted, as an API server defaults what it reads from etcd: same resource version, no
    /// change logged, and LimitRanger gives pods the min as their request.
    @Test func oneStoredBeforeTheDefaultingReadsDefaulted() throws {
        let s = TestStore()
        let f = s.writeFile("old.yaml", """
            apiVersion: v1
            kind: LimitRange
            metadata: {name: old}
            spec:
              limits:
              - type: Container
                min: {cpu: 50m}

            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        var version: Int64 = 0, lastChange: Int64 = 0
        do {
            // Put back what an older build stored, and its stamp (the table's alone).
            let store = try Store(path: s.path)
            try store.write { tx in
                var row = try #require(try tx.get(resource: "/limitranges", namespace: "default", name: "old"))
                var o = try JSON.parse(row.data)
                #expect(o["spec"]["limits"][0]["defaultRequest"].jsonString(.compact) == #"{"cpu":"50m"}"#)
                var items = o["spec"]["limits"].array ?? []
                items[0].remove(["defaultRequest"])
                o["spec"]["limits"] = .array(items)
                row.data = o.jsonString(.compactOrdered)
                try tx.update(row, expectedResourceVersion: nil)
                let stamp = try #require(try tx.config("stored.go-zero-values"))
                try tx.setConfig("stored.go-zero-values", String(stamp.prefix { $0 != "+" }))
                version = try tx.resourceVersion(resource: "/limitranges", namespace: "default", name: "old") ?? 0
                lastChange = try tx.changeLogBounds().last
            }
        }
        #expect(s.run(args: ["get", "limits", "old", "-o", "jsonpath={.metadata.resourceVersion} {.spec.limits}"]).stdout
            == "\(version) " + #"[{"defaultRequest":{"cpu":"50m"},"min":{"cpu":"50m"},"type":"Container"}]"#)
        let after = try Store(path: s.path).read { try $0.changeLogBounds().last }
        #expect(after == lastChange)
        #expect(s.run("run web --image=nginx").exitCode == 0)
        #expect(s.run("get pod web -o jsonpath={.spec.containers[0].resources}").stdout == #"{"requests":{"cpu":"50m"}}"#)
    }
}
