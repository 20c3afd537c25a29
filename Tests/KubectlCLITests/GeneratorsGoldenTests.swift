#if canImport(Glibc)
import Glibc
#endif
import KubeModel
import Testing
@testable import KubectlCLI

/// Replays every recorded `kubectl create …`/`kubectl run …` case under Golden/create through the
/// generators: `-o json` cases compare the object's JSON byte for byte, error cases compare the
/// rendered error with kubectl's stderr. (`-o yaml` cases are left to the YAML printer's tests.)
enum GoldenCreate {
    static let dir: String = {
        let file = "\(#filePath)"
        let base = file[..<file.lastIndex(of: "/")!]
        return base + "/Golden/create"
    }()

    static func readText(_ path: String) -> String? {
        guard case .success(let b) = GeneratorFiles().read(path) else { return nil }
        return String(decoding: b, as: UTF8.self)
    }

    static var caseNames: [String] {
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var names: [String] = []
        while let e = readdir(d) {
            let name = withUnsafePointer(to: e.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") || name.hasPrefix("_") { continue }
            guard let cmd = readText("\(dir)/\(name)/cmd") else { continue }
            if cmd.contains("-o yaml") { continue }
            names.append(name)
        }
        return names.sorted()
    }

    /// Shell words: single and double quotes, backslash escapes; no expansions.
    static func words(_ line: String) -> [String] {
        var out: [String] = []
        var cur = ""
        var inWord = false
        var quote: Character? = nil
        var it = Array(line.trimmingNewline()).makeIterator()
        while let c = it.next() {
            if let q = quote {
                if c == q { quote = nil } else if c == "\\" && q == "\"", let n = it.next() { cur.append(n) } else { cur.append(c) }
                continue
            }
            switch c {
            case "'", "\"": quote = c; inWord = true
            case "\\": if let n = it.next() { cur.append(n); inWord = true }
            case " ", "\t":
                if inWord { out.append(cur); cur = ""; inWord = false }
            default: cur.append(c); inWord = true
            }
        }
        if inWord { out.append(cur) }
        return out
    }

    struct Invocation {
        var path: [String]
        var make: (ParsedFlags, [String], Int?, GeneratorContext) throws -> JSONValue
        var specs: [FlagSpec]
    }

    static func command(_ words: [String]) -> (Invocation, rest: [String])? {
        guard words.first == "create" || words.first == "run" else { return nil }
        if words[0] == "run" { return (Invocation(path: ["run"], make: RunPod.make, specs: RunPod.flags), Array(words.dropFirst())) }
        let common = CreateCommonFlags.flags
        let sub = words[1]
        let rest2 = Array(words.dropFirst(2)), rest3 = Array(words.dropFirst(3))
        func inv(_ path: [String], _ make: @escaping (ParsedFlags, [String], Int?, GeneratorContext) throws -> JSONValue,
                 _ flags: [FlagSpec]) -> Invocation { Invocation(path: ["create"] + path, make: make, specs: flags + common) }
        switch sub {
        case "namespace", "ns": return (inv(["namespace"], CreateNamespace.make, CreateNamespace.flags), rest2)
        case "deployment", "deploy": return (inv(["deployment"], CreateDeployment.make, CreateDeployment.flags), rest2)
        case "configmap", "cm": return (inv(["configmap"], CreateConfigMap.make, CreateConfigMap.flags), rest2)
        case "serviceaccount", "sa": return (inv(["serviceaccount"], CreateServiceAccount.make, CreateServiceAccount.flags), rest2)
        case "job": return (inv(["job"], CreateJob.make, CreateJob.flags), rest2)
        case "cronjob", "cj": return (inv(["cronjob"], CreateCronJob.make, CreateCronJob.flags), rest2)
        case "role": return (inv(["role"], CreateRole.make, CreateRole.flags), rest2)
        case "clusterrole": return (inv(["clusterrole"], CreateClusterRole.make, CreateClusterRole.flags), rest2)
        case "rolebinding": return (inv(["rolebinding"], CreateRoleBinding.make, CreateRoleBinding.flags), rest2)
        case "clusterrolebinding": return (inv(["clusterrolebinding"], CreateClusterRoleBinding.make, CreateClusterRoleBinding.flags), rest2)
        case "quota", "resourcequota": return (inv(["quota"], CreateQuota.make, CreateQuota.flags), rest2)
        case "priorityclass", "pc": return (inv(["priorityclass"], CreatePriorityClass.make, CreatePriorityClass.flags), rest2)
        case "poddisruptionbudget", "pdb": return (inv(["poddisruptionbudget"], CreatePodDisruptionBudget.make, CreatePodDisruptionBudget.flags), rest2)
        case "ingress", "ing": return (inv(["ingress"], CreateIngress.make, CreateIngress.flags), rest2)
        case "secret":
            switch words[2] {
            case "generic": return (inv(["secret", "generic"], CreateSecretGeneric.make, CreateSecretGeneric.flags), rest3)
            case "tls": return (inv(["secret", "tls"], CreateSecretTLS.make, CreateSecretTLS.flags), rest3)
            case "docker-registry": return (inv(["secret", "docker-registry"], CreateSecretDockerRegistry.make, CreateSecretDockerRegistry.flags), rest3)
            default: return nil
            }
        case "service", "svc":
            let types: [String: CreateService.ServiceType] = ["clusterip": .clusterIP, "nodeport": .nodePort,
                                                               "loadbalancer": .loadBalancer, "externalname": .externalName]
            guard let t = types[words[2]] else { return nil }
            return (inv(["service", words[2]], { try CreateService.make(type: t, flags: $0, args: $1, argsLenAtDash: $2, context: $3) },
                        CreateService.flags(for: t)), rest3)
        default: return nil
        }
    }

    /// A minimal pflag-like parse, enough for the recorded command lines.
    static func parse(_ words: [String], specs: [FlagSpec]) -> (ParsedFlags, [String], Int?) {
        let all = specs + [FlagSpec("namespace", short: "n", .string, usage: "")]
        var flags = ParsedFlags()
        var args: [String] = []
        var dash: Int? = nil
        var i = 0
        func set(_ spec: FlagSpec, _ value: String) {
            flags.changed.insert(spec.name)
            switch spec.kind {
            case .stringSlice:
                flags.values[spec.name, default: []] += value.isEmpty ? [] : value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            case .stringArray: flags.values[spec.name, default: []].append(value)
            default: flags.values[spec.name] = [value]
            }
        }
        while i < words.count {
            let w = words[i]
            i += 1
            if dash != nil { args.append(w); continue }
            if w == "--" { dash = args.count; continue }
            var spec: FlagSpec?
            var value: String?
            if w.hasPrefix("--") {
                let body = w.dropFirst(2)
                let kv = body.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                spec = all.first { $0.name == kv[0] }
                if kv.count == 2 { value = String(kv[1]) }
            } else if w.hasPrefix("-") && w.count >= 2 {
                let c = w[w.index(after: w.startIndex)]
                spec = all.first { $0.shorthand == c }
                if w.count > 2 { value = String(w.dropFirst(2)).hasPrefix("=") ? String(w.dropFirst(3)) : String(w.dropFirst(2)) }
            } else {
                args.append(w)
                continue
            }
            guard let s = spec else { continue }
            if value == nil {
                if let d = s.noOptDefault { value = d } else if i < words.count { value = words[i]; i += 1 }
            }
            set(s, value ?? "")
        }
        for s in all where flags.values[s.name] == nil && !flags.changed.contains(s.name) {
            if s.kind != .stringSlice && s.kind != .stringArray { flags.values[s.name] = [s.defaultValue] }
        }
        return (flags, args, dash)
    }

    /// How the error renderer prints each CLIError (the lead's renderer does the same).
    static func render(_ error: Error, path: [String]) -> String {
        switch error {
        case CLIError.usage(let m): return "error: \(m)\nSee 'kubectl \(path.joined(separator: " ")) -h' for help and examples\n"
        case CLIError.message(let m): return m.hasPrefix("error: ") ? m + "\n" : "error: \(m)\n"
        case CLIError.raw(let m): return m + "\n"
        default: return "unexpected error \(error)\n"
        }
    }

    /// The resources the recording's fake API server advertised.
    static func resolve(_ resource: String, _ group: String) -> (group: String, resource: String)? {
        let table: [(String, String, [String])] = [
            ("", "pods", ["pod", "po"]), ("", "services", ["service", "svc"]), ("", "configmaps", ["configmap", "cm"]),
            ("", "secrets", ["secret"]), ("", "serviceaccounts", ["serviceaccount", "sa"]),
            ("apps", "deployments", ["deployment", "deploy"]), ("apps", "replicasets", ["replicaset", "rs"]),
            ("batch", "jobs", ["job"]), ("batch", "cronjobs", ["cronjob", "cj"]),
            (rbac, "roles", ["role"]), (rbac, "clusterroles", ["clusterrole"]),
        ]
        for (g, r, aliases) in table where (group.isEmpty || group == g) && (resource == r || aliases.contains(resource)) {
            return (g, r)
        }
        return nil
    }
    static let rbac = "rbac.authorization.k8s.io"

    struct Outcome { var stdout: String; var stderr: String; var exit: Int }

    static func run(caseName: String, randomSuffix: @escaping (Int) -> String = { _ in "zzzzz" }) throws -> (Outcome, Outcome) {
        let cmd = readText("\(dir)/\(caseName)/cmd")!
        var w = words(cmd)
        var env: [String: String] = [:]
        while let f = w.first, f != "kubectl", let eq = f.firstIndex(of: "=") {
            env[String(f[..<eq])] = String(f[f.index(after: eq)...])
            w.removeFirst()
        }
        w.removeFirst()  // kubectl
        let (inv, rest) = command(w)!
        let (flags, args, dash) = parse(rest, specs: inv.specs)
        let cronJob = try JSON.parse(readText("\(dir)/_files/cronjob.json")!)
        let ctx = GeneratorContext(namespace: flags.isSet("namespace") ? flags.string("namespace") : nil,
                                   files: GeneratorFiles(baseDirectory: dir), environment: env,
                                   randomSuffix: randomSuffix, resolveResource: resolve,
                                   fromCronJob: flags.string("from") == "cronjob/nightly" ? cronJob : nil)
        let expected = Outcome(stdout: readText("\(dir)/\(caseName)/stdout") ?? "",
                               stderr: readText("\(dir)/\(caseName)/stderr") ?? "",
                               exit: Int((readText("\(dir)/\(caseName)/exit") ?? "").trimmingNewline()) ?? -1)
        do {
            let v = try inv.make(flags, args, dash, ctx)
            let warnings = ctx.warnings.map { $0 + "\n" }.joined()
            return (Outcome(stdout: v.jsonString(JSONWriteOptions(indent: 4, sortKeys: false)) + "\n", stderr: warnings, exit: 0), expected)
        } catch {
            return (Outcome(stdout: "", stderr: render(error, path: inv.path), exit: 1), expected)
        }
    }
}

extension String {
    func trimmingNewline() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}

@Suite struct GeneratorsGoldenTests {
    static let randomSuffixes: [String: String] = ["deploy-random-suffix": "kt8pt"]

    @Test func hasManyCases() {
        #expect(GoldenCreate.caseNames.count >= 80)
    }

    @Test(arguments: GoldenCreate.caseNames)
    func matchesKubectl(caseName: String) throws {
        let suffix = Self.randomSuffixes[caseName] ?? "zzzzz"
        let (got, want) = try GoldenCreate.run(caseName: caseName, randomSuffix: { n in String(suffix.prefix(n)) })
        #expect(got.exit == want.exit, "exit code")
        #expect(got.stdout == want.stdout)
        #expect(got.stderr == want.stderr)
    }
}

@Suite struct GeneratorUnitTests {
    @Test func randomSuffixUsesKubernetesAlphabet() {
        let s = GeneratorContext.defaultRandomSuffix(5)
        #expect(s.count == 5)
        #expect(s.allSatisfy { "bcdfghjklmnpqrstvwxz2456789".contains($0) })
    }

    @Test func containerNameFromImage() {
        #expect(CreateDeployment.containerName(image: "registry.k8s.io/pause:3.9", randomSuffix: { _ in "x" }) == "pause")
        #expect(CreateDeployment.containerName(image: "my_app.v2:1", randomSuffix: { _ in "abcde" }) == "my-app-v2-abcde")
        #expect(CreateDeployment.containerName(image: "localhost:5000/busybox@sha256:ab", randomSuffix: { _ in "x" }) == "busybox")
    }

    @Test(arguments: [("1", "1"), ("1000m", "1"), ("2000", "2k"), ("1G", "1G"), ("0.5", "500m"), ("2048Mi", "2Gi"),
                      ("1536Mi", "1536Mi"), ("100Mi", "100Mi"), ("1.5Gi", "1536Mi"), ("0", "0"), ("10e3", "10k")])
    func quantityCanonicalForm(input: String, expected: String) throws {
        #expect(try Quantity.canonical(input) == expected)
    }

    @Test func sha256KnownVector() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func jobFromCronJobReordersTypedFields() throws {
        let cj = try JSON.parse(#"{"metadata":{"name":"c","uid":"u1"},"spec":{"jobTemplate":{"spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"image":"i","name":"n"}]}},"backoffLimit":1}}}}"#)
        let job = CreateJob.fromCronJob(name: "j", cronJob: cj, namespace: "ns")
        #expect(job.jsonString(.compactOrdered) == #"{"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"j","namespace":"ns","creationTimestamp":null,"annotations":{"cronjob.kubernetes.io/instantiate":"manual"},"ownerReferences":[{"apiVersion":"batch/v1","kind":"CronJob","name":"c","uid":"u1","controller":true}]},"spec":{"backoffLimit":1,"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"n","image":"i","resources":{}}],"restartPolicy":"Never"}}},"status":{}}"#)
    }
}
