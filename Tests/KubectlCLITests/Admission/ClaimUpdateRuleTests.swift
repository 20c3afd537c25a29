import KubeTestSupport
import Testing

/// v1.32's `ValidatePersistentVolumeClaimUpdate`: a claim's spec does not change after creation, except a
/// volume name set once, a storage class set where there was none, and a bound claim's storage request
/// (judged by the resize admission plugin). The refusal ends with go-cmp's diff of the old spec and the new
/// one; the diffs below equal go-cmp 0.5.9's own output on the same specs (the oracle of Golden/gocmp/record.sh
/// built for core.PersistentVolumeClaimSpec), and kubectl v1.32 prints the blank line after a cause that
/// ends with a newline (checked against a fake server answering such a Status).
@Suite struct ClaimUpdateRuleTests {
    static let head = "The PersistentVolumeClaim \"data\" is invalid: spec: Forbidden: spec is immutable after creation except "
        + "resources.requests and volumeAttributesClassName for bound claims\n"

    static func claim(_ extra: String = "") -> String {
        """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: data
        spec:
          storageClassName: ""
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
        \(extra)
        """
    }

    @Test func anUnboundClaimKeepsItsSpec() {
        let s = TestStore()
        #expect(s.run("apply -f -", stdin: Self.claim()).exitCode == 0)
        let before = s.run("get pvc data -o yaml").stdout
        let grown = s.run("apply -f -", stdin: Self.claim().replacingAll("1Gi", with: "2Gi"))
        #expect(grown == CLIResult(stdout: "", stderr: Self.head + """
              core.PersistentVolumeClaimSpec{
              \tAccessModes: {"ReadWriteOnce"},
              \tSelector:    nil,
              \tResources: core.VolumeResourceRequirements{
              \t\tLimits: nil,
            - \t\tRequests: core.ResourceList{
            - \t\t\ts"storage": {i: resource.int64Amount{value: 1073741824}, s: "1Gi", Format: "BinarySI"},
            - \t\t},
            + \t\tRequests: core.ResourceList{
            + \t\t\ts"storage": {i: resource.int64Amount{value: 2147483648}, s: "2Gi", Format: "BinarySI"},
            + \t\t},
              \t},
              \tVolumeName:       "",
              \tStorageClassName: &"",
              \t... // 4 identical fields
              }


            """, exitCode: 1))
        let modes = s.run(#"patch pvc data --type=merge -p '{"spec":{"accessModes":["ReadWriteMany"]}}'"#)
        #expect(modes.stderr == Self.head + """
              core.PersistentVolumeClaimSpec{
            - \tAccessModes: []core.PersistentVolumeAccessMode{"ReadWriteOnce"},
            + \tAccessModes: []core.PersistentVolumeAccessMode{"ReadWriteMany"},
              \tSelector:    nil,
              \tResources:   {Requests: {s"storage": {i: {...}, s: "1Gi", Format: "BinarySI"}}},
              \t... // 6 identical fields
              }


            """)
        // Two causes: the spec and the volume mode (ValidateImmutableField at `volumeMode`), each line `* ...`.
        let mode = s.run(#"patch pvc data -p '{"spec":{"volumeMode":"Block"}}'"#)
        #expect(mode.stderr == "The PersistentVolumeClaim \"data\" is invalid: \n* spec: Forbidden: spec is immutable after creation "
            + "except resources.requests and volumeAttributesClassName for bound claims\n" + """
              core.PersistentVolumeClaimSpec{
              \t... // 3 identical fields
              \tVolumeName:                "",
              \tStorageClassName:          &"",
            - \tVolumeMode:                &"Filesystem",
            + \tVolumeMode:                &"Block",
              \tDataSource:                nil,
              \tDataSourceRef:             nil,
              \tVolumeAttributesClassName: nil,
              }

            * volumeMode: Invalid value: "Block": field is immutable

            """)
        #expect(s.run("get pvc data -o yaml").stdout == before)
        // The volume name may be set once (the binder does), labels change freely.
        #expect(s.run(#"patch pvc data -p '{"spec":{"volumeName":"pv1"}}'"#).stdout == "persistentvolumeclaim/data patched\n")
        let again = s.run(#"patch pvc data -p '{"spec":{"volumeName":"pv2","selector":{"matchLabels":{"a":"b"}}}}'"#)
        #expect(again.stderr == Self.head + """
              core.PersistentVolumeClaimSpec{
              \tAccessModes:      {"ReadWriteOnce"},
            - \tSelector:         nil,
            + \tSelector:         &v1.LabelSelector{MatchLabels: map[string]string{"a": "b"}},
              \tResources:        {Requests: {s"storage": {i: {...}, s: "1Gi", Format: "BinarySI"}}},
            - \tVolumeName:       "pv1",
            + \tVolumeName:       "pv2",
              \tStorageClassName: &"",
              \tVolumeMode:       &"Filesystem",
              \t... // 3 identical fields
              }


            """)
        #expect(s.run("label pvc data tier=db").stdout == "persistentvolumeclaim/data labeled\n")
    }

    /// A claim without a class may get one (the retroactive default class); one with a class keeps it. A bound
    /// claim's storage request is left to the resize admission plugin.
    @Test func storageClassSetOnceAndBoundClaimsResize() {
        let s = TestStore()
        #expect(s.run("delete sc standard").exitCode == 0)
        let noClass = Self.claim().replacingAll("  storageClassName: \"\"\n", with: "")
        #expect(s.run("apply -f -", stdin: noClass).exitCode == 0)
        #expect(s.run("get pvc data -o jsonpath={.spec.storageClassName}").stdout == "")
        #expect(s.run(#"patch pvc data -p '{"spec":{"storageClassName":"fast"}}'"#).stdout == "persistentvolumeclaim/data patched\n")
        let changed = s.run(#"patch pvc data -p '{"spec":{"storageClassName":"slow"}}'"#)
        #expect(changed.exitCode == 1)
        #expect(changed.stderr.hasPrefix(Self.head + "  core.PersistentVolumeClaimSpec{\n"))
        #expect(changed.stderr.contains("- \tStorageClassName: &\"fast\",\n+ \tStorageClassName: &\"slow\",\n"))
        #expect(s.run("get pvc data -o jsonpath={.spec.storageClassName}").stdout == "fast")
    }
}
