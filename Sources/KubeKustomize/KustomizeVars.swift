import KubeCodec
import KubeModel

/// `vars` (legacy): `$(NAME)` in container commands, args, env values and mount paths (and Ingress
/// hosts) becomes the value of a field of a named object, read after every transformation. Vars of all
/// levels are merged (a name may appear once) and resolved once, at the end of the build.
struct KustomizeVar {
    var name: String
    var group: String
    var version: String
    var kind: String
    var objName: String
    var namespace: String
    var apiVersion: String
    var fieldPath: String

    init(_ v: JSONValue) {
        func f(_ o: JSONValue, _ k: String) -> String { Kustomization.scalar(Kustomization.member(o, k)) }
        let ref = Kustomization.member(v, "objref")
        name = f(v, "name")
        group = f(ref, "group")
        version = f(ref, "version")
        kind = f(ref, "kind")
        objName = f(ref, "name")
        namespace = f(ref, "namespace")
        apiVersion = f(ref, "apiVersion")
        fieldPath = f(Kustomization.member(v, "fieldref"), "fieldPath")
    }

    /// Go's %v of the Var as written: `{NAME Kind.version.group {fieldPath}}`.
    var rawText: String {
        "{\(name) \(gvkText(group: group, version: version)) {\(fieldPath)}}"
    }

    /// The same after kustomize's defaults: apiVersion read into group and version, `metadata.name`.
    var defaultedText: String {
        var (g, v) = (group, version)
        if !apiVersion.isEmpty { (g, v) = splitAPIVersion(apiVersion) }
        return "{\(name) \(gvkText(group: g, version: v)) {\(fieldPath.isEmpty ? "metadata.name" : fieldPath)}}"
    }

    private func gvkText(group: String, version: String) -> String {
        "\(kind.isEmpty ? "[noKind]" : kind).\(version.isEmpty ? "[noVer]" : version).\(group.isEmpty ? "[noGrp]" : group)"
    }
}

enum KustomizeVars {
    static let warning = "# Warning: 'vars' is deprecated. Please use 'replacements' instead. [EXPERIMENTAL] Run 'kustomize edit fix' to update your Kustomization automatically."

    /// Adds a level's vars to those merged so far; a repeated name fails as kustomize's merge does.
    static func merge(_ new: [KustomizeVar], into all: inout [KustomizeVar]) throws {
        var seen = Set(all.map(\.name))
        for v in new where !seen.insert(v.name).inserted {
            throw KustomizeError("merging vars [\((all + new).map(\.rawText).joined(separator: " "))]: var '\(v.name)' already encountered")
        }
        all += new
    }

    static let specs: [FieldSpec] = {
        // kustomize's varReference table in its order: per kind, the containers' and init containers'
        // args, command, env values and mount paths, then its NFS server field.
        func pod(_ kind: String, _ prefix: String, nfs: String) -> [FieldSpec] {
            ["containers", "initContainers"].flatMap { list in
                ["args", "command", "env/value", "volumeMounts/mountPath"].map { FieldSpec("\(prefix)\(list)/\($0)", kind: kind) }
            } + [FieldSpec(nfs, kind: kind)]
        }
        return pod("CronJob", "spec/jobTemplate/spec/template/spec/", nfs: "spec/jobTemplate/spec/template/volumes/nfs/server")
            + pod("DaemonSet", "spec/template/spec/", nfs: "spec/template/spec/volumes/nfs/server")
            + pod("Deployment", "spec/template/spec/", nfs: "spec/template/spec/volumes/nfs/server")
            + [FieldSpec("spec/template/metadata/annotations", kind: "Deployment"),
               FieldSpec("spec/rules/host", kind: "Ingress"), FieldSpec("spec/tls/hosts", kind: "Ingress"),
               FieldSpec("spec/tls/secretName", kind: "Ingress")]
            + pod("Job", "spec/template/spec/", nfs: "spec/template/spec/volumes/nfs/server")
            + pod("Pod", "spec/", nfs: "spec/volumes/nfs/server")
            + pod("ReplicaSet", "spec/template/spec/", nfs: "spec/template/spec/volumes/nfs/server")
            + [FieldSpec("spec/ports/port", kind: "Service"), FieldSpec("spec/ports/targetPort", kind: "Service")]
            + pod("StatefulSet", "spec/template/spec/", nfs: "spec/volumeClaimTemplates/spec/nfs/server")
            + [FieldSpec("spec/nfs/server", kind: "PersistentVolume"), FieldSpec("metadata/labels"), FieldSpec("metadata/annotations")]
    }()

    /// Substitutes the vars in the fields of `table` (the varReference table: builtin and configurations).
    static func resolve(_ vars: [KustomizeVar], in resources: [KustomizeResource], table: [FieldSpec] = specs) throws {
        if vars.isEmpty { return }
        var values: [String: String] = [:]
        for v in vars {
            var (g, ver) = (v.group, v.version)
            if !v.apiVersion.isEmpty { (g, ver) = splitAPIVersion(v.apiVersion) }
            let match = resources.first { r in
                let (rg, rv) = splitAPIVersion(r.apiVersion)
                return r.kind == v.kind && r.allNames.contains(v.objName) && (g.isEmpty || g == rg) && (ver.isEmpty || ver == rv)
                    && (v.namespace.isEmpty || v.namespace == r.namespace || r.previousNamespaces.contains(v.namespace))
            }
            guard let r = match else {
                throw KustomizeError("var '\(v.defaultedText)' cannot be mapped to a field in the set of known resources")
            }
            let path = v.fieldPath.isEmpty ? "metadata.name" : v.fieldPath
            let value = field(r.object, path)
            if value.isNull {
                throw KustomizeError("field specified in var '\(v.defaultedText)' not found in corresponding resource")
            }
            values[v.name] = KyamlScalar.text(value) ?? Kustomization.scalar(value)
        }
        for r in resources {
            for spec in table {
                spec.apply(to: &r.object) { value in substitute(&value, values) }
            }
        }
    }

    /// A field path with `[n]` list indexes (`spec.ports[0].port`).
    static func field(_ obj: JSONValue, _ path: String) -> JSONValue {
        var cur = obj
        for seg in path.split(separator: ".") {
            var name = Substring(seg)
            var indexes: [Int] = []
            while name.hasSuffix("]"), let open = name.lastIndex(of: "[") {
                indexes.insert(Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) ?? -1, at: 0)
                name = name[..<open]
            }
            cur = cur[String(name)]
            for i in indexes { cur = cur[i] }
        }
        return cur
    }

    static func substitute(_ value: inout JSONValue, _ values: [String: String]) {
        switch value {
        case .string(let s): value = .string(expand(s, values))
        case .array(var items):
            for i in items.indices { substitute(&items[i], values) }
            value = .array(items)
        case .object(var o):
            // A map (labels, annotations): each of its string values.
            for (k, v) in o { if case .string(let s) = v { o[k] = .string(expand(s, values)) } }
            value = .object(o)
        default: break
        }
    }

    /// `$(NAME)` of a known var replaced; `$$` and unknown names left as written.
    static func expand(_ s: String, _ values: [String: String]) -> String {
        var out = ""
        var rest = Substring(s)
        while let r = rest.firstRange(of: "$(") {
            out += rest[..<r.lowerBound]
            let after = rest[r.upperBound...]
            if let close = after.firstIndex(of: ")"), let v = values[String(after[..<close])] {
                out += v
                rest = after[after.index(after: close)...]
            } else {
                out += "$("
                rest = after
            }
        }
        return out + rest
    }
}
