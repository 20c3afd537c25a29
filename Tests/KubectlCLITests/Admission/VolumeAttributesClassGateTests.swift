import KubeModel
import KubeTestSupport
import Testing

/// `volumeAttributesClassName` with the VolumeAttributesClass feature gate off (beta, not enabled, in v1.32):
/// a new class name is dropped on create and on update unless the stored object has one; one a stored object
/// has (a volume or claim imported from a cluster that had the gate on) may not change, be removed or, for a
/// claim, emptied. A claim's status fields of the feature are dropped likewise.
@Suite struct VolumeAttributesClassGateTests {
    /// Objects as a cluster with the gate on kept them (uids: `store import` restores them as they are).
    static let imported = """
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: fast-pv, uid: 6f1c2a52-8d1e-4a4e-9d55-0a3c1f2b7e01}
        spec:
          capacity: {storage: 1Gi}
          accessModes: [ReadWriteOnce]
          csi: {driver: csi.example.com, volumeHandle: vol-1}
          persistentVolumeReclaimPolicy: Retain
          volumeMode: Filesystem
          volumeAttributesClassName: gold
        status: {phase: Available}
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: fast, namespace: default, uid: 6f1c2a52-8d1e-4a4e-9d55-0a3c1f2b7e02}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
          storageClassName: fast
          volumeMode: Filesystem
          volumeAttributesClassName: gold
        status: {phase: Pending, currentVolumeAttributesClassName: gold}

        """

    static let gateOff = "spec.volumeAttributesClassName: Forbidden: update is forbidden when the VolumeAttributesClass feature gate is disabled"

    static func importedStore() -> TestStore {
        let s = TestStore()
        #expect(s.run("store import -f \(s.writeFile("dump.yaml", Self.imported))").exitCode == 0)
        return s
    }

    @Test func aNewClassNameIsDropped() {
        let s = TestStore()
        let pv = s.writeFile("pv.yaml", "apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: new-pv}\nspec:\n  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n  csi: {driver: csi.example.com, volumeHandle: v}\n  volumeAttributesClassName: gold\n")
        #expect(s.run("create -f \(pv)").stdout == "persistentvolume/new-pv created\n")
        #expect(s.run("get pv new-pv -o jsonpath={.spec.volumeAttributesClassName}").stdout == "")
        #expect(s.run("patch pv new-pv -p '{\"spec\":{\"volumeAttributesClassName\":\"gold\"}}'").stdout == "persistentvolume/new-pv patched (no change)\n")
        let pvc = s.writeFile("pvc.yaml", "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: c}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n  volumeAttributesClassName: gold\n")
        #expect(s.run("apply -f \(pvc)").stdout == "persistentvolumeclaim/c created\n")
        #expect(s.run("get pvc c -o jsonpath={.spec.volumeAttributesClassName}").stdout == "")
        // The status subresource's fields of the feature go the same way.
        #expect(s.run("patch pvc c --subresource=status --type=merge -p '{\"status\":{\"currentVolumeAttributesClassName\":\"gold\",\"modifyVolumeStatus\":{\"status\":\"Pending\"}}}'").stdout
            == "persistentvolumeclaim/c patched (no change)\n")
    }

    @Test func aStoredVolumesClassNameMayNotChange() {
        let s = Self.importedStore()
        #expect(s.run("get pv fast-pv -o jsonpath={.spec.volumeAttributesClassName}").stdout == "gold")
        let before = s.run("get pv fast-pv -o yaml").stdout
        let changed = s.run("patch pv fast-pv -p '{\"spec\":{\"volumeAttributesClassName\":\"silver\"}}'")
        #expect(changed.exitCode == 1)
        #expect(changed.stderr == "The PersistentVolume \"fast-pv\" is invalid: \(Self.gateOff)\n")
        #expect(s.run("patch pv fast-pv --type=json -p '[{\"op\":\"remove\",\"path\":\"/spec/volumeAttributesClassName\"}]'").stderr == """
            The PersistentVolume "fast-pv" is invalid: \n\
            * \(Self.gateOff)
            * spec.volumeAttributesClassName: Forbidden: update from non-nil value to nil is forbidden

            """)
        #expect(s.run("patch pv fast-pv -p '{\"spec\":{\"volumeAttributesClassName\":\"\"}}'").stderr == """
            The PersistentVolume "fast-pv" is invalid: \n\
            * spec.volumeAttributesClassName: Required value: an empty string is disallowed
            * \(Self.gateOff)

            """)
        #expect(s.run("get pv fast-pv -o yaml").stdout == before)
        // Anything else may change; the class name stays.
        #expect(s.run("label pv fast-pv tier=gold").stdout == "persistentvolume/fast-pv labeled\n")
        #expect(s.run("get pv fast-pv -o jsonpath={.spec.volumeAttributesClassName}").stdout == "gold")
    }

    @Test func aStoredClaimsClassNameMayNotChange() {
        let s = Self.importedStore()
        let before = s.run("get pvc fast -o yaml").stdout
        #expect(s.run("get pvc fast -o jsonpath={.status.currentVolumeAttributesClassName}").stdout == "gold")
        let emptied = s.run("patch pvc fast -p '{\"spec\":{\"volumeAttributesClassName\":\"\"}}'")
        #expect(emptied.exitCode == 1)
        // An unbound claim's spec is immutable too: go-cmp's diff of the two specs comes first.
        #expect(emptied.stderr == """
            The PersistentVolumeClaim "fast" is invalid: \n\
            * spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims
              core.PersistentVolumeClaimSpec{
              \t... // 6 identical fields
              \tDataSource:                nil,
              \tDataSourceRef:             nil,
            - \tVolumeAttributesClassName: &"gold",
            + \tVolumeAttributesClassName: &"",
              }

            * \(Self.gateOff)
            * spec.volumeAttributesClassName: Forbidden: update from non-nil value to an empty string is forbidden

            """)
        #expect(s.run("patch pvc fast -p '{\"spec\":{\"volumeAttributesClassName\":\"Bad_Name\"}}'").stderr.hasPrefix(
            "The PersistentVolumeClaim \"fast\" is invalid: \n* spec.volumeAttributesClassName: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of"))
        #expect(s.run("get pvc fast -o yaml").stdout == before)
        #expect(s.run("label pvc fast team=a").stdout == "persistentvolumeclaim/fast labeled\n")
        #expect(s.run("get pvc fast -o jsonpath={.spec.volumeAttributesClassName}/{.status.currentVolumeAttributesClassName}").stdout == "gold/gold")
    }
}
