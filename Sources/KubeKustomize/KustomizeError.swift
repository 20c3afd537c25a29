/// An error of a kustomize build; `message` is kustomize's text (kubectl prints it after `error: `).
public struct KustomizeError: Error, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A Go runtime panic kustomize v5.5 (in kubectl v1.32) hits on some input: kubectl prints `panic: ` and
/// this message, then its goroutine dump (addresses of its own binary), and exits 2.
public struct KustomizePanic: Error {
    public let message: String
    /// An images name that is not a Go regexp: kustomize matches with the nil pattern Compile returned.
    static let nilRegexp = KustomizePanic(message: "runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x90 pc=0x5edb40]")
}
