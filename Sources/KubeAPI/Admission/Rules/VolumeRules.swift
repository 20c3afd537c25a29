import KubeModel

/// Pod volumes and volume mounts (apis/core/validation v1.32): volume names (DNS-1123 labels,
/// unique), one source per volume, the common sources' required fields, file modes and relative
/// paths, projected service account tokens; mounts name a valid volume, at a unique path.
enum VolumeRules {
    /// Volume sources in the order `validateVolumeSource` checks them.
    static let sources = [
        "hostPath", "emptyDir", "gitRepo", "gcePersistentDisk", "awsElasticBlockStore", "secret", "nfs", "iscsi", "glusterfs",
        "persistentVolumeClaim", "rbd", "quobyte", "cinder", "cephfs", "flexVolume", "flocker", "downwardAPI", "fc", "azureFile",
        "configMap", "vsphereVolume", "photonPersistentDisk", "portworxVolume", "projected", "azureDisk", "scaleIO", "storageos",
        "csi", "ephemeral", "image",
    ]
    static let hostPathTypes = ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"]
    static let fileModeMessage = "must be a number between 0 and 0777 (octal), both inclusive"
    static let propagations = ["Bidirectional", "HostToContainer", "None"]

    /// `ValidateVolumes`: the errors, and the names of the volumes that passed (mounts may use only those).
    static func volumes(_ list: [JSONValue], path: String, into errs: inout [FieldError]) -> Set<String> {
        var valid: Set<String> = [], all: Set<String> = []
        for (i, v) in list.enumerated() {
            let p = "\(path)[\(i)]"
            var el: [FieldError] = []
            source(v, path: p, into: &el)
            let name = v["name"].string ?? ""
            if !name.isEmpty {
                for msg in isDNS1123Label(name) { el.append(.invalid("\(p).name", name, msg)) }
            }
            if !name.isEmpty, all.contains(name) { el.append(FieldError(.duplicate, field: "\(p).name", value: .string(name))) }
            all.insert(name)
            if el.isEmpty { valid.insert(name) } else { errs += el }
        }
        return valid
    }

    static func source(_ v: JSONValue, path: String, into errs: inout [FieldError]) {
        var count = 0
        for key in sources where v[key].object != nil {
            if count > 0 {
                errs.append(FieldError(.forbidden, field: "\(path).\(key)", detail: "may not specify more than 1 volume type"))
                continue
            }
            count += 1
            let s = v[key], p = "\(path).\(key)"
            switch key {
            case "hostPath": hostPath(s, path: p, into: &errs)
            case "emptyDir":
                if let q = s["sizeLimit"].string, q.hasPrefix("-") {
                    errs.append(FieldError(.forbidden, field: "\(p).sizeLimit", detail: "SizeLimit field must be a valid resource quantity"))
                }
            case "configMap":
                objectName(s["name"].string ?? "", path: "\(p).name", into: &errs)
                mode(s["defaultMode"], path: "\(p).defaultMode", into: &errs)
                for (j, item) in (s["items"].array ?? []).enumerated() { keyToPath(item, path: "\(p).items[\(j)]", into: &errs) }
            case "secret":
                let name = s["secretName"].string ?? ""
                if name.isEmpty { errs.append(.required("\(p).secretName")) } else { objectName(name, path: "\(p).secretName", into: &errs) }
                mode(s["defaultMode"], path: "\(p).defaultMode", into: &errs)
                for (j, item) in (s["items"].array ?? []).enumerated() { keyToPath(item, path: "\(p).items[\(j)]", into: &errs) }
            case "downwardAPI":
                mode(s["defaultMode"], path: "\(p).defaultMode", into: &errs)
                for (j, item) in (s["items"].array ?? []).enumerated() { downwardFile(item, path: "\(p).items[\(j)]", into: &errs) }
            case "projected": projected(s, path: p, into: &errs)
            default: break
            }
        }
        if count == 0 { errs.append(FieldError(.required, field: path, detail: "must specify a volume type")) }
    }

    static func objectName(_ name: String, path: String, into errs: inout [FieldError]) {
        if name.isEmpty { errs.append(.required(path)); return }
        for msg in isDNS1123Subdomain(name) { errs.append(.invalid(path, name, msg)) }
    }

    static func hostPath(_ s: JSONValue, path: String, into errs: inout [FieldError]) {
        let p = s["path"].string ?? ""
        if p.isEmpty { errs.append(.required("\(path).path")) } else { errs += noBacksteps(p, path: "\(path).path") }
        if let t = s["type"].string, !hostPathTypes.contains(t) {
            errs.append(.notSupported("\(path).type", .string(t), supported: hostPathTypes))
        }
    }

    static func mode(_ v: JSONValue, path: String, into errs: inout [FieldError]) {
        if let m = v.int, m < 0 || m > 0o777 { errs.append(FieldError(.invalid, field: path, value: .int(m), detail: fileModeMessage)) }
    }

    static func keyToPath(_ item: JSONValue, path: String, into errs: inout [FieldError]) {
        if (item["key"].string ?? "").isEmpty { errs.append(.required("\(path).key")) }
        let p = item["path"].string ?? ""
        if p.isEmpty { errs.append(.required("\(path).path")) }
        errs += localNonReserved(p, path: "\(path).path")
        mode(item["mode"], path: "\(path).mode", into: &errs)
    }

    /// Pod fields a downward API volume file may hold.
    static let downwardFields = ["metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"]

    /// `validateDownwardAPIVolumeFile`: a path, then exactly one of a field or a container resource.
    static func downwardFile(_ item: JSONValue, path: String, into errs: inout [FieldError]) {
        let p = item["path"].string ?? ""
        if p.isEmpty { errs.append(.required("\(path).path")) }
        errs += localNonReserved(p, path: "\(path).path")
        if item["fieldRef"].object != nil {
            EnvRules.objectFieldSelector(item["fieldRef"], path: "\(path).fieldRef", allowed: downwardFields, into: &errs)
            if item["resourceFieldRef"].object != nil {
                errs.append(.invalid(path, "resource", "fieldRef and resourceFieldRef can not be specified simultaneously"))
            }
        } else if item["resourceFieldRef"].object != nil {
            EnvRules.resourceFieldSelector(item["resourceFieldRef"], path: "\(path).resourceFieldRef", volume: true, into: &errs)
        } else {
            errs.append(.required(path, "one of fieldRef and resourceFieldRef is required"))
        }
        mode(item["mode"], path: "\(path).mode", into: &errs)
    }

    static func projected(_ s: JSONValue, path: String, into errs: inout [FieldError]) {
        mode(s["defaultMode"], path: "\(path).defaultMode", into: &errs)
        for (i, src) in (s["sources"].array ?? []).enumerated() {
            let p = "\(path).sources[\(i)]"
            let kinds = ["secret", "downwardAPI", "configMap", "serviceAccountToken", "clusterTrustBundle"].filter { src[$0].object != nil }
            if kinds.count > 1 {
                for k in kinds.dropFirst() {
                    errs.append(FieldError(.forbidden, field: "\(p).\(k)", detail: "may not specify more than 1 volume type per source"))
                }
            }
            if let token = src["serviceAccountToken"].object.map({ _ in src["serviceAccountToken"] }) {
                let tp = "\(p).serviceAccountToken"
                if let e = token["expirationSeconds"].int {
                    if e < 600 {
                        errs.append(FieldError(.invalid, field: "\(tp).expirationSeconds", value: .int(e), detail: "may not specify a duration less than 10 minutes"))
                    } else if e > 1 << 32 {
                        errs.append(FieldError(.invalid, field: "\(tp).expirationSeconds", value: .int(e), detail: "may not specify a duration larger than 2^32 seconds"))
                    }
                }
                let path = token["path"].string ?? ""
                if path.isEmpty { errs.append(.required("\(tp).path")) }
                errs += localNonReserved(path, path: "\(tp).path")
            }
            // (The server reports a projected file's errors at `downwardAPI`, without the item's index.)
            if kinds.count == 1 || kinds.first == "downwardAPI" {
                for item in src["downwardAPI"]["items"].array ?? [] { downwardFile(item, path: "\(p).downwardAPI", into: &errs) }
            }
            for key in ["configMap", "secret"] where src[key].object != nil {
                for (j, item) in (src[key]["items"].array ?? []).enumerated() { keyToPath(item, path: "\(p).\(key).items[\(j)]", into: &errs) }
            }
        }
    }

    /// `validatePathNoBacksteps`.
    static func noBacksteps(_ p: String, path: String) -> [FieldError] {
        p.split(separator: "/", omittingEmptySubsequences: false).contains("..") ? [.invalid(path, p, "must not contain '..'")] : []
    }

    /// `validateLocalDescendingPath`: relative, without `..`.
    static func localDescending(_ p: String, path: String) -> [FieldError] {
        var errs: [FieldError] = []
        if p.hasPrefix("/") { errs.append(.invalid(path, p, "must be a relative path")) }
        return errs + noBacksteps(p, path: path)
    }

    /// `validateLocalNonReservedPath`: also not starting with `..`.
    static func localNonReserved(_ p: String, path: String) -> [FieldError] {
        var errs = localDescending(p, path: path)
        if p.hasPrefix(".."), !p.hasPrefix("../") { errs.append(.invalid(path, p, "must not start with '..'")) }
        return errs
    }

    /// `ValidateVolumeMounts` for one container.
    static func mounts(_ c: JSONValue, volumes: Set<String>, path: String, into errs: inout [FieldError]) {
        var paths: Set<String> = []
        for (i, m) in (c["volumeMounts"].array ?? []).enumerated() {
            let p = "\(path)[\(i)]"
            let name = m["name"].string ?? "", mountPath = m["mountPath"].string ?? ""
            if !volumes.contains(name) { errs.append(FieldError(.notFound, field: "\(p).name", value: .string(name))) }
            if !mountPath.isEmpty, paths.contains(mountPath) { errs.append(.invalid("\(p).mountPath", mountPath, "must be unique")) }
            paths.insert(mountPath)
            if let sub = m["subPath"].string, !sub.isEmpty { errs += localDescending(sub, path: "\(path).subPath") }
            if let prop = m["mountPropagation"].string {
                if !propagations.contains(prop) {
                    errs.append(.notSupported("\(p).mountPropagation", .string(prop), supported: propagations))
                } else if prop == "Bidirectional", c["securityContext"]["privileged"].bool != true {
                    errs.append(FieldError(.forbidden, field: "\(p).mountPropagation", detail: "Bidirectional mount propagation is available only to privileged containers"))
                }
            }
        }
    }
}
