import KubeModel
import KubeTestSupport
import Testing

/// Field rules for containers' environment and security contexts, PodDisruptionBudgets and
/// HorizontalPodAutoscalers (apis/core, policy and autoscaling validation, v1.32): the API server's
/// texts through `create -f` and `apply -f`, nothing stored; and well-formed objects accepted.
@Suite struct ContainerFieldRuleTests {
    /// Env names (relaxed rule), exactly one `valueFrom` source, downward API paths, key references, `envFrom`.
    @Test func environmentNamesAndSources() {
        FieldRuleTests.refused("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
              - name: c
                image: nginx
                env:
                - name: "A=B"
                  value: x
                - name: B
                  valueFrom: {}
                - name: C
                  value: v
                  valueFrom:
                    fieldRef:
                      fieldPath: metadata.name
                - name: D
                  valueFrom:
                    fieldRef:
                      fieldPath: spec.restartPolicy
                - name: E
                  valueFrom:
                    fieldRef:
                      fieldPath: status.foo
                - name: F
                  valueFrom:
                    configMapKeyRef: {name: cm, key: "a/b"}
                    secretKeyRef: {name: s, key: k}
                - name: G
                  valueFrom:
                    resourceFieldRef: {resource: limits.gpu}
                - name: H
                  valueFrom:
                    fieldRef:
                      fieldPath: metadata.labels['Bad Key']
                - name: I
                  valueFrom:
                    resourceFieldRef: {resource: limits.cpu, divisor: 2m}
                envFrom:
                - prefix: "X="
                  configMapRef: {name: cm}
                - {}

            """, """
            The Pod "p" is invalid: 
            * spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='
            * spec.containers[0].env[1].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`
            * spec.containers[0].env[2].valueFrom: Invalid value: "": may not be specified when `value` is not empty
            * spec.containers[0].env[3].valueFrom.fieldRef.fieldPath: Unsupported value: "spec.restartPolicy": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"
            * spec.containers[0].env[4].valueFrom.fieldRef.fieldPath: Invalid value: "status.foo": error converting fieldPath: field label not supported: status.foo
            * spec.containers[0].env[5].valueFrom.configMapKeyRef.key: Invalid value: "a/b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')
            * spec.containers[0].env[5].valueFrom: Invalid value: "": may not have more than one field specified at a time
            * spec.containers[0].env[6].valueFrom.resourceFieldRef.resource: Unsupported value: "limits.gpu": supported values: "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"
            * spec.containers[0].env[7].valueFrom.fieldRef: Invalid value: "Bad Key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
            * spec.containers[0].env[8].valueFrom.resourceFieldRef.divisor: Invalid value: "limits.cpu": only divisor's values 1m and 1 are supported with the cpu resource
            * spec.containers[0].envFrom[0].prefix: Invalid value: "X=": a valid environment variable name must consist only of printable ASCII characters other than '='
            * spec.containers[0].envFrom: Invalid value: "": must specify one of: `configMapRef` or `secretRef`

            """, check: "get pods -o name")
    }

    /// User/group ids, seccomp and AppArmor profiles, escalation with privileged or CAP_SYS_ADMIN, sysctls.
    @Test func securityContextRangesProfilesAndSysctls() {
        FieldRuleTests.refused("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              selector:
                matchLabels: {app: d}
              template:
                metadata:
                  labels: {app: d}
                spec:
                  securityContext:
                    runAsUser: -1
                    fsGroup: 3000000000
                    supplementalGroups: [1, -5]
                    sysctls:
                    - name: net.core.somaxconn
                      value: "1024"
                    - name: Kernel.Bad
                      value: "1"
                    - name: net.core.somaxconn
                      value: "2"
                    seccompProfile:
                      type: localhost
                    appArmorProfile:
                      type: Localhost
                  hostNetwork: true
                  containers:
                  - name: c
                    image: nginx
                    securityContext:
                      runAsGroup: 2147483648
                      seccompProfile:
                        type: Localhost
                        localhostProfile: /etc/profile.json
                      appArmorProfile:
                        type: RuntimeDefault
                        localhostProfile: x
                  - name: e
                    image: nginx
                    securityContext:
                      allowPrivilegeEscalation: false
                      privileged: true
                      capabilities:
                        add: [NET_ADMIN, CAP_SYS_ADMIN]

            """, """
            The Deployment "d" is invalid: 
            * spec.template.spec.containers[0].securityContext.runAsGroup: Invalid value: 2147483648: must be between 0 and 2147483647, inclusive
            * spec.template.spec.containers[0].securityContext.seccompProfile.localhostProfile: Invalid value: "/etc/profile.json": must be a relative path
            * spec.template.spec.containers[0].securityContext.appArmorProfile.localhostProfile: Invalid value: "x": can only be set when AppArmor type is Localhost
            * spec.template.spec.containers[1].securityContext: Invalid value: core.SecurityContext{Capabilities:(*core.Capabilities)(0xc000000000), Privileged:(*bool)(0xc000000000), SELinuxOptions:(*core.SELinuxOptions)(nil), WindowsOptions:(*core.WindowsSecurityContextOptions)(nil), RunAsUser:(*int64)(nil), RunAsGroup:(*int64)(nil), RunAsNonRoot:(*bool)(nil), ReadOnlyRootFilesystem:(*bool)(nil), AllowPrivilegeEscalation:(*bool)(0xc000000000), ProcMount:(*core.ProcMountType)(nil), SeccompProfile:(*core.SeccompProfile)(nil), AppArmorProfile:(*core.AppArmorProfile)(nil)}: cannot set `allowPrivilegeEscalation` to false and `privileged` to true
            * spec.template.spec.containers[1].securityContext: Invalid value: core.SecurityContext{Capabilities:(*core.Capabilities)(0xc000000000), Privileged:(*bool)(0xc000000000), SELinuxOptions:(*core.SELinuxOptions)(nil), WindowsOptions:(*core.WindowsSecurityContextOptions)(nil), RunAsUser:(*int64)(nil), RunAsGroup:(*int64)(nil), RunAsNonRoot:(*bool)(nil), ReadOnlyRootFilesystem:(*bool)(nil), AllowPrivilegeEscalation:(*bool)(0xc000000000), ProcMount:(*core.ProcMountType)(nil), SeccompProfile:(*core.SeccompProfile)(nil), AppArmorProfile:(*core.AppArmorProfile)(nil)}: cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN
            * spec.template.spec.securityContext.fsGroup: Invalid value: 3000000000: must be between 0 and 2147483647, inclusive
            * spec.template.spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive
            * spec.template.spec.securityContext.supplementalGroups[1]: Invalid value: -5: must be between 0 and 2147483647, inclusive
            * spec.template.spec.securityContext.sysctls[0].name: Invalid value: "net.core.somaxconn": may not be specified when 'hostNetwork' is true
            * spec.template.spec.securityContext.sysctls[1].name: Invalid value: "Kernel.Bad": must have at most 253 characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$
            * spec.template.spec.securityContext.sysctls[2].name: Duplicate value: "net.core.somaxconn"
            * spec.template.spec.securityContext.sysctls[2].name: Invalid value: "net.core.somaxconn": may not be specified when 'hostNetwork' is true
            * spec.template.spec.securityContext.seccompProfile.type: Unsupported value: "localhost": supported values: "Localhost", "RuntimeDefault", "Unconfined"
            * spec.template.spec.securityContext.appArmorProfile.localhostProfile: Required value: must be set when AppArmor type is Localhost

            """, check: "get deployments -o name")
    }

    /// minAvailable xor maxUnavailable, int-or-percent, the eviction policy enum.
    @Test func podDisruptionBudgetBounds() {
        FieldRuleTests.refused("""
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: b
            spec:
              minAvailable: 150%
              maxUnavailable: -1
              selector:
                matchLabels: {app: x}
              unhealthyPodEvictionPolicy: Never

            """, """
            The PodDisruptionBudget "b" is invalid: 
            * spec: Invalid value: policy.PodDisruptionBudgetSpec{MinAvailable:(*intstr.IntOrString)(0xc000000000), Selector:(*v1.LabelSelector)(0xc000000000), MaxUnavailable:(*intstr.IntOrString)(0xc000000000), UnhealthyPodEvictionPolicy:(*policy.UnhealthyPodEvictionPolicyType)(0xc000000000)}: minAvailable and maxUnavailable cannot be both set
            * spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%
            * spec.maxUnavailable: Invalid value: -1: must be greater than or equal to 0
            * spec.unhealthyPodEvictionPolicy: Unsupported value: "Never": supported values: "AlwaysAllow", "IfHealthyBudget"

            """, check: "get pdb -o name")
    }

    /// Replica bounds, metric sources and targets, behavior policies.
    @Test func horizontalPodAutoscalerBoundsMetricsAndBehavior() {
        FieldRuleTests.refused("""
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: h
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 5
              maxReplicas: 3
              metrics:
              - type: Resource
                resource:
                  name: cpu
                  target: {type: Utilization, averageUtilization: 0}
              - type: Pods
                pods:
                  metric: {name: qps}
                  target: {type: Value, value: "-1"}
              - type: Foo
              behavior:
                scaleUp:
                  stabilizationWindowSeconds: 4000
                  selectPolicy: Fastest
                  policies:
                  - {type: Pods, value: 0, periodSeconds: 2000}
                scaleDown:
                  policies: []

            """, """
            The HorizontalPodAutoscaler "h" is invalid: 
            * spec.maxReplicas: Invalid value: 3: must be greater than or equal to `minReplicas`
            * spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0
            * spec.metrics[1].pods.target.value: Invalid value: resource.Quantity{i:resource.int64Amount{value:-1, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"-1", Format:"DecimalSI"}: must be positive
            * spec.metrics[1].pods.target.averageValue: Required value: must specify a positive target averageValue
            * spec.metrics[2].type: Unsupported value: "Foo": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"
            * spec.metrics[2].type: Unsupported value: "Foo": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"
            * spec.behavior.scaleUp.stabilizationWindowSeconds: Invalid value: 4000: must be less than or equal to 3600
            * spec.behavior.scaleUp.selectPolicy: Unsupported value: "Fastest": supported values: "Disabled", "Max", "Min"
            * spec.behavior.scaleUp.policies[0].value: Invalid value: 0: must be greater than zero
            * spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 2000: must be less than or equal to 1800
            * spec.behavior.scaleDown.policies: Required value: must specify at least one Policy

            """, check: "get hpa -o name")
    }

    /// Well-formed environments, security contexts, budgets and autoscalers are stored; a field
    /// reference without `apiVersion` is defaulted to `v1`.
    @Test func wellFormedObjectsAreAccepted() {
        let s = TestStore()
        let f = s.writeFile("ok.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: ok
              labels: {app: ok}
            spec:
              securityContext:
                runAsUser: 1000
                runAsNonRoot: true
                fsGroup: 2000
                seccompProfile: {type: RuntimeDefault}
                sysctls:
                - {name: net.ipv4.ip_local_port_range, value: "1024 65535"}
                - {name: kernel/shm_rmid_forced, value: "0"}
              containers:
              - name: c
                image: nginx
                env:
                - {name: my.var-1, value: "x"}
                - name: NODE
                  valueFrom:
                    fieldRef: {fieldPath: spec.nodeName}
                - name: TIER
                  valueFrom:
                    fieldRef: {fieldPath: "metadata.labels['app']"}
                - name: MEM
                  valueFrom:
                    resourceFieldRef: {resource: limits.memory, divisor: 1Mi}
                - name: K
                  valueFrom:
                    configMapKeyRef: {name: cfg, key: k.1, optional: true}
                envFrom:
                - {prefix: CFG_, configMapRef: {name: cfg, optional: true}}
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
                  appArmorProfile: {type: Localhost, localhostProfile: k8s-nginx}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: ok
            spec:
              maxUnavailable: 50%
              selector:
                matchLabels: {app: ok}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: ok
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ok}
              minReplicas: 1
              maxReplicas: 5
              metrics:
              - type: Resource
                resource:
                  name: cpu
                  target: {type: Utilization, averageUtilization: 60}
              behavior:
                scaleDown:
                  stabilizationWindowSeconds: 300
                  policies:
                  - {type: Percent, value: 10, periodSeconds: 60}

            """)
        #expect(s.run("create -f \(f)") == CLIResult(stdout: """
            pod/ok created
            poddisruptionbudget.policy/ok created
            horizontalpodautoscaler.autoscaling/ok created

            """, stderr: "", exitCode: 0))
        #expect(s.run("get pod ok -o jsonpath={.spec.containers[0].env[1].valueFrom.fieldRef.apiVersion}").stdout == "v1")
    }

    /// Downward API volume files: one of a pod field (the volume's own list) or a container resource
    /// (with its container); a volume with errors is not there for its mounts, as on the server.
    @Test func downwardAPIVolumeFiles() {
        FieldRuleTests.refused("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: dw
            spec:
              containers:
              - name: c
                image: nginx
                volumeMounts:
                - {name: info, mountPath: /info}
              volumes:
              - name: info
                downwardAPI:
                  items:
                  - path: node
                    fieldRef: {fieldPath: spec.nodeName}
                  - path: both
                    fieldRef: {fieldPath: metadata.name}
                    resourceFieldRef: {containerName: c, resource: limits.cpu}
                  - path: none
                  - path: mem
                    resourceFieldRef: {resource: limits.memory}
                  - path: labels
                    fieldRef: {fieldPath: metadata.labels}
              - name: proj
                projected:
                  sources:
                  - downwardAPI:
                      items:
                      - path: ns
                        fieldRef: {fieldPath: status.podIP}

            """, """
            The Pod "dw" is invalid: 
            * spec.volumes[0].downwardAPI.items[0].fieldRef.fieldPath: Unsupported value: "spec.nodeName": supported values: "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"
            * spec.volumes[0].downwardAPI.items[1]: Invalid value: "resource": fieldRef and resourceFieldRef can not be specified simultaneously
            * spec.volumes[0].downwardAPI.items[2]: Required value: one of fieldRef and resourceFieldRef is required
            * spec.volumes[0].downwardAPI.items[3].resourceFieldRef.containerName: Required value
            * spec.volumes[1].projected.sources[0].downwardAPI.fieldRef.fieldPath: Unsupported value: "status.podIP": supported values: "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"
            * spec.containers[0].volumeMounts[0].name: Not found: "info"

            """, check: "get pods -o name")
    }
}
