import KubeModel

/// Security contexts (apis/core/validation v1.32): user and group ids in range,
/// seccomp and AppArmor profiles (type enums, a local profile only with `Localhost`), a container that
/// may not escalate yet is privileged or adds CAP_SYS_ADMIN, and at pod level supplemental groups,
/// `shareProcessNamespace` with `hostPID`, sysctl names (format, duplicates, namespaced sysctls with
/// the host's network or IPC namespace) and the fsGroup change policy. Capability names are not
/// checked by the API server (any string is accepted), nor here.
enum SecurityContextRules {
    static let idRange = "must be between 0 and 2147483647, inclusive"
    static let profileTypes = ["Localhost", "RuntimeDefault", "Unconfined"]
    static let sysctlMaxLength = 253
    static let sysctlRegex = #"^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$"#

    /// `ValidateSecurityContext` of one container.
    static func container(_ sc: JSONValue, path: String, into errs: inout [FieldError]) {
        guard sc.object != nil else { return }
        id(sc["runAsUser"], path: "\(path).runAsUser", into: &errs)
        id(sc["runAsGroup"], path: "\(path).runAsGroup", into: &errs)
        // `procMount` is dropped, not validated: the ProcMountType gate is off by default in v1.32.
        seccomp(sc["seccompProfile"], path: "\(path).seccompProfile", into: &errs)
        if sc["allowPrivilegeEscalation"].bool == false {
            if sc["privileged"].bool == true {
                errs.append(FieldError(.invalid, field: path, value: .raw(goSecurityContext(sc)),
                                       detail: "cannot set `allowPrivilegeEscalation` to false and `privileged` to true"))
            }
            for cap in sc["capabilities"]["add"].array ?? [] where cap.string == "CAP_SYS_ADMIN" {
                errs.append(FieldError(.invalid, field: path, value: .raw(goSecurityContext(sc)),
                                       detail: "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN"))
            }
        }
        appArmor(sc["appArmorProfile"], path: "\(path).appArmorProfile", into: &errs)
    }

    /// `validatePodSpecSecurityContext` (the host namespaces live in the pod spec in v1).
    static func pod(_ spec: JSONValue, path: String, into errs: inout [FieldError]) {
        let sc = spec["securityContext"]
        guard sc.object != nil else { return }
        id(sc["fsGroup"], path: "\(path).fsGroup", into: &errs)
        id(sc["runAsUser"], path: "\(path).runAsUser", into: &errs)
        id(sc["runAsGroup"], path: "\(path).runAsGroup", into: &errs)
        for (i, g) in (sc["supplementalGroups"].array ?? []).enumerated() { id(g, path: "\(path).supplementalGroups[\(i)]", into: &errs) }
        if spec["shareProcessNamespace"].bool == true, spec["hostPID"].bool == true {
            errs.append(FieldError(.invalid, field: "\(path).shareProcessNamespace", value: .bool(true),
                                   detail: "ShareProcessNamespace and HostPID cannot both be enabled"))
        }
        sysctls(sc["sysctls"].array ?? [], spec: spec, path: "\(path).sysctls", into: &errs)
        if let policy = sc["fsGroupChangePolicy"].string, policy != "Always", policy != "OnRootMismatch" {
            errs.append(.notSupported("\(path).fsGroupChangePolicy", .string(policy), supported: ["Always", "OnRootMismatch"]))
        }
        seccomp(sc["seccompProfile"], path: "\(path).seccompProfile", into: &errs)
        appArmor(sc["appArmorProfile"], path: "\(path).appArmorProfile", into: &errs)
    }

    static func id(_ v: JSONValue, path: String, into errs: inout [FieldError]) {
        guard let n = v.int, n < 0 || n > Int64(Int32.max) else { return }
        errs.append(FieldError(.invalid, field: path, value: .int(n), detail: idRange))
    }

    static func seccomp(_ sp: JSONValue, path: String, into errs: inout [FieldError]) {
        guard sp.object != nil else { return }
        let type = sp["type"].string ?? ""
        if type.isEmpty {
            errs.append(.required("\(path).type", "type is required when seccompProfile is set"))
        } else if !profileTypes.contains(type) {
            errs.append(.notSupported("\(path).type", .string(type), supported: profileTypes))
        }
        if type == "Localhost" {
            if let local = sp["localhostProfile"].string {
                errs += VolumeRules.localDescending(local, path: "\(path).localhostProfile")
            } else {
                errs.append(.required("\(path).localhostProfile", "must be set when seccomp type is Localhost"))
            }
        } else if !sp["localhostProfile"].isNull {
            let literal = "core.SeccompProfile{Type:\(strconvQuote(type)), LocalhostProfile:(*string)(\(pointer))}"
            errs.append(FieldError(.invalid, field: "\(path).localhostProfile", value: .raw(literal),
                                   detail: "can only be set when seccomp type is Localhost"))
        }
    }

    static func appArmor(_ p: JSONValue, path: String, into errs: inout [FieldError]) {
        guard p.object != nil else { return }
        let type = p["type"].string ?? "", local = p["localhostProfile"]
        switch type {
        case "Localhost":
            guard let profile = local.string else {
                errs.append(.required("\(path).localhostProfile", "must be set when AppArmor type is Localhost"))
                return
            }
            if trimSpace(profile) != profile {
                errs.append(.invalid("\(path).localhostProfile", profile, "must not be padded with whitespace"))
            } else if profile.isEmpty {
                errs.append(.required("\(path).localhostProfile", "must be set when AppArmor type is Localhost"))
            }
            if profile.utf8.count > 4095 { errs.append(.tooLong("\(path).localhostProfile", maxLength: 4095)) }
        case "RuntimeDefault", "Unconfined":
            if let profile = local.string {
                errs.append(.invalid("\(path).localhostProfile", profile, "can only be set when AppArmor type is Localhost"))
            }
        case "":
            errs.append(.required("\(path).type", "type is required when appArmorProfile is set"))
        default:
            errs.append(.notSupported("\(path).type", .string(type), supported: profileTypes))
        }
    }

    static func trimSpace(_ s: String) -> String {
        let space: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" }
        return String(s.drop(while: space).reversed().drop(while: space).reversed())
    }

    /// `validateSysctls` and `ValidateHostSysctl`.
    static func sysctls(_ list: [JSONValue], spec: JSONValue, path: String, into errs: inout [FieldError]) {
        var names: Set<String> = []
        for (i, s) in list.enumerated() {
            let name = s["name"].string ?? "", p = "\(path)[\(i)].name"
            if name.isEmpty {
                errs.append(.required(p))
            } else if !isValidSysctlName(name) {
                errs.append(.invalid(p, name, "must have at most \(sysctlMaxLength) characters and match regex \(sysctlRegex)"))
            } else if names.contains(name) {
                errs.append(FieldError(.duplicate, field: p, value: .string(name)))
            }
            switch sysctlNamespace(name) {
            case "net" where spec["hostNetwork"].bool == true:
                errs.append(.invalid(p, name, "may not be specified when 'hostNetwork' is true"))
            case "ipc" where spec["hostIPC"].bool == true:
                errs.append(.invalid(p, name, "may not be specified when 'hostIPC' is true"))
            default: break
            }
            names.insert(name)
        }
    }

    /// Segments of `[a-z0-9]([-_a-z0-9]*[a-z0-9])?` joined by '.' or '/', at most 253 characters.
    static func isValidSysctlName(_ name: String) -> Bool {
        guard name.utf8.count <= sysctlMaxLength else { return false }
        let segments = name.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "/" })
        return segments.allSatisfy { seg in
            let b = Array(seg.utf8)
            let alnum: (UInt8) -> Bool = { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
            guard let f = b.first, let l = b.last, alnum(f), alnum(l) else { return false }
            return b.allSatisfy { alnum($0) || $0 == 0x2D || $0 == 0x5F }
        }
    }

    /// The kernel namespace of a namespaced sysctl (`utilsysctl.GetNamespace`), names with '/' normalised.
    static func sysctlNamespace(_ raw: String) -> String? {
        var name = raw
        if let first = raw.firstIndex(where: { $0 == "." || $0 == "/" }), raw[first] == "/" {
            name = String(raw.map { $0 == "/" ? "." : ($0 == "." ? "/" : $0) })
        }
        let ipc: Set<String> = ["kernel.sem", "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced",
                                "kernel.msgmax", "kernel.msgmnb", "kernel.msgmni"]
        if ipc.contains(name) || name.hasPrefix("fs.mqueue.") { return "ipc" }
        if name.hasPrefix("net.") { return "net" }
        return nil
    }

    /// An address where Go prints a pointer (the server's own text shows its heap address).
    static let pointer = "0xc000000000"

    /// `%#v` of a `core.SecurityContext`, as the server prints it in an Invalid value.
    static func goSecurityContext(_ sc: JSONValue) -> String {
        let fields: [(String, String, String)] = [
            ("Capabilities", "capabilities", "*core.Capabilities"), ("Privileged", "privileged", "*bool"),
            ("SELinuxOptions", "seLinuxOptions", "*core.SELinuxOptions"),
            ("WindowsOptions", "windowsOptions", "*core.WindowsSecurityContextOptions"),
            ("RunAsUser", "runAsUser", "*int64"), ("RunAsGroup", "runAsGroup", "*int64"), ("RunAsNonRoot", "runAsNonRoot", "*bool"),
            ("ReadOnlyRootFilesystem", "readOnlyRootFilesystem", "*bool"),
            ("AllowPrivilegeEscalation", "allowPrivilegeEscalation", "*bool"), ("ProcMount", "procMount", "*core.ProcMountType"),
            ("SeccompProfile", "seccompProfile", "*core.SeccompProfile"), ("AppArmorProfile", "appArmorProfile", "*core.AppArmorProfile"),
        ]
        let body = fields.map { go, json, type in "\(go):(\(type))(\(sc[json].isNull ? "nil" : pointer))" }
        return "core.SecurityContext{" + body.joined(separator: ", ") + "}"
    }
}
