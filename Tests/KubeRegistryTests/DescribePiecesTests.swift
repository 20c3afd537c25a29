import Testing
import KubeModel
@testable import KubeRegistry

@Suite struct DescribePiecesTests {
    static let now = "2026-11-23T12:00:00Z"

    // MARK: Labels / annotations

    @Test func labelsAndAnnotationsBlockAlignment() {
        let obj = parse(#"""
        {"metadata":{"labels":{"tier":"web","app":"shop"},
          "annotations":{"z":"last","a.example.com/x":"1","kubectl.kubernetes.io/last-applied-configuration":"{}"}}}
        """#)
        let out = tabbed { w in
            printLabels(w, "Labels", obj.labels)
            printAnnotations(w, "Annotations", obj.annotations)
        }
        #expect(out == """
        Labels:       app=shop
                      tier=web
        Annotations:  a.example.com/x: 1
                      z: last

        """)
    }

    @Test func onlyLastAppliedAnnotationIsNone() {
        let obj = parse(#"{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}"}}}"#)
        #expect(tabbed { printAnnotations($0, "Annotations", obj.annotations) } == "Annotations:  <none>\n")
    }

    @Test func longAndMultilineAnnotations() {
        let long = String(repeating: "x", count: 150)
        var ann = JSONValue.emptyObject
        ann["long"] = .string(long)
        ann["multi"] = "first\nsecond\n"
        ann["short"] = "ok"
        let out = tabbed { printAnnotations($0, "Annotations", ann) }
        #expect(out == """
        Annotations:  long:
                        \(String(repeating: "x", count: 138))...
                      multi:
                        first
                        second
                      short: ok

        """)
        // Exactly 140 characters (key + value + 2) still fits on one line.
        var edge = JSONValue.emptyObject
        edge["k"] = .string(String(repeating: "y", count: 137))
        #expect(tabbed { printAnnotations($0, "Annotations", edge) } == "Annotations:  k: \(String(repeating: "y", count: 137))\n")
    }

    // MARK: Tolerations / taints

    @Test func tolerationForms() {
        let t = parse(#"""
        [{"key":"dedicated","operator":"Equal","value":"gpu","effect":"NoSchedule"},
         {"operator":"Exists"},
         {"key":"b-key","operator":"Exists"},
         {"key":"a-key","operator":"Exists","effect":"NoExecute","tolerationSeconds":60}]
        """#)
        let out = tabbed { printTolerations($0, "Tolerations", t) }
        #expect(out == """
        Tolerations:  op=Exists
                      a-key:NoExecute op=Exists for 60s
                      b-key op=Exists
                      dedicated=gpu:NoSchedule

        """)
        #expect(tabbed { printTolerations($0, "Tolerations", .null) } == "Tolerations:  <none>\n")
    }

    @Test func taintsSortedByEffectThenKey() {
        let t = parse(#"""
        [{"key":"z","effect":"NoSchedule"},{"key":"a","value":"v","effect":"PreferNoSchedule"},{"key":"m","effect":"NoExecute"}]
        """#)
        #expect(tabbed { printTaints($0, "Taints", t) } == """
        Taints:  m:NoExecute
                 z:NoSchedule
                 a=v:PreferNoSchedule

        """)
    }

    // MARK: Events

    /// A MicroTime with a fraction above one half is a second younger than its whole second (kubectl's
    /// clock is inside its second; kubectl-local's now is taken as its middle): 119.2 s is `119s`.
    @Test func microTimeFractionsAboveOneHalfAgeOneSecondLess() {
        let now = Timestamp(rfc3339: "2026-11-21T00:00:00Z")!
        #expect(microAge(.string("2026-11-20T23:58:00.793669Z"), now) == "119s")
        #expect(microAge(.string("2026-11-20T23:58:00.500000Z"), now) == "2m")
        #expect(microAge(.string("2026-11-20T23:58:00.500001Z"), now) == "119s")
        #expect(microAge(.string("2026-11-20T23:58:00.000360Z"), now) == "2m")
        #expect(microAge(.string("2026-11-20T23:58:00Z"), now) == "2m")
        #expect(microAge(.null, now) == "<unknown>")
    }

    @Test func eventsAgeFormsAndOrdering() {
        var series = event("u", reason: "Series", message: "m3", component: "", now: Self.now, firstAgo: 3600, lastAgo: 5)
        series["reportingComponent"] = "ctrl"  // core/v1 JSON name of ReportingController
        series["eventTime"] = .string(Timestamp(rfc3339: Self.now)!.adding(seconds: -3600).rfc3339.replacingOccurrences("Z", ".123456Z"))
        series["series"] = ["count": 7, "lastObservedTime": .string(Timestamp(rfc3339: Self.now)!.adding(seconds: -30).rfc3339)]
        series["lastTimestamp"] = .null
        let events = [
            event("u", type: "Warning", reason: "BackOff", message: "  Back-off pulling image  ", component: "kubelet",
                  now: Self.now, firstAgo: 3600, lastAgo: 22, count: 42),
            event("u", reason: "Pulled", message: "done", component: "kubelet", now: Self.now, firstAgo: 130, lastAgo: 130),
            series,
        ]
        let out = tabbed { w in
            w.write(0, "Name:\tx\n")
            describeEvents(w, events, now: Timestamp(rfc3339: Self.now)!)
        }
        #expect(out == """
        Name:  x
        Events:
          Type     Reason   Age                 From     Message
          ----     ------   ----                ----     -------
          Normal   Series   30s (x7 over 60m)   ctrl     m3
          Normal   Pulled   2m10s               kubelet  done
          Warning  BackOff  22s (x42 over 60m)  kubelet  Back-off pulling image

        """)
    }

    // MARK: Containers

    static let podWithEnv = parse(#"""
    {"metadata":{"name":"rich","namespace":"prod","uid":"u1"},
     "spec":{"containers":[{"name":"app","image":"busybox","command":["sh","-c","echo a\necho b"],
       "ports":[{"containerPort":80,"protocol":"TCP"},{"containerPort":53,"protocol":"UDP","hostPort":5353}],
       "resources":{"limits":{"memory":"128Mi","cpu":"500m"},"requests":{"cpu":"0.25","memory":"64Mi"}},
       "livenessProbe":{"httpGet":{"path":"/healthz","port":8080,"scheme":"HTTP"},"initialDelaySeconds":3,"timeoutSeconds":1,"periodSeconds":10,"successThreshold":1,"failureThreshold":3},
       "readinessProbe":{"tcpSocket":{"port":80},"timeoutSeconds":1,"periodSeconds":10,"successThreshold":1,"failureThreshold":3},
       "startupProbe":{"exec":{"command":["cat","/tmp/ready"]},"timeoutSeconds":1,"periodSeconds":10,"successThreshold":1,"failureThreshold":30},
       "envFrom":[{"configMapRef":{"name":"app-config"}},{"prefix":"S_","secretRef":{"name":"s1","optional":true}}],
       "env":[{"name":"PLAIN","value":"v"},
              {"name":"MULTI","value":"l1\nl2"},
              {"name":"POD_NAME","valueFrom":{"fieldRef":{"apiVersion":"v1","fieldPath":"metadata.name"}}},
              {"name":"NODE","valueFrom":{"fieldRef":{"apiVersion":"v1","fieldPath":"spec.nodeName"}}},
              {"name":"CPU_LIMIT","valueFrom":{"resourceFieldRef":{"resource":"limits.cpu","divisor":"1m"}}},
              {"name":"MEM_REQ","valueFrom":{"resourceFieldRef":{"resource":"requests.memory","divisor":"1Mi"}}},
              {"name":"MEM_LIMIT","valueFrom":{"resourceFieldRef":{"resource":"limits.memory"}}},
              {"name":"EPH","valueFrom":{"resourceFieldRef":{"resource":"limits.ephemeral-storage"}}},
              {"name":"PASSWORD","valueFrom":{"secretKeyRef":{"name":"s1","key":"password"}}},
              {"name":"A","valueFrom":{"configMapKeyRef":{"name":"app-config","key":"a","optional":true}}}],
       "volumeMounts":[{"name":"data","mountPath":"/var/data","subPath":"sub"},{"name":"cfg","mountPath":"/etc/cfg","readOnly":true}]}]}}
    """#)

    @Test func containerBlockWithEnvFormsProbesAndSortedMounts() {
        let pod = Self.podWithEnv
        let out = tabbed { w in
            describeContainers(w, label: "Containers", containers: pod["spec"]["containers"].arr, statuses: [],
                               resolver: podEnvResolver(pod), space: "")
        }
        let want = """
        Containers:
          app:
            Image:       busybox
            Ports:       80/TCP, 53/UDP
            Host Ports:  0/TCP, 5353/UDP
            Command:
              sh
              -c
              echo a
              echo b
            Limits:
              cpu:     500m
              memory:  128Mi
            Requests:
              cpu:      250m
              memory:   64Mi
            Liveness:   http-get http://:8080/healthz delay=3s timeout=1s period=10s #success=1 #failure=3
            Readiness:  tcp-socket :80 delay=0s timeout=1s period=10s #success=1 #failure=3
            Startup:    exec [cat /tmp/ready] delay=0s timeout=1s period=10s #success=1 #failure=30
            Environment Variables from:
              app-config  ConfigMap                Optional: false
              s1          Secret with prefix 'S_'  Optional: true
            Environment:
              PLAIN:      v
              MULTI:      l1
                          l2
              POD_NAME:   rich (v1:metadata.name)
              NODE:        (v1:spec.nodeName)
              CPU_LIMIT:  500 (limits.cpu)
              MEM_REQ:    64 (requests.memory)
              MEM_LIMIT:  134217728 (limits.memory)
              EPH:        0 (limits.ephemeral-storage)
              PASSWORD:   <set to the key 'password' in secret 's1'>       Optional: false
              A:          <set to the key 'a' of config map 'app-config'>  Optional: true
            Mounts:
              /etc/cfg from cfg (ro)
              /var/data from data (rw,path="sub")

        """
        #expect(out == want, "\(firstDifference(out, want))")
    }

    @Test func qosClasses() {
        func pod(_ resources: String) -> JSONValue {
            parse(#"{"spec":{"containers":[{"name":"a","resources":\#(resources)}]}}"#)
        }
        #expect(podQOS(pod("{}")) == "BestEffort")
        #expect(podQOS(pod(#"{"requests":{"cpu":"100m"}}"#)) == "Burstable")
        #expect(podQOS(pod(#"{"limits":{"cpu":"1","memory":"1Gi"},"requests":{"cpu":"1000m","memory":"1024Mi"}}"#)) == "Guaranteed")
        #expect(podQOS(pod(#"{"limits":{"cpu":"1","memory":"1Gi"},"requests":{"cpu":"500m","memory":"1Gi"}}"#)) == "Burstable")
        var given = pod("{}")
        given["status"] = ["qosClass": "Guaranteed"]
        #expect(podQOS(given) == "Guaranteed")
    }

    // MARK: Quantities

    @Test(arguments: [("500m", "500m"), ("0.5", "500m"), ("1000", "1k"), ("1500", "1500"), ("1.5Gi", "1536Mi"),
                      ("1024Ki", "1Mi"), ("8148856Ki", "8148856Ki"), ("100Mi", "100Mi"), ("0", "0"), ("2e3", "2e3"),
                      ("128974848", "128974848"), ("1e-10", "1e-9"), ("0.0000000001", "1n"), ("512", "512"), ("1.5", "1500m"), ("0.1Ki", "102400m")])
    func quantityCanonicalForm(input: String, expected: String) {
        #expect(DescribeQuantity(input)?.string == expected)
    }

    @Test func quantityArithmetic() {
        let a = DescribeQuantity("250m")!, b = DescribeQuantity("1")!
        #expect(a.adding(b).string == "1250m")
        #expect(a.milliValue == 250 && a.value == 1)
        #expect(DescribeQuantity("1Gi")!.adding(DescribeQuantity("512Mi")!).string == "1536Mi")
        #expect(DescribeQuantity("1Gi")!.compare(DescribeQuantity("1024Mi")!) == 0)
        #expect(DescribeQuantity("abc") == nil)
    }

    // MARK: Generic describer helpers

    @Test func smartLabels() {
        #expect(smartLabel("apiVersion") == "API Version")
        #expect(smartLabel("creationTimestamp") == "Creation Timestamp")
        #expect(smartLabel("uid") == "UID")
        #expect(smartLabel("involvedObject") == "Involved Object")
        #expect(smartLabel("podCIDR") == "Pod CIDR")
        #expect(smartLabel("v1beta1") == "v1beta1")
        #expect(smartLabel("first_name") == "first_name")
    }

    @Test func goFloatFormatting() {
        #expect(goFloatV(0.5) == "0.5")
        #expect(goFloatV(1e6) == "1e+06")
        #expect(goFloatV(123456.5) == "123456.5")
        #expect(goFloatV(0.00001) == "1e-05")
    }

    @Test func zeroTimeFormatsLikeGo() {
        #expect(rfc1123(.null) == "Mon, 01 Jan 0001 00:00:00 +0000")
        let t = Timestamp(seconds: Int64(daysFromCivil(1, 1, 1)) * 86400)
        #expect(t.rfc1123Z == zeroTimeRFC1123Z)
    }
}

extension String {
    func replacingOccurrences(_ a: String, _ b: String) -> String {
        split(separator: Character(a), omittingEmptySubsequences: false).joined(separator: b)
    }
}
