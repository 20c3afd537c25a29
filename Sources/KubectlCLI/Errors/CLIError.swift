import KubeAPI

/// Errors a command throws; the renderer turns each into kubectl's text on stderr and exit code 1.
public enum CLIError: Error {
    /// `error: <message>` then `See 'kubectl <cmd> -h' for help and examples` (cmdutil.UsageErrorf).
    case usage(String)
    /// `error: <message>` (the prefix is added unless the message already has it).
    case message(String)
    /// Printed as is, followed by a newline.
    case raw(String)
    /// An API Status error: `Error from server (<Reason>): <message>`.
    case api(APIError)
    /// Several errors, each printed on its own line.
    case aggregate([Error])
    /// Nothing more to print; exit with this code.
    case exit(Int32)

    /// Arguments a command that takes none was given (cobra's `Unexpected args: [a b]`).
    static func unexpectedArgs(_ args: [String]) -> CLIError { .usage("Unexpected args: [\(args.joined(separator: " "))]") }
}

/// A Go runtime panic kubectl v1.32 hits on some input (`create ingress --rule='h/a,b=s:80'`): the panic
/// line, then the start of the goroutine dump (its frames are addresses of kubectl's binary), exit 2.
public struct GoPanic: Error {
    public var message: String
    public init(_ message: String) { self.message = message }
    /// `index out of range [i] with length n`.
    static func index(_ i: Int, length: Int) -> GoPanic {
        GoPanic("runtime error: index out of range [\(i)] with length \(length)")
    }
}
