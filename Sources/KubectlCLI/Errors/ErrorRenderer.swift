import KubeAPI
import KubeKustomize
import KubeModel

/// kubectl's `CheckErr`: turns any error into the text kubectl prints on stderr and the exit code.
public enum ErrorRenderer {
    public static func render(_ error: Error, commandLine: String) -> (text: String, code: Int32) {
        var error = error
        if case CLIError.aggregate(let list) = error, list.count == 1 { error = list[0] }
        switch error {
        case CLIError.exit(let code):
            return ("", code)
        case let p as GoPanic:
            return ("panic: \(p.message)\n\ngoroutine 1 [running]:\n", 2)
        case let p as KustomizePanic:
            return ("panic: \(p.message)\n\ngoroutine 1 [running]:\n", 2)
        case CLIError.usage(let msg):
            return ("error: \(msg)\nSee '\(commandLine) -h' for help and examples\n", 1)
        case CLIError.raw(let msg):
            return (terminated(msg), 1)
        case CLIError.message(let msg):
            return (terminated(msg.hasPrefix("error: ") ? msg : "error: " + msg), 1)
        case CLIError.api(let e):
            return (terminated(renderAPI(e)), 1)
        case let e as APIError:
            return (terminated(renderAPI(e)), 1)
        case CLIError.aggregate(let list):
            // cmdutil.MultipleErrors: one line each, standard messages, no "error: " prefix added.
            return (list.map { terminated(lineFor($0)) }.joined(), 1)
        default:
            let msg = String(describing: error)
            return (terminated(msg.hasPrefix("error: ") ? msg : "error: " + msg), 1)
        }
    }

    static func renderAPI(_ e: APIError) -> String {
        if e.reason == .invalid, !e.causes.isEmpty {
            let prefix = e.detailsKind.isEmpty && e.detailsName.isEmpty
                ? "The request is invalid: " : "The \(e.detailsKind) \(strconvQuote(e.detailsName)) is invalid: "
            // MultilineError: `%s%v\n` for one cause, `* %v\n` for each of several, whatever a cause ends with
            // (a go-cmp diff ends with a newline, so a blank line follows it).
            if e.causes.count == 1 { return prefix + "\(e.causes[0].field): \(e.causes[0].message)\n" }
            return prefix + "\n" + e.causes.map { "* \($0.field): \($0.message)\n" }.joined()
        }
        if e.reason == .invalid, e.detailsKind.isEmpty, e.detailsName.isEmpty {
            // checkErr: an Invalid status without kind, name or causes prints its message.
            return e.message.isEmpty ? "The request is invalid" : "The request is invalid: \(e.message)"
        }
        return standard(e)
    }

    /// `Error from server (<Reason>): <message>`.
    static func standard(_ e: APIError) -> String {
        e.reason == .unknown ? "Error from server: \(e.message)" : "Error from server (\(e.reason.rawValue)): \(e.message)"
    }

    static func lineFor(_ error: Error) -> String {
        switch error {
        case CLIError.api(let e): return standard(e)
        case let e as APIError: return standard(e)
        case CLIError.message(let m), CLIError.raw(let m), CLIError.usage(let m): return m
        default: return String(describing: error)
        }
    }

    /// Go's `%v` of an error, as a command wraps it in its own words (`failed to patch: %v`): an API
    /// server refusal is its Status message alone, without `Error from server (Reason): `.
    static func goText(_ error: Error) -> String {
        switch error {
        case CLIError.api(let e): return e.message
        case let e as APIError: return e.message
        default: return lineFor(error)
        }
    }

    static func terminated(_ s: String) -> String { s.hasSuffix("\n") || s.isEmpty ? s : s + "\n" }
}
