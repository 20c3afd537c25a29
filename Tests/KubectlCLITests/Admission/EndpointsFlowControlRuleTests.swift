import KubeModel
import KubeTestSupport
import Testing

/// Validation read from v1.32's sources for kinds the store accepted unchecked: Endpoints (subsets, address
/// IPs that parse and are not special, ports), EndpointSlice addresses by the slice's address type,
/// ControllerRevision (data required and immutable, revision not negative), FlowSchema and
/// PriorityLevelConfiguration (flowcontrol/v1), and the CSIDriver defaults of storage/v1.
@Suite struct EndpointsFlowControlRuleTests {
    static let subdomain = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
    static let label = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
    static let loopback = "may not be in the loopback range (127.0.0.0/8, ::1/128)"

    @Test func endpointsSubsetsNeedAddressesThatAreIPsAndNamedPorts() {
        FieldRuleTests.refused("""
            apiVersion: v1
            kind: Endpoints
            metadata:
              name: ep
            subsets:
            - addresses:
              - ip: 127.0.0.1
              - ip: not-an-ip
              ports:
              - port: 0
              - port: 80
                protocol: tcp
            - ports:
              - port: 80

            """, """
            The Endpoints "ep" is invalid: 
            * subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": \(Self.loopback)
            * subsets[0].addresses[1].ip: Invalid value: "not-an-ip": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)
            * subsets[0].addresses[1].ip: Invalid value: "not-an-ip": must be a valid IP address
            * subsets[0].ports[0].name: Required value
            * subsets[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive
            * subsets[0].ports[1].name: Required value
            * subsets[0].ports[1].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"
            * subsets[1]: Required value: must specify `addresses` or `notReadyAddresses`

            """, check: "get endpoints ep -o name --ignore-not-found")
        // An empty protocol is defaulted to TCP (SetDefaults_EndpointPort), a single port needs no name.
        let s = TestStore()
        let ok = s.writeFile("ok.yaml", "apiVersion: v1\nkind: Endpoints\nmetadata: {name: ok}\nsubsets:\n- notReadyAddresses: [{ip: 10.1.2.3, hostname: h1}]\n  ports: [{port: 80, protocol: \"\"}]\n")
        #expect(s.run("create -f \(ok)") == CLIResult(stdout: "endpoints/ok created\n", stderr: "", exitCode: 0))
        #expect(s.run("get endpoints ok -o jsonpath={.subsets[0].ports[0].protocol}").stdout == "TCP")
    }

    static func slice(_ name: String, _ type: String, _ addresses: String, extra: String = "") -> String {
        "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: \(name)\naddressType: \(type)\nendpoints:\n- addresses: \(addresses)\n\(extra)"
    }

    @Test func endpointSliceIPv4AddressesMustBeIPv4AndNotSpecial() {
        FieldRuleTests.refused(Self.slice("s4", "IPv4", #"["10.0.0.1", "::1", "127.0.0.1", "0.0.0.0", "169.254.1.1", "224.0.0.5", "nope"]"#,
                                          extra: "  nodeName: Bad_Node\n  hostname: Bad.Host\n"), """
            The EndpointSlice "s4" is invalid: 
            * endpoints[0].addresses[1]: Invalid value: "::1": must be a valid IPv4 address
            * endpoints[0].addresses[1]: Invalid value: "::1": \(Self.loopback)
            * endpoints[0].addresses[2]: Invalid value: "127.0.0.1": \(Self.loopback)
            * endpoints[0].addresses[3]: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)
            * endpoints[0].addresses[4]: Invalid value: "169.254.1.1": may not be in the link-local range (169.254.0.0/16, fe80::/10)
            * endpoints[0].addresses[5]: Invalid value: "224.0.0.5": may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)
            * endpoints[0].addresses[6]: Invalid value: "nope": must be a valid IPv4 address
            * endpoints[0].addresses[6]: Invalid value: "nope": must be a valid IP address
            * endpoints[0].nodeName: Invalid value: "Bad_Node": \(Self.subdomain)
            * endpoints[0].hostname: Invalid value: "Bad.Host": \(Self.label)

            """, check: "get endpointslices -o name --field-selector metadata.name!=kubernetes")
    }

    @Test func endpointSliceIPv6AndFQDNAddresses() {
        FieldRuleTests.refused(Self.slice("s6", "IPv6", #"["10.0.0.1", "::1", "fe80::1", "ff02::1", "::", "2001:db8::1"]"#), """
            The EndpointSlice "s6" is invalid: 
            * endpoints[0].addresses[0]: Invalid value: "10.0.0.1": must be a valid IPv6 address
            * endpoints[0].addresses[1]: Invalid value: "::1": \(Self.loopback)
            * endpoints[0].addresses[2]: Invalid value: "fe80::1": may not be in the link-local range (169.254.0.0/16, fe80::/10)
            * endpoints[0].addresses[3]: Invalid value: "ff02::1": may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)
            * endpoints[0].addresses[4]: Invalid value: "::": may not be unspecified (::)

            """, check: "get endpointslices -o name --field-selector metadata.name!=kubernetes")
        FieldRuleTests.refused(Self.slice("sf", "FQDN", #"["example.com", "localhost", "Bad_Name.com", "a..b", "ok.example.com."]"#), """
            The EndpointSlice "sf" is invalid: 
            * endpoints[0].addresses[1]: Invalid value: "localhost": should be a domain with at least two segments separated by dots
            * endpoints[0].addresses[2]: Invalid value: "Bad_Name.com": \(Self.subdomain)
            * endpoints[0].addresses[3]: Invalid value: "a..b": \(Self.subdomain)

            """, check: "get endpointslices -o name --field-selector metadata.name!=kubernetes")
        let s = TestStore()
        let ok = s.writeFile("ok.yaml", Self.slice("ok6", "IPv6", #"["2001:db8::1", "fd00::5"]"#) + "---\n"
                             + Self.slice("okf", "FQDN", #"["db.example.com", "x.example.org."]"#)
                             + "  hints: {forZones: [{name: zone-a}]}\n")
        #expect(s.run("create -f \(ok)") == CLIResult(stdout: "endpointslice.discovery.k8s.io/ok6 created\nendpointslice.discovery.k8s.io/okf created\n", stderr: "", exitCode: 0))
    }

    @Test func endpointSliceZoneHintsAreUniqueLabelValues() {
        FieldRuleTests.refused(Self.slice("h", "IPv4", #"["10.0.0.1"]"#, extra: "  hints: {forZones: [{name: a}, {name: a}, {name: \"-x\"}]}\n"), """
            The EndpointSlice "h" is invalid: 
            * endpoints[0].hints.forZones[1].name: Duplicate value: "a"
            * endpoints[0].hints.forZones[2].name: Invalid value: "-x": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')

            """, check: "get endpointslices -o name --field-selector metadata.name!=kubernetes")
    }

    @Test func controllerRevisionNeedsDataAndKeepsIt() {
        FieldRuleTests.refused("apiVersion: apps/v1\nkind: ControllerRevision\nmetadata: {name: cr}\nrevision: -1\n", """
            The ControllerRevision "cr" is invalid: 
            * data: Required value: data is mandatory
            * revision: Invalid value: -1: must be greater than or equal to 0

            """, check: "get controllerrevisions -o name")
        let s = TestStore()
        let ok = s.writeFile("ok.yaml", "apiVersion: apps/v1\nkind: ControllerRevision\nmetadata: {name: ok}\ndata: {b: 1, a: \"<x>\"}\nrevision: 3\n")
        #expect(s.run("create -f \(ok)").exitCode == 0)
        let before = s.run("get controllerrevision ok -o yaml").stdout
        // The data as kubectl sends it: compact JSON, keys sorted, `<` escaped; printed byte by byte.
        let changed = s.writeFile("changed.yaml", "apiVersion: apps/v1\nkind: ControllerRevision\nmetadata: {name: ok}\ndata: {b: 2}\nrevision: 3\n")
        #expect(s.run("replace -f \(changed)") == CLIResult(stdout: "", stderr: """
            The ControllerRevision "ok" is invalid: data: Invalid value: runtime.Unknown{TypeMeta:runtime.TypeMeta{APIVersion:"", Kind:""}, Raw:[]uint8{0x7b, 0x22, 0x62, 0x22, 0x3a, 0x32, 0x7d}, ContentEncoding:"", ContentType:"application/json"}: field is immutable

            """, exitCode: 1))
        #expect(s.run("get controllerrevision ok -o yaml").stdout == before)
        // Labels may change; the same data in another key order is the same data.
        let relabeled = s.writeFile("relabeled.yaml", "apiVersion: apps/v1\nkind: ControllerRevision\nmetadata: {name: ok, labels: {a: b}}\ndata: {a: \"<x>\", b: 1}\nrevision: 3\n")
        #expect(s.run("replace -f \(relabeled)") == CLIResult(stdout: "controllerrevision.apps/ok replaced\n", stderr: "", exitCode: 0))
    }

    @Test func flowSchemaRulesSubjectsAndPrecedence() {
        FieldRuleTests.refused("""
            apiVersion: flowcontrol.apiserver.k8s.io/v1
            kind: FlowSchema
            metadata:
              name: fs
            spec:
              matchingPrecedence: 20000
              distinguisherMethod:
                type: ByFoo
              priorityLevelConfiguration:
                name: ""
              rules:
              - subjects:
                - kind: ServiceAccount
                  serviceAccount: {name: "Bad", namespace: ""}
                  user: {name: x}
                - kind: Robot
                - kind: User
                resourceRules:
                - verbs: ["get", "frob"]
                  apiGroups: ["*", "apps"]
                  resources: []
                nonResourceRules:
                - verbs: ["*", "get"]
                  nonResourceURLs: ["/healthz", "x", "/a b", "/a//b", "/a*", "/a/*"]
              - subjects: []

            """, """
            The FlowSchema "fs" is invalid: 
            * spec.matchingPrecedence: Invalid value: 20000: must not be greater than 10000
            * spec.distinguisherMethod.type: Unsupported value: flowcontrol.FlowDistinguisherMethod{Type:"ByFoo"}: supported values: "ByNamespace", "ByUser"
            * spec.priorityLevelConfiguration.name: Required value: must reference a priority level
            * spec.rules[0].subjects[0].serviceAccount.name: Invalid value: "Bad": \(Self.subdomain)
            * spec.rules[0].subjects[0].serviceAccount.namespace: Required value: must specify namespace for service account
            * spec.rules[0].subjects[0].user: Forbidden: user is forbidden when subject kind is not 'User'
            * spec.rules[0].subjects[1].kind: Unsupported value: "Robot": supported values: "Group", "ServiceAccount", "User"
            * spec.rules[0].subjects[2].user: Required value: user is required when subject kind is 'User'
            * spec.rules[0].resourceRules[0].verbs: Unsupported value: []string{"get", "frob"}: supported values: "create", "delete", "deletecollection", "get", "list", "patch", "proxy", "update", "watch"
            * spec.rules[0].resourceRules[0].apiGroups: Invalid value: []string{"*", "apps"}: if '*' is present, must not specify other api groups
            * spec.rules[0].resourceRules[0].resources: Required value: resource rules must supply at least one resource
            * spec.rules[0].resourceRules[0].namespaces: Required value: resource rules that are not cluster scoped must supply at least one namespace
            * spec.rules[0].nonResourceRules[0].verbs: Invalid value: []string{"*", "get"}: if '*' is present, must not specify other verbs
            * spec.rules[0].nonResourceRules[0].nonResourceURLs[1]: Invalid value: "x": must start with slash
            * spec.rules[0].nonResourceRules[0].nonResourceURLs[2]: Invalid value: "/a b": must not contain white-space
            * spec.rules[0].nonResourceRules[0].nonResourceURLs[3]: Invalid value: "/a//b": must not contain double slash
            * spec.rules[0].nonResourceRules[0].nonResourceURLs[4]: Invalid value: "/a*": wildcard can only do suffix matching
            * spec.rules[1].subjects: Required value: subjects must contain at least one value
            * spec.rules[1]: Required value: at least one of resourceRules and nonResourceRules has to be non-empty

            """, check: "get flowschemas -o name")
        let s = TestStore()
        let ok = s.writeFile("ok.yaml", """
            apiVersion: flowcontrol.apiserver.k8s.io/v1
            kind: FlowSchema
            metadata: {name: ok}
            spec:
              priorityLevelConfiguration: {name: workload-low}
              distinguisherMethod: {type: ByUser}
              rules:
              - subjects: [{kind: ServiceAccount, serviceAccount: {name: "*", namespace: kube-system}}]
                resourceRules: [{verbs: [get], apiGroups: [""], resources: [pods], clusterScope: true}]

            """)
        #expect(s.run("create -f \(ok)") == CLIResult(stdout: "flowschema.flowcontrol.apiserver.k8s.io/ok created\n", stderr: "", exitCode: 0))
        #expect(s.run("get flowschema ok -o jsonpath={.spec.matchingPrecedence}").stdout == "1000")
    }

    static func level(_ name: String, _ spec: String, annotations: String = "") -> String {
        "apiVersion: flowcontrol.apiserver.k8s.io/v1\nkind: PriorityLevelConfiguration\nmetadata:\n  name: \(name)\n\(annotations)spec:\n\(spec)"
    }

    @Test func priorityLevelTypesSharesAndQueues() {
        let refusals: [(String, String)] = [
            (Self.level("pl", "  type: Limited\n  limited:\n    nominalConcurrencyShares: -1\n    lendablePercent: 101\n    borrowingLimitPercent: -2\n    limitResponse:\n      type: Queue\n      queuing: {queues: 4, handSize: 9}\n"), """
                The PriorityLevelConfiguration "pl" is invalid: 
                * spec.limited.nominalConcurrencyShares: Invalid value: -1: must be a non-negative integer
                * spec.limited.limitResponse.queuing.handSize: Invalid value: 9: should not be greater than queues (4)
                * spec.limited.lendablePercent: Invalid value: 101: must be between 0 and 100, inclusive
                * spec.limited.borrowingLimitPercent: Invalid value: -2: if specified, must be a non-negative integer

                """),
            (Self.level("exempt", "  type: Limited\n  exempt: {nominalConcurrencyShares: 1}\n  limited:\n    limitResponse:\n      type: Reject\n      queuing: {queues: 2}\n",
                        annotations: "  annotations: {flowcontrol.k8s.io/v1beta3-preserve-zero-concurrency-shares: \"\"}\n"), """
                The PriorityLevelConfiguration "exempt" is invalid: 
                * metadata.annotations: Forbidden: annotation 'flowcontrol.k8s.io/v1beta3-preserve-zero-concurrency-shares' is forbidden
                * spec.type: Invalid value: "Limited": type must be 'Exempt' if and only if name is 'exempt'
                * spec.exempt: Forbidden: must be nil if the type is Limited
                * spec.limited.limitResponse.queuing: Forbidden: must be nil if limited.limitResponse.type is not Limited
                * spec: Invalid value: flowcontrol.PriorityLevelConfigurationSpec{Type:"Limited", Limited:(*flowcontrol.LimitedPriorityLevelConfiguration)(0xc000000000), Exempt:(*flowcontrol.ExemptPriorityLevelConfiguration)(0xc000000000)}: spec of 'exempt' except the 'spec.exempt' field must equal the fixed value

                """),
            (Self.level("p3", "  type: Exempt\n  exempt: {nominalConcurrencyShares: -1, lendablePercent: -5}\n  limited: {}\n"), """
                The PriorityLevelConfiguration "p3" is invalid: 
                * spec.type: Invalid value: "Exempt": type must be 'Exempt' if and only if name is 'exempt'
                * spec.limited: Forbidden: must be nil if the type is not Limited
                * spec.exempt.nominalConcurrencyShares: Invalid value: -1: must be a non-negative integer
                * spec.exempt.lendablePercent: Invalid value: -5: must be between 0 and 100, inclusive

                """),
            (Self.level("p4", "  type: Limited\n  limited:\n    limitResponse:\n      type: Queue\n      queuing: {queues: 128, handSize: 60}\n"),
             "The PriorityLevelConfiguration \"p4\" is invalid: spec.limited.limitResponse.queuing.handSize: Invalid value: 60: required entropy bits of deckSize 128 and handSize 60 should not be greater than 60\n"),
            (Self.level("p5", "  type: Bogus\n"),
             "The PriorityLevelConfiguration \"p5\" is invalid: spec.type: Unsupported value: \"Bogus\": supported values: \"Exempt\", \"Limited\"\n"),
            (Self.level("p6", "  type: Limited\n  limited:\n    limitResponse: {}\n"),
             "The PriorityLevelConfiguration \"p6\" is invalid: spec.limited.limitResponse.type: Unsupported value: \"\": supported values: \"Queue\", \"Reject\"\n"),
        ]
        for (yaml, stderr) in refusals {
            // The seeded `exempt` level exists: `apply` patches it (another request), `create` is refused
            // as invalid before the name is found taken.
            let verbs = yaml.contains("name: exempt\n") ? ["create"] : ["create", "apply"]
            FieldRuleTests.refused(yaml, stderr, check: "get prioritylevelconfigurations -o name", verbs: verbs)
        }
        // v1 keeps a zero share count; an empty queuing block gets 64 queues, hand size 8, length 50.
        let s = TestStore()
        let ok = s.writeFile("ok.yaml", Self.level("ok", "  type: Limited\n  limited:\n    nominalConcurrencyShares: 0\n    limitResponse:\n      type: Queue\n      queuing: {}\n"))
        #expect(s.run("create -f \(ok)").exitCode == 0)
        #expect(s.run("get prioritylevelconfiguration ok -o jsonpath={.spec}").stdout
                == #"{"limited":{"lendablePercent":0,"limitResponse":{"queuing":{"handSize":8,"queueLengthLimit":50,"queues":64},"type":"Queue"},"nominalConcurrencyShares":0},"type":"Limited"}"#)
    }

    /// SetDefaults_CSIDriver (v1.32, SELinuxMountReadWriteOncePod on): every optional field of the spec.
    @Test func csiDriverSpecIsDefaulted() {
        let s = TestStore()
        let f = s.writeFile("csi.yaml", "apiVersion: storage.k8s.io/v1\nkind: CSIDriver\nmetadata: {name: csi.example.com}\nspec: {}\n")
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.run("get csidriver csi.example.com -o jsonpath={.spec}").stdout
                == #"{"attachRequired":true,"fsGroupPolicy":"ReadWriteOnceWithFSType","podInfoOnMount":false,"requiresRepublish":false,"seLinuxMount":false,"storageCapacity":false,"volumeLifecycleModes":["Persistent"]}"#)
        // What a manifest sets is kept.
        let g = s.writeFile("csi2.yaml", "apiVersion: storage.k8s.io/v1\nkind: CSIDriver\nmetadata: {name: b.example.com}\nspec: {attachRequired: false, fsGroupPolicy: File, volumeLifecycleModes: [Ephemeral], seLinuxMount: true}\n")
        #expect(s.run("create -f \(g)").exitCode == 0)
        #expect(s.run("get csidriver b.example.com -o jsonpath={.spec.attachRequired},{.spec.fsGroupPolicy},{.spec.volumeLifecycleModes},{.spec.seLinuxMount},{.spec.podInfoOnMount}").stdout
                == #"false,File,["Ephemeral"],true,false"#)
    }
}
