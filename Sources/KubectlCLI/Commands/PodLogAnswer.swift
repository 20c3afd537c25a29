import KubeAPI
import KubeModel

/// What a cluster answers to a pod's log request before any container runtime is asked, read from the
/// stored pod: the API server's checks (the pod's node), then the kubelet's checks of the container's
/// status (kubelet v1.32 validateContainerLogStatus, read for facts; the texts are the kubelet's).
/// Only `.runtime` needs a container runtime, which kubectl-local does not have.
enum PodLogAnswer: Equatable {
    /// The server refuses: kubectl prints `Error from server (<reason>): <message>`.
    case refused(APIError)
    /// The pod has no node yet: the API server answers an empty log (kubectl prints nothing, exit 0).
    case empty
    /// The kubelet would read the container's log from the runtime.
    case runtime

    /// How the API server finds a pod's node: not in the store, there but its kubelet does not answer
    /// (not Ready: the request fails on the connection, which kubectl-local cannot show), or answering.
    enum Node { case missing, unreachable, ready }

    /// The answer for `container` of `pod` (`previous`: `--previous`). `node` says how the pod's node
    /// is found (the API server reads it to reach its kubelet).
    static func answer(pod: JSONValue, container: String, previous: Bool, node: (String) -> Node) -> PodLogAnswer {
        let nodeName = pod["spec"]["nodeName"].string ?? ""
        if nodeName.isEmpty { return .empty }
        switch node(nodeName) {
        case .missing: return .refused(APIError.notFound("nodes", nodeName))
        case .unreachable: return .runtime
        case .ready: break
        }
        let podName = pod["metadata"]["name"].string ?? ""
        let what = "container \(strconvQuote(container)) in pod \(strconvQuote(podName))"
        let status = pod["status"]
        let found = ["containerStatuses", "initContainerStatuses", "ephemeralContainerStatuses"].lazy
            .compactMap { (status[$0].array ?? []).first { $0["name"].string == container } }.first
        guard let cs = found else { return .refused(.badRequest("\(what) is not available")) }
        let last = cs["lastState"]["terminated"]
        let lastID = last["containerID"].string ?? ""
        let state = cs["state"]
        if previous {
            return last.object == nil || lastID.isEmpty ? .refused(.badRequest("previous terminated \(what) not found")) : .runtime
        }
        if state["running"].object != nil { return .runtime }
        if state["terminated"].object != nil {
            let id = state["terminated"]["containerID"].string ?? ""
            return id.isEmpty && lastID.isEmpty ? .refused(.badRequest("\(what) is terminated")) : .runtime
        }
        if last.object != nil { return lastID.isEmpty ? .refused(.badRequest("\(what) is terminated")) : .runtime }
        guard state["waiting"].object != nil else { return .refused(.badRequest("\(what) is waiting to start - no logs yet")) }
        switch state["waiting"]["reason"].string ?? "" {
        case "ErrImagePull": return .refused(.badRequest("\(what) is waiting to start: image can't be pulled"))
        case "ImagePullBackOff": return .refused(.badRequest("\(what) is waiting to start: trying and failing to pull image"))
        case let reason: return .refused(.badRequest("\(what) is waiting to start: \(reason)"))
        }
    }

    /// How each node is found in the store (its Ready condition), each name read once.
    static func nodeLookup(_ inv: Invocation) throws -> (String) -> Node {
        let server = try inv.server()
        let nodes = server.registry.type(group: "", kind: "Node")
        let seen = NodeCache()
        return { name in
            if let known = seen.names[name] { return known }
            var found = Node.missing
            if let type = nodes, let node = try? server.read({ try $0.find(type, namespace: "", name: name) }) {
                let ready = (node["status"]["conditions"].array ?? []).first { $0["type"].string == "Ready" }
                found = ready?["status"].string == "True" ? .ready : .unreachable
            }
            seen.names[name] = found
            return found
        }
    }

    final class NodeCache { var names: [String: Node] = [:] }
}
