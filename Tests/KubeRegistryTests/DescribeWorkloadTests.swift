import Testing
import KubeModel
@testable import KubeRegistry

@Suite struct DescribeWorkloadTests {
    static let now = "2026-11-23T17:00:00Z"

    @Test func jobLayout() {
        let job = parse(#"""
        {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"pi","namespace":"default","uid":"job-uid",
          "labels":{"batch.kubernetes.io/job-name":"pi"}},
         "spec":{"parallelism":1,"completions":1,"completionMode":"NonIndexed","suspend":false,"backoffLimit":6,
           "selector":{"matchLabels":{"batch.kubernetes.io/controller-uid":"job-uid"}},
           "template":{"metadata":{"labels":{"job-name":"pi"}},
             "spec":{"restartPolicy":"Never","containers":[{"name":"pi","image":"perl:5.34","command":["perl","-e","print 1"]}]}}},
         "status":{"startTime":"2026-11-23T16:50:00Z","completionTime":"2026-11-23T16:51:05Z","succeeded":1,"ready":0}}
        """#)
        let want = """
        Name:             pi
        Namespace:        default
        Selector:         batch.kubernetes.io/controller-uid=job-uid
        Labels:           batch.kubernetes.io/job-name=pi
        Annotations:      <none>
        Parallelism:      1
        Completions:      1
        Completion Mode:  NonIndexed
        Suspend:          false
        Backoff Limit:    6
        Start Time:       Mon, 23 Nov 2026 16:50:00 +0000
        Completed At:     Mon, 23 Nov 2026 16:51:05 +0000
        Duration:         65s
        Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed
        Pod Template:
          Labels:  job-name=pi
          Containers:
           pi:
            Image:      perl:5.34
            Port:       <none>
            Host Port:  <none>
            Command:
              perl
              -e
              print 1
            Environment:   <none>
            Mounts:        <none>
          Volumes:         <none>
          Node-Selectors:  <none>
          Tolerations:     <none>
        Events:            <none>

        """
        let got = Describers.forKind(group: "batch", kind: "Job")!(job, FakeDescribeContext(now: Self.now))
        #expect(got == want, "\(firstDifference(got, want))")
    }

    @Test func persistentVolumeClaimWithUsers() {
        let pvc = parse(#"""
        {"metadata":{"name":"data","namespace":"default","uid":"pvc-uid","finalizers":["kubernetes.io/pvc-protection"]},
         "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}},"storageClassName":"standard",
           "volumeName":"pv-1","volumeMode":"Filesystem"},
         "status":{"phase":"Bound","accessModes":["ReadWriteOnce"],"capacity":{"storage":"1Gi"}}}
        """#)
        let user = parse(#"{"metadata":{"name":"db-0","namespace":"default"},"spec":{"volumes":[{"name":"d","persistentVolumeClaim":{"claimName":"data"}}]}}"#)
        let want = """
        Name:          data
        Namespace:     default
        StorageClass:  standard
        Status:        Bound
        Volume:        pv-1
        Labels:        <none>
        Annotations:   <none>
        Finalizers:    [kubernetes.io/pvc-protection]
        Capacity:      1Gi
        Access Modes:  RWO
        VolumeMode:    Filesystem
        Used By:       db-0
        Events:        <none>

        """
        let got = Describers.forKind(group: "", kind: "PersistentVolumeClaim")!(pvc, FakeDescribeContext(now: Self.now, objects: ["pods": [user]]))
        #expect(got == want, "\(firstDifference(got, want))")
    }

    @Test func serviceAccountSecrets() {
        let sa = parse(#"""
        {"metadata":{"name":"builder","namespace":"default","uid":"sa-uid"},
         "secrets":[{"name":"builder-token"}],"imagePullSecrets":[{"name":"regcred"},{"name":"missing"}]}
        """#)
        let secrets = [
            parse(#"{"metadata":{"name":"regcred","namespace":"default"},"type":"kubernetes.io/dockerconfigjson"}"#),
            parse(#"""
            {"metadata":{"name":"builder-token","namespace":"default","annotations":{"kubernetes.io/service-account.name":"builder",
              "kubernetes.io/service-account.uid":"sa-uid"}},"type":"kubernetes.io/service-account-token"}
            """#),
        ]
        let want = """
        Name:                builder
        Namespace:           default
        Labels:              <none>
        Annotations:         <none>
        Image pull secrets:  regcred
                             missing (not found)
        Mountable secrets:   builder-token
        Tokens:              builder-token
        Events:              <none>

        """
        let got = Describers.forKind(group: "", kind: "ServiceAccount")!(sa, FakeDescribeContext(now: Self.now, objects: ["secrets": secrets]))
        #expect(got == want, "\(firstDifference(got, want))")
    }

    @Test func podDisruptionBudget() {
        let pdb = parse(#"""
        {"metadata":{"name":"web","namespace":"default"},"spec":{"minAvailable":1,"selector":{"matchLabels":{"app":"web"}}},
         "status":{"disruptionsAllowed":1,"currentHealthy":2,"desiredHealthy":1,"expectedPods":2}}
        """#)
        let want = """
        Name:           web
        Namespace:      default
        Min available:  1
        Selector:       app=web
        Status:
            Allowed disruptions:  1
            Current:              2
            Desired:              1
            Total:                2
        Events:                   <none>

        """
        let got = Describers.forKind(group: "policy", kind: "PodDisruptionBudget")!(pdb, FakeDescribeContext(now: Self.now))
        #expect(got == want, "\(firstDifference(got, want))")
    }
}
