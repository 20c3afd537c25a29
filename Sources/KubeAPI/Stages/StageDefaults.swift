import KubeModel

/// What the store knows of kwok before the user adds anything: the Stage API (a CRD, installed when the
/// first Stage is written) and the lifecycle of nodes kwok manages (annotated `kwok.x-k8s.io/node: fake`) and of their
/// pods. Those default stages are our own, equivalent to kwok's "fast" ones; a user's Stage with the
/// same name replaces a default one.
enum StageDefaults {
    static let kwokVersion = "v0.7.0"
    static let group = "kwok.x-k8s.io"
    static let managedAnnotation = "kwok.x-k8s.io/node"

    /// The five node conditions of a healthy node (kwok's `NodeConditions`).
    static let nodeConditions: JSONValue = [
        ["message": "kubelet is posting ready status", "reason": "KubeletReady", "status": "True", "type": "Ready"],
        ["message": "kubelet has sufficient memory available", "reason": "KubeletHasSufficientMemory", "status": "False",
         "type": "MemoryPressure"],
        ["message": "kubelet has no disk pressure", "reason": "KubeletHasNoDiskPressure", "status": "False", "type": "DiskPressure"],
        ["message": "kubelet has sufficient PID available", "reason": "KubeletHasSufficientPID", "status": "False",
         "type": "PIDPressure"],
        ["message": "RouteController created a route", "reason": "RouteCreated", "status": "False", "type": "NetworkUnavailable"],
    ]

    /// The CustomResourceDefinition of `stages.kwok.x-k8s.io`.
    static var crd: JSONValue {
        let schema: JSONValue = [
            "type": "object",
            "properties": [
                "apiVersion": ["type": "string"], "kind": ["type": "string"], "metadata": ["type": "object"],
                "spec": ["type": "object", "x-kubernetes-preserve-unknown-fields": true],
                "status": ["type": "object", "x-kubernetes-preserve-unknown-fields": true],
            ],
        ]
        return [
            "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
            "metadata": ["name": "stages.kwok.x-k8s.io"],
            "spec": [
                "group": .string(group),
                "names": ["kind": "Stage", "listKind": "StageList", "plural": "stages", "singular": "stage"],
                "scope": "Cluster",
                "versions": [["name": "v1alpha1", "served": true, "storage": true, "schema": ["openAPIV3Schema": schema],
                              "subresources": ["status": .emptyObject]]],
            ],
        ]
    }

    /// Default stages, by kind.
    static let stages: [Stage] = {
        var out: [Stage] = []
        for text in [nodeInitialize, podReady, podComplete, podDelete] {
            if let v = try? JSON.parse(text), let st = try? Stage.parse(v) { out.append(st) }
        }
        return out
    }()

    static let nodeInitialize = #"""
    {"metadata": {"name": "node-initialize"},
     "spec": {"resourceRef": {"apiGroup": "v1", "kind": "Node"},
      "selector": {"matchExpressions": [{"key": ".status.conditions.[] | select(.type == \"Ready\") | .status",
                                         "operator": "NotIn", "values": ["True"]}]},
      "next": {"statusTemplate": "{{ $now := Now }}\n{{ $since := or .metadata.creationTimestamp $now }}\nconditions:\n{{ range NodeConditions }}\n- lastHeartbeatTime: {{ $now | Quote }}\n  lastTransitionTime: {{ $since | Quote }}\n  message: {{ .message | Quote }}\n  reason: {{ .reason | Quote }}\n  status: {{ .status | Quote }}\n  type: {{ .type | Quote }}\n{{ end }}\naddresses:\n- address: {{ NodeIP | Quote }}\n  type: InternalIP\n- address: {{ NodeName | Quote }}\n  type: Hostname\nallocatable:\n{{ with .status.allocatable }}{{ YAML . 1 }}{{ else }}  cpu: 1k\n  memory: 1Ti\n  pods: 1M\n{{ end }}\ncapacity:\n{{ with .status.capacity }}{{ YAML . 1 }}{{ else }}  cpu: 1k\n  memory: 1Ti\n  pods: 1M\n{{ end }}\ndaemonEndpoints:\n  kubeletEndpoint:\n    Port: {{ NodePort }}\nnodeInfo:\n  architecture: amd64\n  bootID: \"\"\n  containerRuntimeVersion: kwok-{{ Version }}\n  kernelVersion: kwok-{{ Version }}\n  kubeProxyVersion: kwok-{{ Version }}\n  kubeletVersion: kwok-{{ Version }}\n  machineID: \"\"\n  operatingSystem: linux\n  osImage: \"\"\n  systemUUID: \"\"\nphase: Running\n"}}}
    """#

    static let podReady = #"""
    {"metadata": {"name": "pod-ready"},
     "spec": {"resourceRef": {"apiGroup": "v1", "kind": "Pod"},
      "selector": {"matchExpressions": [
        {"key": ".metadata.deletionTimestamp", "operator": "DoesNotExist"},
        {"key": ".status.phase", "operator": "In", "values": ["Pending"]},
        {"key": ".status.conditions.[] | select(.type == \"Ready\") | .status", "operator": "NotIn", "values": ["True"]}]},
      "next": {"statusTemplate": "{{ $now := Now }}\nconditions:\n- lastTransitionTime: {{ $now | Quote }}\n  status: \"True\"\n  type: Initialized\n- lastTransitionTime: {{ $now | Quote }}\n  status: \"True\"\n  type: Ready\n- lastTransitionTime: {{ $now | Quote }}\n  status: \"True\"\n  type: ContainersReady\n- lastTransitionTime: {{ $now | Quote }}\n  status: \"True\"\n  type: PodScheduled\ncontainerStatuses:\n{{ range .spec.containers }}\n- image: {{ .image | Quote }}\n  name: {{ .name | Quote }}\n  ready: true\n  restartCount: 0\n  started: true\n  state:\n    running:\n      startedAt: {{ $now | Quote }}\n{{ end }}\n{{ with .spec.initContainers }}\ninitContainerStatuses:\n{{ range . }}\n- image: {{ .image | Quote }}\n  name: {{ .name | Quote }}\n  ready: true\n  restartCount: 0\n  state:\n    terminated:\n      exitCode: 0\n      finishedAt: {{ $now | Quote }}\n      reason: Completed\n      startedAt: {{ $now | Quote }}\n{{ end }}\n{{ end }}\n{{ $hostIP := NodeIPWith .spec.nodeName }}\nhostIP: {{ $hostIP | Quote }}\nhostIPs:\n- ip: {{ $hostIP | Quote }}\n{{ $podIP := PodIPWith .spec.nodeName ( or .spec.hostNetwork false ) ( or .metadata.uid \"\" ) ( or .metadata.name \"\" ) ( or .metadata.namespace \"\" ) }}\npodIP: {{ $podIP | Quote }}\npodIPs:\n- ip: {{ $podIP | Quote }}\nphase: Running\nstartTime: {{ $now | Quote }}\n"}}}
    """#

    static let podComplete = #"""
    {"metadata": {"name": "pod-complete"},
     "spec": {"resourceRef": {"apiGroup": "v1", "kind": "Pod"},
      "selector": {"matchExpressions": [
        {"key": ".metadata.deletionTimestamp", "operator": "DoesNotExist"},
        {"key": ".status.phase", "operator": "In", "values": ["Running"]},
        {"key": ".metadata.ownerReferences.[].kind", "operator": "In", "values": ["Job"]}]},
      "next": {"statusTemplate": "{{ $now := Now }}\nconditions:\n- lastTransitionTime: {{ $now | Quote }}\n  reason: PodCompleted\n  status: \"False\"\n  type: Ready\n- lastTransitionTime: {{ $now | Quote }}\n  reason: PodCompleted\n  status: \"False\"\n  type: ContainersReady\ncontainerStatuses:\n{{ range .spec.containers }}\n- image: {{ .image | Quote }}\n  name: {{ .name | Quote }}\n  ready: false\n  restartCount: 0\n  started: false\n  state:\n    terminated:\n      exitCode: 0\n      finishedAt: {{ $now | Quote }}\n      reason: Completed\n      startedAt: {{ $now | Quote }}\n{{ end }}\nphase: Succeeded\n"}}}
    """#

    static let podDelete = #"""
    {"metadata": {"name": "pod-delete"},
     "spec": {"resourceRef": {"apiGroup": "v1", "kind": "Pod"},
      "selector": {"matchExpressions": [{"key": ".metadata.deletionTimestamp", "operator": "Exists"}]},
      "next": {"delete": true}}}
    """#
}

extension APISession {
    /// Installs the `stages.kwok.x-k8s.io` CRD unless it is there.
    func installStageAPI() throws {
        guard let crdType = registry.type(group: "apiextensions.k8s.io", kind: "CustomResourceDefinition"),
            try find(crdType, namespace: "", name: "stages.kwok.x-k8s.io") == nil else { return }
        _ = try create(StageDefaults.crd, type: crdType, namespace: "")
    }
}
