import KubeAPI
import KubeModel
import KubeRegistry
import KubeSchema

/// `replace --subresource` and `apply --server-side --subresource` with anything but `status`: kubectl
/// sends the file's object (a Deployment, say) to `.../NAME/SUBRESOURCE`. A kind without that
/// subresource has no such path (the API server's 404). The `scale` endpoint reads an autoscaling/v1
/// Scale: a PUT body of the workload's own kind fails to decode into one, and an apply patch of it
/// fails the field manager's type check once the object is found. (A Scale in a file never gets this
/// far: kubectl cannot map the kind `Scale`, which is only served as a subresource.)
enum SubresourceWrite {
    static let noSuchPath = APIError(reason: .notFound, message: "the server could not find the requested resource", code: 404)

    /// Whether the kind serves the subresource: `scale` from the registry, `status` for the built-in
    /// kinds whose schema has a status (custom resources are taken to have one).
    static func serves(_ subresource: String, _ type: ResourceType) -> Bool {
        switch subresource {
        case "": return true
        case "scale": return type.scale != nil
        case "status":
            guard type.schemaName != nil else { return true }
            return SchemaIndex.builtin.definition(apiVersion: type.apiVersion, kind: type.kind)?.property(named: "status") != nil
        default: return false
        }
    }

    /// The answer to `PUT .../NAME/SUBRESOURCE` with the file's object as the body.
    static func replaceRefusal(_ subresource: String, type: ResourceType, object: JSONValue) -> APIError {
        guard subresource == "scale", type.scale != nil else { return noSuchPath }
        let (group, version) = groupVersion(object, type)
        let prefix = "\(type.kind) in version \(goQuoted(version)) cannot be handled as a Scale: "
        guard type.schemaName == nil else {
            // A built-in kind decodes, then has no conversion into the internal Scale.
            return .badRequest(prefix + "converting (\(version).\(type.kind)) to (autoscaling.Scale): unknown conversion")
        }
        // A custom resource's scale endpoint decodes with a scheme that knows only Scales.
        return .badRequest(prefix + "no kind \(goQuoted(type.kind)) is registered for version \(goQuoted(group + "/" + version)) "
            + "in scheme \"k8s.io/client-go/scale/util.go:133\"")
    }

    /// The answer to an apply patch of the file's object sent to `.../NAME/SUBRESOURCE`: no such path,
    /// the workload's NotFound, or the field manager's refusal of a body that is not a Scale.
    static func applyRefusal(_ subresource: String, type: ResourceType, object: JSONValue, namespace: String,
                             server: APIServer) throws -> APIError
    {
        guard subresource == "scale", type.scale != nil else { return noSuchPath }
        let name = object["metadata"]["name"].string ?? ""
        _ = try server.read { try $0.get(type, namespace: namespace, name: name) }
        let (group, version) = groupVersion(object, type)
        return .badRequest("invalid object type: \(group)/\(version), Kind=\(type.kind)")
    }

    /// The group and version the file's object names (the kind's own when it names none).
    static func groupVersion(_ object: JSONValue, _ type: ResourceType) -> (String, String) {
        let apiVersion = object["apiVersion"].string ?? type.apiVersion
        guard let slash = apiVersion.lastIndex(of: "/") else { return ("", apiVersion) }
        return (String(apiVersion[..<slash]), String(apiVersion[apiVersion.index(after: slash)...]))
    }
}
