import KubeModel

/// Global flags that change how any command ends: `--request-timeout` is checked as kubectl's client
/// configuration checks it, and `--warnings-as-errors` turns the API's warnings into a failing exit.
enum GlobalFlagChecks {
    static let invalidTimeout = "Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)"

    /// Before a command runs. kubectl checks `--request-timeout` when it builds its REST client, so the
    /// commands that never build one (config, kustomize, completion, `version --client`, `--local` edits
    /// of label/annotate/patch/set) accept any text.
    static func before(_ inv: Invocation) throws {
        // A command's own --profile (debug's) hides the global one, which then keeps its default.
        if !inv.flags.ownNames.contains("profile") { try checkProfile(inv.flags.string("profile")) }
        guard needsClient(inv) else { return }
        let text = inv.flags.string("request-timeout")
        if !isValidTimeout(text) { throw CLIError.message(invalidTimeout) }
    }

    /// kubectl's profiling set-up (before every command that runs) refuses a profile Go's runtime does not
    /// have. A valid one is accepted and not written: there is no Go runtime to profile.
    static let profiles: Set<String> = ["none", "cpu", "heap", "allocs", "goroutine", "threadcreate", "block", "mutex"]

    static func checkProfile(_ name: String) throws {
        if !profiles.contains(name) { throw CLIError.message("unknown profile '\(name)'") }
    }

    /// After a command succeeded: with `--warnings-as-errors`, the API warnings it printed fail it.
    static func after(_ inv: Invocation) throws {
        guard inv.flags.bool("warnings-as-errors") else { return }
        let count = inv.services.warningCount
        if count == 1 { throw CLIError.message("1 warning received") }
        if count > 1 { throw CLIError.message("\(count) warnings received") }
    }

    /// clientcmd's rule: a non-negative base-10 integer (seconds) or a Go duration; empty means none.
    static func isValidTimeout(_ text: String) -> Bool {
        if text.isEmpty { return true }
        var digits = Substring(text)
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), Int64(digits) != nil, !negative || Int64(digits) == 0 {
            return true
        }
        if case .success = GoValue.parseDuration(text) { return true }
        return false
    }

    private static func needsClient(_ inv: Invocation) -> Bool {
        let path = inv.commandPath
        guard let first = path.first else { return false }
        switch first {
        case "config", "kustomize", "completion", "options", "__man": return false
        case "version": return !inv.flags.bool("client")
        case "label", "annotate", "patch": return !inv.flags.bool("local")
        case "set": return path.count < 2 || path[1] == "env" || !inv.flags.bool("local")
        default: return true
        }
    }
}
