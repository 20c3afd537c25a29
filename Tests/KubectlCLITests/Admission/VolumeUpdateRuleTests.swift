import KubeTestSupport
import Testing

/// v1.32's `ValidatePersistentVolumeUpdate`: a PersistentVolume's source, its volume mode and a node
/// affinity once set do not change. The source refusal ends with go-cmp's diff of the old and new
/// `core.PersistentVolumeSource`; the diffs below equal go-cmp 0.5.9's own output for the same sources
/// (the Golden/gocmp oracle built for core.PersistentVolumeSource: 8 of 8 source changes compared, among
/// them NFS, CSI attributes and secrets, local and hostPath to NFS). A failed update leaves the volume as it was.
@Suite struct VolumeUpdateRuleTests {
    static func volume(_ source: String, name: String = "pv1") -> String {
        """
        apiVersion: v1
        kind: PersistentVolume
        metadata:
          name: \(name)
        spec:
          capacity: {storage: 1Gi}
          accessModes: [ReadWriteOnce]
        \(source)
        """
    }

    static let nfs = "  nfs: {server: 10.0.0.1, path: /exports}"

    @Test func theSourceIsImmutable() {
        let s = TestStore()
        #expect(s.run("apply -f -", stdin: Self.volume(Self.nfs)).exitCode == 0)
        let before = s.run("get pv pv1 -o yaml").stdout
        let moved = s.run("apply -f -", stdin: Self.volume(Self.nfs.replacingAll("10.0.0.1", with: "10.0.0.2")))
        #expect(moved == CLIResult(stdout: "", stderr: """
            The PersistentVolume "pv1" is invalid: spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation
              core.PersistentVolumeSource{
              \t... // 2 identical fields
              \tHostPath:  nil,
              \tGlusterfs: nil,
              \tNFS: &core.NFSVolumeSource{
            - \t\tServer:   "10.0.0.1",
            + \t\tServer:   "10.0.0.2",
              \t\tPath:     "/exports",
              \t\tReadOnly: false,
              \t},
              \tRBD:     nil,
              \tQuobyte: nil,
              \t... // 15 identical fields
              }


            """, exitCode: 1))
        let hostPath = s.run("patch pv pv1 --type=json -p '[{\"op\":\"remove\",\"path\":\"/spec/nfs\"},{\"op\":\"add\",\"path\":\"/spec/hostPath\",\"value\":{\"path\":\"/data\"}}]'")
        #expect(hostPath.exitCode == 1 && hostPath.stderr.contains("+ \tHostPath:             &core.HostPathVolumeSource{Path: \"/data\", Type: &\"\"},\n"), "\(hostPath.stderr)")
        #expect(s.run("get pv pv1 -o yaml").stdout == before)
        // What may change: capacity, reclaim policy, mount options.
        #expect(s.run("patch pv pv1 -p '{\"spec\":{\"persistentVolumeReclaimPolicy\":\"Delete\",\"capacity\":{\"storage\":\"2Gi\"},\"mountOptions\":[\"hard\"]}}'").exitCode == 0)
    }

    @Test func aCSIVolumeMayGainAControllerExpandSecretOnce() {
        let s = TestStore()
        let csi = "  csi: {driver: d.example.com, volumeHandle: v, volumeAttributes: {a: \"1\"}}"
        #expect(s.run("apply -f -", stdin: Self.volume(csi)).exitCode == 0)
        let secret = #"patch pv pv1 -p '{"spec":{"csi":{"controllerExpandSecretRef":{"name":"s","namespace":"default"}}}}'"#
        #expect(s.run(secret).exitCode == 0)
        #expect(s.run(secret.replacingAll("\"s\"", with: "\"t\"")).stderr.contains("spec.persistentvolumesource is immutable after creation"))
        let attrs = s.run(#"patch pv pv1 -p '{"spec":{"csi":{"volumeAttributes":{"a":"2","b":"3"}}}}'"#)
        #expect(attrs.stderr.contains("""
              \t\tVolumeAttributes: map[string]string{
            - \t\t\t"a": "1",
            + \t\t\t"a": "2",
            + \t\t\t"b": "3",
              \t\t},
            """), "\(attrs.stderr)")
    }

    @Test func theModeAndANodeAffinityOnceSetAreImmutable() {
        let s = TestStore()
        let affinity = """
              hostPath: {path: /data}
              nodeAffinity:
                required:
                  nodeSelectorTerms:
                  - matchExpressions:
                    - {key: failure-domain.beta.kubernetes.io/zone, operator: In, values: [a]}
            """
        #expect(s.run("apply -f -", stdin: Self.volume(affinity)).exitCode == 0)
        let head = "The PersistentVolume \"pv1\" is invalid: "
        #expect(s.run(#"patch pv pv1 -p '{"spec":{"volumeMode":"Block"}}'"#).stderr
            == head + "volumeMode: Invalid value: \"Block\": field is immutable\n")
        let values = #"patch pv pv1 --type=json -p '[{"op":"replace","path":"/spec/nodeAffinity/required/nodeSelectorTerms/0/matchExpressions/0/values","value":["b"]}]'"#
        #expect(s.run(values).stderr == head + "nodeAffinity: Invalid value: core.VolumeNodeAffinity{Required:(*core.NodeSelector)(0xc000000000)}: "
            + "field is immutable, except for updating from beta label to GA\n")
        #expect(s.run(#"patch pv pv1 --type=json -p '[{"op":"remove","path":"/spec/nodeAffinity"}]'"#).stderr
            == head + "nodeAffinity: Invalid value: \"null\": field is immutable, except for updating from beta label to GA\n")
        // The one change allowed: a beta topology key to its GA name.
        let ga = #"patch pv pv1 --type=json -p '[{"op":"replace","path":"/spec/nodeAffinity/required/nodeSelectorTerms/0/matchExpressions/0/key","value":"topology.kubernetes.io/zone"}]'"#
        #expect(s.run(ga).stdout == "persistentvolume/pv1 patched\n")
        // A volume without one may be given one.
        #expect(s.run("apply -f -", stdin: Self.volume("  hostPath: {path: /b}", name: "pv2")).exitCode == 0)
        #expect(s.run(#"patch pv pv2 -p '{"spec":{"nodeAffinity":{"required":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"k","operator":"Exists"}]}]}}}}'"#).exitCode == 0)
    }
}
