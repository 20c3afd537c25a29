import Glibc
import KubeAPI
import KubeModel

/// `replace --raw PATH -f FILE`: the file's bytes are PUT to PATH as JSON and the answer printed as the API
/// server wrote it. Offline only the namespace `finalize` subresource is served
/// (`/api/v1/namespaces/NAME/finalize`); other paths stay unavailable.
extension RawRequest {
    static func put(_ inv: inout Invocation, path raw: String, file: String) throws {
        var path = raw
        if let q = path.firstIndex(of: "?") { path = String(path[..<q]) }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0].isEmpty, parts[1] == "api", parts[2] == "v1", parts[3] == "namespaces",
              !parts[4].isEmpty, parts[5] == "finalize" else { throw unavailable }
        let bytes: [UInt8]
        if file == "-" {
            bytes = inv.io.readStdin()
        } else {
            let fd = open(file, O_RDONLY)
            guard fd >= 0 else { throw CLIError.message("open \(file): \(String(cString: strerror(errno)).lowercased())") }
            bytes = readAll(fd: fd)
            close(fd)
        }
        guard let body = try? JSON.parse(bytes: bytes) else {
            throw CLIError.api(APIError.badRequest("the object provided is unrecognized (must be of type Namespace): "
                                                   + "couldn't get version/kind; json parse error: \(jsonStartError(bytes)) (\(summarize(bytes)))"))
        }
        let name = parts[4]
        let answer = try inv.server().write { try $0.finalizeNamespace(name, body: body) }
        inv.io.out.write(servedOrder(answer).jsonString(JSONWriteOptions(indent: nil, sortKeys: false)) + "\n")
    }

    /// The namespace as encoding/json writes the Go struct: TypeMeta, ObjectMeta and managed-field entries in
    /// their field order (keys a struct does not name keep their place after the named ones).
    static func servedOrder(_ ns: JSONValue) -> JSONValue {
        func ordered(_ v: JSONValue, _ keys: [String]) -> JSONValue {
            guard let o = v.object else { return v }
            var out = JSONObject()
            for k in keys { if let x = o[k] { out[k] = x } }
            for k in o.keys where !keys.contains(k) { out[k] = o[k]! }
            return .object(out)
        }
        var top = ordered(ns, ["kind", "apiVersion", "metadata", "spec", "status"])
        var meta = ordered(top["metadata"], ["name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
                                             "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels",
                                             "annotations", "ownerReferences", "finalizers", "managedFields"])
        if let entries = meta["managedFields"].array {
            meta["managedFields"] = .array(entries.map { ordered($0, ["manager", "operation", "apiVersion", "time", "fieldsType", "fieldsV1", "subresource"]) })
        }
        top["metadata"] = meta
        return top
    }

    /// encoding/json's complaint about a body that does not start as JSON does.
    static func jsonStartError(_ bytes: [UInt8]) -> String {
        guard let c = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return "unexpected end of JSON input" }
        let ch = c == 0x27 ? "'\\\\''" : "'" + String(decoding: [c], as: UTF8.self) + "'"
        return "invalid character \(ch) looking for beginning of value"
    }

    /// The API server's `summarizeData(body, 30)`: JSON-looking bodies as text, others in hex.
    static func summarize(_ bytes: [UInt8]) -> String {
        if bytes.isEmpty { return "<empty>" }
        let head = Array(bytes.prefix(30)), more = bytes.count > 30 ? " ..." : ""
        if bytes[0] == UInt8(ascii: "{") { return String(decoding: head, as: UTF8.self) + more }
        return head.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() + more
    }
}
