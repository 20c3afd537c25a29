#if canImport(Glibc)
import Glibc
#endif
import KubeAPI
import KubeCodec
import KubeModel
import KubePrinters
import KubeRegistry

/// `kubectl edit`: opens the objects in `$KUBE_EDITOR`, `$EDITOR` or `vi`, then saves the changes as
/// a strategic merge patch through the update path. Invalid edits reopen the file with the errors in
/// a comment block at the top.
enum EditCommand {
    static let spec = CommandSpec(
        "edit",
        use: "edit (RESOURCE/NAME | -f FILENAME)",
        short: "Change an object in your editor",
        group: "Basic Commands (Intermediate):", options: EditOptions.self)

    static let header = """
        # Please edit the object below. Lines beginning with a '#' will be ignored,
        # and an empty file will abort the edit. If an error occurs while saving this file will be
        # reopened with the relevant failures.
        #

        """

    struct Target {
        var type: ResourceType
        var namespace: String
        var name: String
        var object: JSONValue
    }

    static func hashLines(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n# ")
    }

    /// Drops comment lines (`#` first on the line), as kubectl compares edits.
    static func stripComments(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.drop { $0 == " " || $0 == "\t" }.hasPrefix("#") }
            .joined(separator: "\n")
    }

    /// cmdutil.ManualStrip: drops the leading comment block kubectl wrote.
    static func manualStrip(_ s: String) -> String {
        var lines = s.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.hasPrefix("#") { lines.removeFirst() }
        return lines.joined(separator: "\n")
    }

    static func tempFile(prefix: String, suffix: String, contents: String) throws -> String {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((base + "/" + prefix + "XXXXXX" + suffix).utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, Int32(suffix.utf8.count)) }
        guard fd >= 0 else { throw CLIError.message("unable to create a temporary file for editing") }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let bytes = Array(contents.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        return path
    }
}

/// edit's options: the objects, how they are shown in the editor and how the edits are saved.
struct EditOptions: FlagOptions {
    var builder = ResourceBuilder()
    var printFlags = PrintFlags()
    var outputPatch = false
    /// Hidden and deprecated: the notice alone (README: Flags).
    var record = false
    var saveConfig = false
    var subresource = ""
    var validation = ""
    var windowsLineEndings = false

    static var flags: [OptionFlag<Self>] {
        [.printing(\.printFlags, CommonFlags.output(tables: false)),
         .builder(\.builder, CommonFlags.filenames("edit")),
         .fieldManager("kubectl-edit"),
         .init(\.outputPatch, "output-patch", usage: "Print the patch of the edited objects."),
         .init(\.record, CommonFlags.record),
         .init(\.saveConfig, "save-config", usage: "Record the object in the last-applied-configuration annotation, for later apply."),
         .subresource(\.subresource, FlagSpec("subresource", .string, usage: "Edit this subresource: status.")),
         .validation(\.validation),
         .init(\.windowsLineEndings, "windows-line-endings", usage: "Use CRLF line endings in the file to edit.")]
    }

    mutating func complete(_ inv: inout Invocation) throws { builder.requireNames = false }

    func validate(_ inv: Invocation) throws {
        if !["", "yaml", "json"].contains(printFlags.output) {
            throw CLIError.message("the flag 'output' must be one of yaml|json")
        }
        if builder.filenames.isEmpty && builder.kustomize.isEmpty && inv.args.isEmpty {
            throw CLIError.message(ResourceArgs.noResourcesMessage)
        }
    }

    func run(_ inv: inout Invocation) throws {
        // edit stops at the first object it cannot read.
        let targets = try builder.resolve(&inv).infos(&inv, fetch: .latest).map { r in
            let info = try r.get()
            return EditCommand.Target(type: info.type!, namespace: info.namespace, name: info.name, object: info.object ?? .emptyObject)
        }
        if targets.isEmpty { throw CLIError.message("edit cancelled, no objects found") }
        var session = EditSession(targets: targets, options: self, inv: inv)
        try session.run(&inv)
    }
}
