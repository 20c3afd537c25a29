/// `--help` / `-h` text in kubectl's layout, generated from the command table: description, aliases,
/// examples, subcommands, options (flag, default, indented usage), the usage line and the closing hints.
/// The words come from each `CommandSpec` (or, for commands written before help existed, from
/// `HelpTexts`); the layout is kubectl's.
enum Help {
    /// The command of `path` in the table (nil if a word is unknown).
    static func command(at path: [String], root: CommandSpec = RootCommand.spec) -> CommandSpec? {
        var c = root
        for w in path {
            guard let s = c.subcommand(named: w) else { return nil }
            c = s
        }
        return c
    }

    static func render(_ command: CommandSpec, path: [String]) -> String {
        if path.isEmpty { return renderRoot(command) }
        var out = description(command, path: path) + "\n\n"
        if !command.aliases.isEmpty {
            out += "Aliases:\n" + ([command.name] + command.aliases).joined(separator: ", ") + "\n\n"
        }
        let example = examples(command, path: path)
        if !example.isEmpty {
            out += "Examples:\n" + indent(example) + "\n\n"
        }
        let subs = visibleSubcommands(command)
        if !subs.isEmpty {
            out += "Available Commands:\n" + commandList(subs.sorted { $0.name < $1.name }, siblings: command.subcommands) + "\n"
        }
        let flags = visibleFlags(command)
        if !flags.isEmpty {
            out += "Options:\n" + flagList(flags)
        }
        out += "Usage:\n  " + usageLine(command, path: path) + "\n\n"
        if !subs.isEmpty {
            out += "Use \"\((["kubectl"] + path).joined(separator: " ")) <command> --help\" for more information about a given command.\n"
        }
        out += "Use \"kubectl options\" for a list of global command-line options (applies to all commands).\n"
        return out
    }

    /// `kubectl --help`: the root's description, then its commands in kubectl's groups.
    static func renderRoot(_ root: CommandSpec) -> String {
        var out = description(root, path: []) + "\n\n"
        let subs = visibleSubcommands(root)
        for (title, members) in groups(of: root) {
            out += title + "\n" + commandList(members, siblings: subs) + "\n"
        }
        _ = subs
        out += "Usage:\n  " + usageLine(root, path: []) + "\n\n"
        out += "Use \"kubectl <command> --help\" for more information about a given command.\n"
        out += "Use \"kubectl options\" for a list of global command-line options (applies to all commands).\n"
        return out
    }

    /// `kubectl options`: the global flags.
    static func renderOptions(_ globals: [FlagSpec] = GlobalFlags.all) -> String {
        "The following options can be passed to any command:\n\n" + flagList(globals.filter { !$0.hidden })
    }

    // MARK: Pieces (shared with the man pages)

    /// The long description, else the short one.
    static func description(_ command: CommandSpec, path: [String]) -> String {
        let key = path.joined(separator: " ")
        let long = command.long.isEmpty ? (HelpTexts.long[key] ?? "") : command.long
        if !long.isEmpty { return trimmed(long) }
        let short = trimmed(command.short)
        if let last = short.last, !".!?".contains(last) { return short + "." }
        return short
    }

    /// Example lines without indentation (`# comment` / command pairs separated by blank lines).
    static func examples(_ command: CommandSpec, path: [String]) -> String {
        let text = command.example.isEmpty ? (HelpTexts.examples[path.joined(separator: " ")] ?? "") : command.example
        return trimmed(text)
    }

    static func visibleSubcommands(_ command: CommandSpec) -> [CommandSpec] {
        command.subcommands.filter { !$0.hidden }
    }

    /// The command's own flags without hidden ones, by name (as kubectl lists them).
    static func visibleFlags(_ command: CommandSpec) -> [FlagSpec] {
        var seen = Set<String>()
        return command.flags.filter { !$0.hidden && $0.name != "help" && seen.insert($0.name).inserted }
            .sorted { $0.name < $1.name }
    }

    /// `kubectl get [...] [options]`: the command's `use` after its parents' words.
    static func usageLine(_ command: CommandSpec, path: [String]) -> String {
        if path.isEmpty { return command.use }
        let line = (["kubectl"] + path.dropLast() + [command.use]).joined(separator: " ")
        return line.contains("[options]") ? line : line + " [options]"
    }

    /// `    -o, --output='':` + tab-indented usage, one blank line after each.
    static func flagList(_ flags: [FlagSpec]) -> String {
        var out = ""
        for f in flags {
            out += "    " + flagHeading(f) + ":\n\t" + f.usage + "\n\n"
        }
        return out
    }

    /// `-o, --output=''` (strings quoted, other kinds as pflag prints them).
    static func flagHeading(_ f: FlagSpec) -> String {
        let short = f.shorthand.map { "-\($0), " } ?? ""
        return short + "--" + f.name + "=" + defaultText(f)
    }

    static func defaultText(_ f: FlagSpec) -> String {
        f.kind == .string ? "'\(f.defaultValue)'" : f.defaultValue
    }

    /// `  name` padded to the longest sibling name (at least 11, as cobra) plus three spaces, then the short text.
    static func commandList(_ commands: [CommandSpec], siblings: [CommandSpec]) -> String {
        let width = max(11, siblings.filter { !$0.hidden }.map(\.name.count).max() ?? 0) + 3
        var out = ""
        for c in commands {
            out += "  " + c.name + String(repeating: " ", count: max(1, width - c.name.count)) + c.short + "\n"
        }
        return out
    }

    // MARK: Groups

    /// kubectl's root groups, in its order; commands without a group go to `Other Commands:`.
    static let groupOrder = [
        "Basic Commands (Beginner):", "Basic Commands (Intermediate):", "Deploy Commands:",
        "Cluster Management Commands:", "Troubleshooting and Debugging Commands:", "Advanced Commands:",
        "Settings Commands:", "Other Commands:",
    ]

    /// Where kubectl lists its commands (group and position), so a command added to the table without a
    /// `group` still lands where kubectl users look for it.
    static let kubectlPlacement: [(group: String, names: [String])] = [
        ("Basic Commands (Beginner):", ["create", "expose", "run", "set"]),
        ("Basic Commands (Intermediate):", ["explain", "get", "edit", "delete"]),
        ("Deploy Commands:", ["rollout", "scale", "autoscale"]),
        ("Cluster Management Commands:", ["certificate", "cluster-info", "top", "cordon", "uncordon", "drain", "taint"]),
        ("Troubleshooting and Debugging Commands:", ["describe", "logs", "attach", "exec", "port-forward", "proxy", "cp",
                                                     "auth", "debug", "events"]),
        ("Advanced Commands:", ["diff", "apply", "patch", "replace", "wait", "kustomize"]),
        ("Settings Commands:", ["label", "annotate", "completion"]),
        ("Other Commands:", ["api-resources", "api-versions", "config", "plugin", "version", "options"]),
    ]

    static func groupTitle(of command: CommandSpec) -> String {
        if let placed = kubectlPlacement.first(where: { $0.names.contains(command.name) }) { return placed.group }
        if groupOrder.contains(command.group) { return command.group }
        return command.group.isEmpty ? "Other Commands:" : command.group
    }

    /// Visible root commands by group: kubectl's groups in kubectl's order (then any new group), and
    /// inside a group kubectl's command order, then the table's.
    static func groups(of root: CommandSpec) -> [(String, [CommandSpec])] {
        // kubectl leaves `options` out of the list (the closing line points to it).
        let subs = visibleSubcommands(root).filter { $0.name != "options" }
        var titles = groupOrder
        for c in subs where !titles.contains(groupTitle(of: c)) { titles.insert(groupTitle(of: c), at: titles.count - 1) }
        var result: [(String, [CommandSpec])] = []
        for title in titles {
            let known = kubectlPlacement.first { $0.group == title }?.names ?? []
            let members = subs.enumerated().filter { groupTitle(of: $0.element) == title }.sorted { a, b in
                let ia = known.firstIndex(of: a.element.name) ?? known.count + a.offset
                let ib = known.firstIndex(of: b.element.name) ?? known.count + b.offset
                return ia < ib
            }.map(\.element)
            if !members.isEmpty { result.append((title, members)) }
        }
        return result
    }

    // MARK: Text helpers

    static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }

    static func trimmed(_ text: String) -> String {
        var s = Substring(text)
        while let f = s.first, f == "\n" || f == " " { s = s.dropFirst() }
        while let l = s.last, l == "\n" || l == " " { s = s.dropLast() }
        return String(s)
    }
}
