import KubeModel
import KubeTestSupport
import Testing

/// Per-kind field rules of the validation step (volumes, probes, scheduling, Services, Ingress,
/// RBAC): the API server's `The <Kind> "<name>" is invalid: ...` texts and field paths, through
/// `create -f` and `apply -f`, and nothing stored.
@Suite struct FieldRuleTests {
    static func refused(_ yaml: String, _ stderr: String, check: String, file: String = "x.yaml", verbs: [String] = ["create", "apply"]) {
        let s = TestStore()
        let f = s.writeFile(file, yaml)
        // What the seed holds (the bootstrap flow schemas and priority levels) stays as it was.
        let before = s.run(check).stdout
        for verb in verbs {
            #expect(s.run("\(verb) -f \(f)") == CLIResult(stdout: "", stderr: stderr, exitCode: 1), "\(verb)")
        }
        #expect(s.run(check).stdout == before, "\(check)")
    }

    /// v1.32's validateContainerPorts: a port of 0 (or none) is Required, others must be 1..65535;
    /// `run --port=0` keeps the 0 as kubectl does and the API server refuses it.
    @Test func containerPortsAreRequiredAndInRange() {
        Self.refused("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
              - name: c
                image: nginx
                ports:
                - name: http
                - containerPort: 0
                - containerPort: 65536
                  hostPort: 80

            """, """
            The Pod "p" is invalid: 
            * spec.containers[0].ports[0].containerPort: Required value
            * spec.containers[0].ports[1].containerPort: Required value
            * spec.containers[0].ports[2].containerPort: Invalid value: 65536: must be between 1 and 65535, inclusive

            """, check: "get pods -o name")
        let s = TestStore()
        #expect(s.run("run p0 --image=nginx --port=0") == CLIResult(stdout: "", stderr: """
            The Pod "p0" is invalid: spec.containers[0].ports[0].containerPort: Required value

            """, exitCode: 1))
        #expect(s.run("get pods -o name").stdout == "")
    }

    @Test func volumesAndMounts() {
        Self.refused("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              volumes:
              - name: Data
                emptyDir: {}
              - name: cfg
                configMap: {}
              containers:
              - name: c
                image: nginx
                volumeMounts:
                - name: data
                  mountPath: /d
                - name: cfg
                  mountPath: /d

            """, """
            The Pod "p" is invalid: 
            * spec.volumes[0].name: Invalid value: "Data": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')
            * spec.volumes[1].configMap.name: Required value
            * spec.containers[0].volumeMounts[0].name: Not found: "data"
            * spec.containers[0].volumeMounts[1].name: Not found: "cfg"
            * spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/d": must be unique

            """, check: "get pods -o name")
    }

    @Test func volumeSourcesAndPaths() {
        Self.refused("""
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
                  volumes:
                  - name: two
                    emptyDir: {}
                    hostPath:
                      path: /x
                  - name: s
                    secret:
                      secretName: creds
                      defaultMode: 1000
                      items:
                      - key: a
                        path: ../a
                  containers:
                  - name: c
                    image: nginx

            """, """
            The Deployment "d" is invalid: 
            * spec.template.spec.volumes[0].emptyDir: Forbidden: may not specify more than 1 volume type
            * spec.template.spec.volumes[1].secret.defaultMode: Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive
            * spec.template.spec.volumes[1].secret.items[0].path: Invalid value: "../a": must not contain '..'

            """, check: "get deploy,rs,pods -o name")
    }

    @Test func probes() {
        Self.refused("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
              - name: c
                image: nginx
                livenessProbe:
                  httpGet:
                    port: 70000
                  successThreshold: 2
                readinessProbe:
                  periodSeconds: -1
                startupProbe:
                  exec:
                    command: []
                  tcpSocket:
                    port: http

            """, """
            The Pod "p" is invalid: 
            * spec.containers[0].livenessProbe.httpGet.port: Invalid value: 70000: must be between 1 and 65535, inclusive
            * spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1
            * spec.containers[0].readinessProbe: Required value: must specify a handler type
            * spec.containers[0].readinessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0
            * spec.containers[0].startupProbe.exec.command: Required value
            * spec.containers[0].startupProbe.tcpSocket: Forbidden: may not specify more than 1 handler type

            """, check: "get pods -o name")
    }

    @Test func httpProbeDefaultsPathAndScheme() {
        let s = TestStore()
        let f = s.writeFile("p.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
              - name: c
                image: nginx
                readinessProbe:
                  httpGet:
                    port: 80
                lifecycle:
                  preStop:
                    httpGet:
                      port: 80

            """)
        #expect(s.run("create -f \(f)").stdout == "pod/p created\n")
        #expect(s.run("get pod p -o jsonpath={.spec.containers[0].readinessProbe.httpGet.path}{.spec.containers[0].readinessProbe.httpGet.scheme}/{.spec.containers[0].lifecycle.preStop.httpGet.path}").stdout == "/HTTP//")
    }

    @Test func scheduling() {
        Self.refused("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
              - name: c
                image: nginx
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms:
                    - matchExpressions:
                      - key: zone
                        operator: In
                podAntiAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: 101
                    podAffinityTerm:
                      topologyKey: kubernetes.io/hostname
              topologySpreadConstraints:
              - maxSkew: 0
                topologyKey: zone
                whenUnsatisfiable: Never
              tolerations:
              - operator: Equal
                value: x
              - key: a
                effect: NoSchedule
                tolerationSeconds: 5

            """, """
            The Pod "p" is invalid: 
            * spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'
            * spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 101: must be in the range 1-100
            * spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero
            * spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: "Never": supported values: "DoNotSchedule", "ScheduleAnyway"
            * spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"
            * spec.tolerations[1].effect: Invalid value: "NoSchedule": effect must be 'NoExecute' when `tolerationSeconds` is set

            """, check: "get pods -o name")
    }

    @Test func statefulSetTemplateIsNotValidatedAsAPodSpec() {
        let s = TestStore()
        let f = s.writeFile("sts.yaml", """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
            spec:
              serviceName: db
              selector:
                matchLabels: {app: db}
              template:
                metadata:
                  labels: {app: db}
                spec:
                  containers:
                  - name: db
                    image: postgres
                    volumeMounts:
                    - name: data
                      mountPath: /data
              volumeClaimTemplates:
              - metadata:
                  name: data
                spec:
                  accessModes: ["ReadWriteOnce"]
                  resources:
                    requests:
                      storage: 1Gi

            """)
        #expect(s.run("apply -f \(f)").stdout == "statefulset.apps/db created\n")
    }

    @Test func services() {
        Self.refused("""
            apiVersion: v1
            kind: Service
            metadata:
              name: s
            spec:
              type: ClusterIP
              sessionAffinity: ClientIP
              sessionAffinityConfig:
                clientIP:
                  timeoutSeconds: 100000
              externalTrafficPolicy: Local
              ports:
              - port: 80
                nodePort: 30080
              - port: 80
                name: b
                targetPort: http_port

            """, """
            The Service "s" is invalid: 
            * spec.ports[0].name: Required value
            * spec.ports[1].targetPort: Invalid value: "http_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)
            * spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 100000: must be greater than 0 and less than 86400
            * spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'
            * spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}
            * spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services

            """, check: "get svc s -o name --ignore-not-found")
        Self.refused("apiVersion: v1\nkind: Service\nmetadata:\n  name: e\nspec:\n  type: ExternalName\n",
                     "The Service \"e\" is invalid: spec.externalName: Required value\n", check: "get svc e -o name --ignore-not-found")
        Self.refused("apiVersion: v1\nkind: Service\nmetadata:\n  name: np\nspec:\n  selector:\n    app: np\n",
                     "The Service \"np\" is invalid: spec.ports: Required value\n", check: "get svc np -o name --ignore-not-found")
    }

    @Test func clientIPAffinityGetsItsDefaultTimeout() {
        let s = TestStore()
        let f = s.writeFile("s.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  sessionAffinity: ClientIP\n  ports:\n  - port: 80\n")
        #expect(s.run("create -f \(f)").stdout == "service/s created\n")
        #expect(s.run("get svc s -o jsonpath={.spec.sessionAffinityConfig.clientIP.timeoutSeconds}").stdout == "10800")
    }

    @Test func ingress() {
        Self.refused("""
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: i
            spec:
              rules:
              - host: 10.0.0.1
                http:
                  paths:
                  - path: api
                    pathType: Prefix
                    backend:
                      service:
                        name: web
                  - path: /x
                    backend:
                      service:
                        name: web
                        port:
                          number: 80
                  - path: /a//b
                    pathType: Exact
                    backend:
                      service:
                        name: Web
                        port:
                          name: http

            """, """
            The Ingress "i" is invalid: 
            * spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address
            * spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path
            * spec.rules[0].http.paths[0].backend: Required value: port name or number is required
            * spec.rules[0].http.paths[1].pathType: Required value: pathType must be specified
            * spec.rules[0].http.paths[2].path: Invalid value: "/a//b": must not contain '//'
            * spec.rules[0].http.paths[2].backend.service.name: Invalid value: "Web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')

            """, check: "get ingress -o name")
        Self.refused("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: e\nspec: {}\n",
                     "The Ingress \"e\" is invalid: spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified\n",
                     check: "get ingress -o name")
    }

    @Test func rbac() {
        Self.refused("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: b
            roleRef:
              kind: Role
              name: x
            subjects:
            - kind: ServiceAccount
              name: sa
            - kind: user
              name: j

            """, """
            The ClusterRoleBinding "b" is invalid: 
            * roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"
            * subjects[0].namespace: Required value
            * subjects[1].kind: Unsupported value: "user": supported values: "ServiceAccount", "User", "Group"

            """, check: "get clusterrolebinding b -o name --ignore-not-found")
        Self.refused("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: r
            rules:
            - apiGroups: [""]
            - nonResourceURLs: ["/x"]
              verbs: ["get"]

            """, """
            The Role "r" is invalid: 
            * rules[0].verbs: Required value: verbs must contain at least one value
            * rules[0].resources: Required value: resource rules must supply at least one resource
            * rules[1].nonResourceURLs: Invalid value: []string{"/x"}: namespaced rules cannot apply to non-resource URLs

            """, check: "get role -o name")
    }

    @Test func roleRefCannotChange() {
        let s = TestStore()
        _ = s.run("create rolebinding rb --clusterrole=view --user=jane")
        let r = s.run(args: ["patch", "rolebinding", "rb", "--type=merge", "-p", #"{"roleRef":{"name":"edit"}}"#])
        #expect(r == CLIResult(stdout: "", stderr: """
            The RoleBinding "rb" is invalid: roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef

            """, exitCode: 1))
        #expect(s.run("get rolebinding rb -o jsonpath={.roleRef.name}").stdout == "view")
    }
    @Test func resourceRequirements() {
        Self.refused("""
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
                  containers:
                  - name: c
                    image: nginx
                    resources:
                      requests:
                        cpu: "2"
                        gpu: "1"
                        example.com/fpga: "1"
                      limits:
                        cpu: "1"
                        memory: -1Gi

            """, """
            The Deployment "d" is invalid: 
            * spec.template.spec.containers[0].resources.limits[memory]: Invalid value: "-1Gi": must be greater than or equal to 0
            * spec.template.spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1
            * spec.template.spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources
            * spec.template.spec.containers[0].resources.requests[gpu]: Invalid value: gpu: must be a standard resource type or fully qualified
            * spec.template.spec.containers[0].resources.requests[gpu]: Invalid value: gpu: must be a standard resource for containers

            """, check: "get deploy,rs,pods -o name")
    }
}
