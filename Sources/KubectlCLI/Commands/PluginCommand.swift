import KubeModel

#if canImport(Glibc)
import Glibc
#endif

/// `kubectl plugin list`: the executables named `kubectl-*` on PATH, with kubectl's warnings for
/// plugins that are not executable, hidden by an earlier one, or named like a built-in command.
/// `kubectl alpha`: kubectl v1.32 has no alpha commands, and says so.
enum PluginCommand {
    static let spec = CommandSpec(
        "plugin", use: "plugin [flags]", short: "List the kubectl plugins found on PATH",
        long: "Plugins are executables named kubectl-NAME on PATH; `kubectl plugin list` shows which ones are found.",
        subcommands: [
            CommandSpec("list", use: "list [flags]", short: "List the plugin executables found on PATH",
                        long: "Every file on PATH whose name starts with \"kubectl-\", in PATH order, with a warning for\n"
                            + "each one that is not executable, is hidden by an earlier file of the same name, or has the\n"
                            + "name of a built-in command.",
                        example: "# Full paths of the plugins\nkubectl plugin list\n\n# File names only\nkubectl plugin list --name-only",
                        options: PluginListOptions.self),
        ],
        group: "Other Commands:")

    static let alphaSpec = CommandSpec("alpha", use: "alpha", short: "Commands for features in alpha", hidden: true,
                                       options: AlphaOptions.self)
}

/// kubectl v1.32 has no alpha commands: `alpha` says so and succeeds, whatever follows it.
struct AlphaOptions: FlagOptions {
    static var flags: [OptionFlag<Self>] { [] }
    func run(_ inv: inout Invocation) throws {
        inv.io.err.write("No alpha commands are available in this version of kubectl\n")
    }
}

struct PluginListOptions: FlagOptions {
    var nameOnly = false
    var path = ""

    static var flags: [OptionFlag<Self>] {
        [.init(\.nameOnly, "name-only", usage: "Print each plugin's file name instead of its full path.")]
    }

    mutating func complete(_ inv: inout Invocation) throws { path = inv.environment["PATH"] ?? "" }

    func run(_ inv: inout Invocation) throws {
        var seenDirs = Set<String>(), seenNames: [String: String] = [:]
        var found = false, warnings = 0
        for dir in path.split(separator: ":", omittingEmptySubsequences: false).map(String.init) {
            if dir.allSatisfy(\.isWhitespace) || !seenDirs.insert(dir).inserted { continue }
            guard let names = Self.entries(dir) else {
                let reason = Self.goErrorText(errno)
                inv.io.err.write("Unable to read directory \(GoValue.quote(dir)) from your PATH: open \(dir): \(reason). Skipping...\n")
                continue
            }
            for name in names where name.hasPrefix("kubectl-") {
                let full = dir.hasSuffix("/") ? dir + name : dir + "/" + name
                if Self.isDirectory(full) { continue }
                if !found { inv.io.out.write("The following compatible plugins are available:\n\n") }
                found = true
                inv.io.out.write((nameOnly ? name : full) + "\n")
                for w in Self.warnings(full, name: name, seen: &seenNames) {
                    inv.io.err.write("  - \(w)\n")
                    warnings += 1
                }
            }
        }
        var errors: [String] = []
        if !found { errors.append("error: unable to find any kubectl plugins in your PATH") }
        if warnings == 1 { errors.append("error: one plugin warning was found") }
        if warnings > 1 { errors.append("error: \(warnings) plugin warnings were found") }
        if !errors.isEmpty { throw CLIError.raw(errors.joined(separator: "\n")) }
    }

    static func warnings(_ full: String, name: String, seen: inout [String: String]) -> [String] {
        var out: [String] = []
        if access(full, X_OK) != 0 { out.append("warning: \(full) identified as a kubectl plugin, but it is not executable") }
        if let earlier = seen[name] {
            out.append("warning: \(full) is overshadowed by a similarly named plugin: \(earlier)")
        } else {
            seen[name] = full
        }
        let words = name.split(separator: "-", omittingEmptySubsequences: false).dropFirst().map(String.init)
        if let first = words.first, let builtin = RootCommand.spec.subcommand(named: first) {
            var command = builtin, path = ["kubectl", builtin.name]
            for w in words.dropFirst() {
                guard let sub = command.subcommand(named: w) else { break }
                command = sub
                path.append(sub.name)
            }
            out.append("warning: \(name) overwrites existing command: \(GoValue.quote(path.joined(separator: " ")))")
        }
        return out
    }

    /// The directory's entries sorted by name (Go's ReadDir order); nil when it cannot be read.
    static func entries(_ dir: String) -> [String]? {
        guard let d = opendir(dir) else { return nil }
        defer { closedir(d) }
        var names: [String] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted(by: goStringLess)
    }

    /// Go's text for an errno (its own table: lower case, as strerror's for the usual ones).
    static func goErrorText(_ code: Int32) -> String {
        guard let c = strerror(code) else { return "errno \(code)" }
        let text = String(cString: c)
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }
}
