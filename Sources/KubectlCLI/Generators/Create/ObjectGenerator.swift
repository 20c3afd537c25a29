import KubeAPI
import KubeModel

// Objects that `kubectl create <subcommand>` builds client-side, in Go struct field order, one file per
// family of kinds. Each generator declares its own flags with the fields they fill (the flags every
// `create <subcommand>` shares are in CreateObjectOptions) and `make`s the object, checking its input
// as kubectl does (same order, same texts).

/// A `create <kind>` generator.
protocol ObjectGenerator {
    init()
    static var flags: [OptionFlag<Self>] { get }
    /// How a failed create is reported (kubectl wraps some server errors).
    static var failure: CreateFailure { get }
    func make(args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue
    /// Reads what the generator takes from the store before it runs (`create job --from`); returns the
    /// read error, reported only if the generator then needs what was not found.
    func prefetch(_ inv: inout Invocation, context: GeneratorContext) throws -> Error?
}

extension ObjectGenerator {
    static var failure: CreateFailure { .none }
    func prefetch(_ inv: inout Invocation, context: GeneratorContext) throws -> Error? { nil }
}

/// How a `create <kind>` subcommand reports a failed create: as is, or the API error's message after a
/// prefix (`failed to create deployment: ...`, `failed to create secret ...`).
enum CreateFailure {
    case none, colon(String), noColon(String)

    /// nil: the error as `create -f` reports it (with its source).
    var wrapper: ((Error) -> Error)? {
        let prefix: String
        switch self {
        case .none: return nil
        case .colon(let p): prefix = p + ": "
        case .noColon(let p): prefix = p + " "
        }
        return { error in
            if let e = error as? APIError { return CLIError.message(prefix + e.message) }
            if case CLIError.api(let e) = error { return CLIError.message(prefix + e.message) }
            return error
        }
    }
}

let rbacGroup = "rbac.authorization.k8s.io"
