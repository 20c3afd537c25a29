import KubeTestSupport
import Testing

/// A CustomResourceDefinition's `subresources.scale` becomes the kind's scale subresource in the registry:
/// `scale` and `autoscale` work on its objects, at the paths the CRD names.
@Suite struct CustomResourceScaleTests {
    static let crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget}
          versions:
          - name: v1
            served: true
            storage: true
            subresources:
              status: {}
              scale: {specReplicasPath: .spec.size, statusReplicasPath: .status.size, labelSelectorPath: .status.selector}
            schema:
              openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}

        """
    static let gizmo = """
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: gizmo}
        spec: {size: 1}

        """

    @Test func scaleWritesTheCRDsReplicaPath() {
        let s = TestStore()
        #expect(s.run("create -f -", stdin: Self.crd).exitCode == 0)
        #expect(s.run("create -f -", stdin: Self.gizmo).exitCode == 0)
        #expect(s.run("scale widget gizmo --replicas=3") == CLIResult(stdout: "widget.example.com/gizmo scaled\n", stderr: "", exitCode: 0))
        #expect(s.run("get widget gizmo -o jsonpath={.spec}").stdout == "{\"size\":3}")
        let r = s.run("scale widgets/gizmo --current-replicas=2 --replicas=4")
        #expect(r == CLIResult(stdout: "", stderr: "error: Expected replicas to be 2, was 3\n", exitCode: 1))
        // v1.32 prints the object as read in a client dry run (oracle: Golden/workloadverbs scale-dry-run-yaml).
        #expect(s.run("scale widget gizmo --replicas=2 --dry-run=client -o jsonpath={.spec.size}").stdout == "3")
        #expect(s.run("get widget gizmo -o jsonpath={.spec.size}").stdout == "3")
    }

    /// `get|patch --subresource=scale` read and write the Scale at the CRD's paths (the selector from
    /// labelSelectorPath); replace and server-side apply with the object refuse as the API server does.
    @Test func scaleSubresourceFollowsTheCRDsPaths() {
        let s = TestStore()
        #expect(s.run("create -f -", stdin: Self.crd).exitCode == 0)
        #expect(s.run("create -f -", stdin: Self.gizmo).exitCode == 0)
        #expect(s.run("patch widget gizmo --subresource=status --type=merge -p '{\"status\":{\"size\":1,\"selector\":\"app=gizmo\"}}'").exitCode == 0)
        #expect(s.run("get widget gizmo --subresource=scale -o jsonpath={.spec.replicas}/{.status.replicas}/{.status.selector}").stdout == "1/1/app=gizmo")
        #expect(s.run("patch widget gizmo --subresource=scale --type=merge -p '{\"spec\":{\"replicas\":4}}'")
            == CLIResult(stdout: "scale.autoscaling/gizmo patched\n", stderr: "", exitCode: 0))
        #expect(s.run("get widget gizmo -o jsonpath={.spec}").stdout == "{\"size\":4}")
        let file = s.writeFile("gizmo.yaml", Self.gizmo)
        #expect(s.run("apply --server-side --subresource=scale -f \(file)")
            == CLIResult(stdout: "", stderr: "Error from server (BadRequest): invalid object type: example.com/v1, Kind=Widget\n", exitCode: 1))
        #expect(s.run("get widget gizmo -o jsonpath={.spec}").stdout == "{\"size\":4}")
    }

    @Test func autoscaleTargetsTheCustomResource() {
        let s = TestStore()
        #expect(s.run("create -f -", stdin: Self.crd).exitCode == 0)
        #expect(s.run("create -f -", stdin: Self.gizmo).exitCode == 0)
        let r = s.run("autoscale widget gizmo --max=5")
        #expect(r == CLIResult(stdout: "horizontalpodautoscaler.autoscaling/gizmo autoscaled\n", stderr: "", exitCode: 0))
        #expect(s.run("get hpa gizmo -o jsonpath={.spec.scaleTargetRef}").stdout == "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"name\":\"gizmo\"}")
    }

    @Test func withoutAScaleSubresourceNothingChanges() {
        let s = TestStore()
        let noScale = Self.crd.replacingAll("scale: {specReplicasPath: .spec.size, statusReplicasPath: .status.size, labelSelectorPath: .status.selector}", with: "")
        #expect(noScale != Self.crd)
        #expect(s.run("create -f -", stdin: noScale).exitCode == 0)
        #expect(s.run("create -f -", stdin: Self.gizmo).exitCode == 0)
        let r = s.run("scale widget gizmo --replicas=3")
        #expect(r.exitCode == 1 && r.stdout.isEmpty, "\(r)")
        #expect(s.run("get widget gizmo -o jsonpath={.spec.size}").stdout == "1")
    }
}
