import KubeAPI
import KubeCodec
import KubeModel

/// `kubectl debug`: an ephemeral container added to a running pod (through `pods/ephemeralcontainers`),
/// a changed copy of a pod (`--copy-to`), or a pod on a node's host namespaces (`node/NAME`), each
/// shaped by a security profile (`--profile`, `--custom`). The objects are written as kubectl writes
/// them; attaching to the debug container cannot happen offline and says so.
enum DebugCommand {
    static let profiles = ["legacy", "general", "baseline", "restricted", "netadmin", "sysadmin"]

    static let spec = CommandSpec(
        "debug", use: "debug (POD | TYPE[[.VERSION].GROUP]/NAME) [ -- COMMAND [args...] ]",
        short: "Start a debugging container in a pod, a copy of a pod or on a node",
        long: """
            Start a container meant for troubleshooting, next to what is being investigated.

            A bare name is a pod. Three ways of debugging are offered:

             * Pod, ephemeral container: a new container joins the running pod (optionally seeing the processes of --target), the pod itself is not restarted.
             * Pod, copy (--copy-to): a new pod copied from the original, with a debugging container added or images and commands changed.
             * Node (node/NAME): a pod bound to the node, in its host namespaces, with the node's root filesystem at /host.

            kubectl-local runs no containers: the debugging container is added and shown as running, but attaching to it (-i, --attach) is not possible.
            """,
        example: """
            # Add a busybox container to the pod web-0 (it shows up under ephemeralContainers)
            kubectl debug web-0 --image=busybox --profile=general

            # Same, named dbg, sharing the process namespace of the container web
            kubectl debug web-0 --image=busybox -c dbg --target=web --profile=general

            # Copy web-0 to web-debug with an extra busybox container
            kubectl debug web-0 --image=busybox --copy-to=web-debug --profile=general

            # Copy web-0, running sh instead of the command of its container web
            kubectl debug web-0 --copy-to=web-sh --container=web --profile=general -- sh

            # Copy web-0 with every image replaced by busybox
            kubectl debug web-0 --copy-to=web-busybox --set-image=*=busybox

            # A debugging pod on node-1 (host namespaces, its root filesystem at /host)
            kubectl debug node/node-1 --image=busybox --profile=general
            """,
        group: "Troubleshooting and Debugging Commands:", options: DebugOptions.self)
}

/// kubectl's DebugOptions: flags read in Complete, checked in Validate (in kubectl's order), then run.
struct DebugOptions: FlagOptions {
    var targetNames: [String] = []
    var args: [String] = []
    var argsOnly = false, attachFlag: Bool?, interactive = false, tty = false, quiet = false
    var attach: Bool { attachFlag ?? interactive }
    var attachChanged: Bool { attachFlag != nil }
    var container = "", copyTo = "", image = "", pullPolicy = "", targetContainer = "", profile = "legacy"
    var replace = false, sameNode = false, shareProcessesFlag: Bool?
    var shareProcesses: Bool { shareProcessesFlag ?? true }
    var shareProcessesChanged: Bool { shareProcessesFlag != nil }
    var envText: [String] = [], setImageText: [String] = []
    var env: [(String, String)] { Self.pairs(envText) }
    var setImages: [(String, String)] { Self.pairs(setImageText) }
    var keep = DebugKeep(labels: false, annotations: false, liveness: false, readiness: false, startup: false, initContainers: true)
    var customFile = ""
    var custom: JSONValue?
    var filenames: [String] = []
    var namespace = ""

    static var flags: [OptionFlag<Self>] {
        [.init(\.filenames, "filename", short: "f", usage: "File naming the pod to debug."),
         .init(\.argsOnly, "arguments-only", usage: "Give the words after -- to the container as its args, keeping its command."),
         .init(\.attachFlag, "attach", usage: "Wait for the debugging container and attach to it (true by default with -i). Not available offline."),
         .init(\.container, "container", short: "c", usage: "Name of the debugging container."),
         .init(\.copyTo, "copy-to", usage: "Debug a copy of the pod, created under this name."),
         .init(\.customFile, "custom", usage: "JSON or YAML file with a partial container spec merged into the debugging container after the profile."),
         .init(\.envText, "env", .stringToString, usage: "Environment variables of the debugging container (KEY=VALUE)."),
         .init(\.image, "image", usage: "Image of the debugging container."),
         .init(\.pullPolicy, "image-pull-policy", usage: "Pull policy of the debugging container; empty lets the server choose."),
         .init(\.keep.annotations, "keep-annotations", usage: "With --copy-to: keep the pod's annotations in the copy."),
         .init(\.keep.initContainers, "keep-init-containers", default: "true", usage: "With --copy-to: keep the pod's init containers in the copy."),
         .init(\.keep.labels, "keep-labels", usage: "With --copy-to: keep the pod's labels in the copy."),
         .init(\.keep.liveness, "keep-liveness", usage: "With --copy-to: keep liveness probes in the copy."),
         .init(\.keep.readiness, "keep-readiness", usage: "With --copy-to: keep readiness probes in the copy."),
         .init(\.keep.startup, "keep-startup", usage: "With --copy-to: keep startup probes in the copy."),
         .init(\.profile, "profile", default: "legacy", usage: "Security profile of the debugging container: \"legacy\", \"general\", \"baseline\", \"netadmin\", \"restricted\" or \"sysadmin\".",
               completions: DebugCommand.profiles),
         .init(\.quiet, "quiet", short: "q", usage: "Print no informational lines."),
         .init(\.replace, "replace", usage: "With --copy-to: delete the original pod."),
         .init(\.sameNode, "same-node", usage: "With --copy-to: bind the copy to the node of the original."),
         .init(\.setImageText, "set-image", .stringToString, usage: "With --copy-to: NAME=IMAGE pairs changing container images (* for all), as set image does."),
         .init(\.shareProcessesFlag, "share-processes", default: "true", usage: "With --copy-to: let the containers of the copy see each other's processes."),
         .init(\.interactive, "stdin", short: "i", usage: "Keep the debugging container's stdin open."),
         .init(\.targetContainer, "target", usage: "Ephemeral container: share the process namespace of this container."),
         .init(\.tty, "tty", short: "t", usage: "Give the debugging container a TTY.")]
    }

    mutating func complete(_ inv: inout Invocation) throws {
        targetNames = inv.args
        if let dash = inv.argsLenAtDash, inv.args.count > dash {
            targetNames = Array(inv.args[..<dash])
            args = Array(inv.args[dash...])
        }
        namespace = try inv.namespace()
        if !DebugCommand.profiles.contains(profile) { throw CLIError.message("unknown profile: \(profile)") }
        if !customFile.isEmpty { custom = try Self.readCustom(customFile) }
    }

    /// StringToString values in the order given, a later key replacing an earlier one in place.
    static func pairs(_ items: [String]) -> [(String, String)] {
        var out: [(String, String)] = []
        for item in items {
            let key = String(item.prefix { $0 != "=" }), value = String(item.dropFirst(key.count + 1))
            if let i = out.firstIndex(where: { $0.0 == key }) { out[i].1 = value } else { out.append((key, value)) }
        }
        return out
    }

    /// `--custom`: a container spec in JSON or YAML, as decoding it into a Go Container leaves it.
    static func readCustom(_ path: String) throws -> JSONValue {
        let bytes: [UInt8]
        do { bytes = try readFileBytes(path) } catch let CLIError.message(text) {
            throw CLIError.message("must pass a container spec json file for custom profile: \(text)")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let value = (try? JSON.parse(bytes: bytes)) ?? (try? YAMLCodec.decode(text)) ?? .string(text)
        let prefix = "\(path) does not contain a valid container spec: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal "
        guard let fields = value.object else { throw CLIError.message(prefix + "\(jsonTypeName(value)) into Go value of type v1.Container") }
        for (key, v) in fields where !v.isNull {
            guard let goType = containerFieldTypes[key] else { continue }
            let ok: Bool
            switch v {
            case .array: ok = goType.hasPrefix("[]")
            case .object: ok = goType.hasPrefix("v1.") && !["v1.PullPolicy", "v1.TerminationMessagePolicy", "v1.ContainerRestartPolicy"].contains(goType)
            case .string: ok = goType == "string" || ["v1.PullPolicy", "v1.TerminationMessagePolicy", "v1.ContainerRestartPolicy"].contains(goType)
            case .bool: ok = goType == "bool"
            default: ok = false
            }
            if !ok { throw CLIError.message(prefix + "\(jsonTypeName(v)) into Go struct field Container.\(key) of type \(goType)") }
        }
        let pod: JSONValue = ["apiVersion": "v1", "kind": "Pod", "spec": ["containers": .array([value])]]
        return prunedToBuiltinType(pod)["spec"]["containers"][0]
    }

    /// encoding/json's names of JSON value types.
    static func jsonTypeName(_ v: JSONValue) -> String {
        switch v {
        case .array: return "array"
        case .object: return "object"
        case .bool: return "bool"
        case .int, .double: return "number"
        default: return "string"
        }
    }

    /// The Go types of v1.Container's fields (what a wrong JSON type is reported against).
    static let containerFieldTypes: [String: String] = [
        "name": "string", "image": "string", "command": "[]string", "args": "[]string", "workingDir": "string",
        "ports": "[]v1.ContainerPort", "envFrom": "[]v1.EnvFromSource", "env": "[]v1.EnvVar",
        "resources": "v1.ResourceRequirements", "resizePolicy": "[]v1.ContainerResizePolicy",
        "restartPolicy": "v1.ContainerRestartPolicy", "volumeMounts": "[]v1.VolumeMount", "volumeDevices": "[]v1.VolumeDevice",
        "livenessProbe": "v1.Probe", "readinessProbe": "v1.Probe", "startupProbe": "v1.Probe", "lifecycle": "v1.Lifecycle",
        "terminationMessagePath": "string", "terminationMessagePolicy": "v1.TerminationMessagePolicy",
        "imagePullPolicy": "v1.PullPolicy", "securityContext": "v1.SecurityContext", "stdin": "bool", "stdinOnce": "bool", "tty": "bool",
    ]

    func validate(_ inv: Invocation) throws {
        if attach && attachChanged && image.isEmpty && container.isEmpty {
            throw CLIError.message("you must specify --container or create a new container using --image in order to attach.")
        }
        if !copyTo.isEmpty {
            if image.isEmpty && setImages.isEmpty && args.isEmpty { throw CLIError.message("you must specify --image, --set-image or command arguments.") }
            if !args.isEmpty && container.isEmpty && image.isEmpty {
                throw CLIError.message("you must specify an existing container or a new image when specifying args.")
            }
        } else if replace {
            throw CLIError.message("--replace may only be used with --copy-to.")
        } else if sameNode {
            throw CLIError.message("--same-node may only be used with --copy-to.")
        } else if !setImages.isEmpty {
            throw CLIError.message("--set-image may only be used with --copy-to.")
        } else if image.isEmpty {
            throw CLIError.message("you must specify --image when not using --copy-to.")
        }
        if !image.isEmpty && !RunOptions.isValidImage(image) {
            throw CLIError.message("invalid image name \(goQuoted(image)): invalid reference format")
        }
        if targetNames.isEmpty && filenames.isEmpty { throw CLIError.message("NAME or filename is required for debug") }
        if !["", "Always", "IfNotPresent", "Never"].contains(pullPolicy) { throw CLIError.message("invalid image pull policy: \(pullPolicy)") }
        for (name, img) in setImages where !RunOptions.isValidImage(img) {
            throw CLIError.message("invalid image name \(goQuoted(img)) for container \(goQuoted(name)): invalid reference format")
        }
        if !targetContainer.isEmpty {
            if !copyTo.isEmpty { throw CLIError.message("--target is incompatible with --copy-to. Use --share-processes instead.") }
            if !quiet {
                inv.io.out.write("Targeting container \(goQuoted(targetContainer)). If you don't see processes from this container it may be because the container runtime doesn't support this feature.\n")
            }
        }
        if tty && !interactive { throw CLIError.message("-i/--stdin is required for containers with -t/--tty=true") }
        if let custom, !(custom["name"].string ?? "").isEmpty || !(custom["command"].array ?? []).isEmpty
            || !(custom["image"].string ?? "").isEmpty || !custom["lifecycle"].isNull || !(custom["volumeDevices"].array ?? []).isEmpty
        {
            throw CLIError.message("name, command, image, lifecycle and volume devices are not modifiable via custom profile")
        }
        if profile == "legacy" {
            inv.io.err.write("--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example \"--profile=general\".\n")
        }
    }

    func run(_ inv: inout Invocation) throws {
        try DebugRun(options: self).run(&inv)
    }
}
