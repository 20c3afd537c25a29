/// An error of a kustomize build; `message` is kustomize's text (kubectl prints it after `error: `).
public struct KustomizeError: Error, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
