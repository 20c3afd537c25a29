import KubeModel

/// An API Status error as the API server returns it (`metav1.Status`): reason, message and HTTP code.
/// kubectl renders it as `Error from server (<Reason>): <message>`; `Invalid` errors with causes render
/// as `The <Kind> "<name>" is invalid: <field>: <detail>`.
public struct APIError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: String, Sendable {
        case notFound = "NotFound"
        case alreadyExists = "AlreadyExists"
        case conflict = "Conflict"
        case invalid = "Invalid"
        case badRequest = "BadRequest"
        case forbidden = "Forbidden"
        case methodNotAllowed = "MethodNotAllowed"
        case tooManyRequests = "TooManyRequests"
        case internalError = "InternalError"
        case requestEntityTooLarge = "RequestEntityTooLarge"
        /// An error the API server passed on without a status of its own (etcd's): no reason at all.
        case unknown = ""
    }

    /// One field error of an `Invalid` error (`metadata.name: Invalid value: "Bad": <detail>`).
    public struct Cause: Sendable, Equatable {
        public var field: String
        public var message: String
        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    public var reason: Reason
    public var message: String
    public var code: Int
    public var causes: [Cause]
    /// `details.kind` / `details.name` of an Invalid status (kubectl prints `The <kind> "<name>" is invalid`).
    public var detailsKind: String
    public var detailsName: String

    public init(reason: Reason, message: String, code: Int, causes: [Cause] = [], detailsKind: String = "",
                detailsName: String = "")
    {
        self.reason = reason
        self.message = message
        self.code = code
        self.causes = causes
        self.detailsKind = detailsKind
        self.detailsName = detailsName
    }

    public var description: String { message }

    /// `pods "x" not found` (resource = `plural[.group]`).
    public static func notFound(_ resource: String, _ name: String) -> APIError {
        APIError(reason: .notFound, message: "\(resource) \(strconvQuote(name)) not found", code: 404)
    }

    public static func alreadyExists(_ resource: String, _ name: String) -> APIError {
        APIError(reason: .alreadyExists, message: "\(resource) \(strconvQuote(name)) already exists", code: 409)
    }

    public static func conflict(_ resource: String, _ name: String, _ detail: String) -> APIError {
        APIError(reason: .conflict, message: "Operation cannot be fulfilled on \(resource) \(strconvQuote(name)): \(detail)", code: 409)
    }

    /// `The Pod "Bad_Name" is invalid: metadata.name: Invalid value: ...`; with several causes each one
    /// gets its own `* ` line.
    public static func invalid(kind: String, name: String, causes: [Cause], group: String = "") -> APIError {
        let head = "\(group.isEmpty ? kind : kind + "." + group) \(strconvQuote(name)) is invalid"
        let body: String
        if causes.count == 1 {
            body = "\(head): \(causes[0].field): \(causes[0].message)"
        } else {
            body = "\(head): [" + causes.map { "\($0.field): \($0.message)" }.joined(separator: ", ") + "]"
        }
        return APIError(reason: .invalid, message: body, code: 422, causes: causes, detailsKind: kind, detailsName: name)
    }

    /// A JSON patch that decoded but did not apply: the API server answers 422 with no details.
    public static let jsonPatchNotApplied = APIError(
        reason: .invalid, message: "the server rejected our request due to an error in our request", code: 422)

    /// The API server reads at most 3 MiB of a request body (`limitedReadBody`).
    public static let requestBodyLimit = 3 * 1024 * 1024
    /// etcd refuses a request over its `--max-request-bytes` (1.5 MiB by default); the API server passes
    /// the error on as it is.
    public static let storedObjectLimit = 3 * 512 * 1024

    public static var requestEntityTooLarge: APIError {
        APIError(reason: .requestEntityTooLarge, message: "Request entity too large: limit is \(requestBodyLimit)", code: 413)
    }

    public static var etcdRequestTooLarge: APIError {
        APIError(reason: .unknown, message: "etcdserver: request is too large", code: 500)
    }

    public static func badRequest(_ message: String) -> APIError {
        APIError(reason: .badRequest, message: message, code: 400)
    }
}
