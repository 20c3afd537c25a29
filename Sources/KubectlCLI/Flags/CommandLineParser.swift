import KubeModel

/// What the command line means: the command found, its flags (every flag has a value) and the positional
/// arguments.
public struct ParseResult: Sendable {
    /// Command words from the root, by canonical name (`["create", "secret", "generic"]` also for
    /// `create secret generic` typed through an alias).
    public var path: [String]
    public var command: CommandSpec
    public var flags: ParsedFlags
    public var args: [String]
    /// cobra's ArgsLenAtDash: the number of `args` before `--`, nil without `--`.
    public var argsLenAtDash: Int?
    /// `-h`/`--help` (or `--help=true`) was given; the caller prints the help of `command`.
    public var helpRequested: Bool
    /// The flags the command accepted: its own, then the globals it does not shadow, then cobra's `help`.
    public var flagSpecs: [FlagSpec]

    /// `kubectl create deployment`: cobra's CommandPath.
    public var commandPath: String
    /// What pflag printed while parsing (deprecated flags), for stderr before anything else.
    public var warnings: String = ""
}

/// A command-line error, rendered the way kubectl prints it (exit code 1; 2 for diff's flag errors).
public struct FlagError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// pflag parse errors: unknown flag, bad value, missing value.
        case flag
        /// cobra's `unknown command "x" for "kubectl"` (with suggestions inside `message`).
        case unknownCommand
        /// cobra's ValidateRequiredFlags: `required flag(s) "a", "b" not set` (no usage line).
        case requiredFlags
        /// kubectl's plugin lookup: `flags cannot be placed before plugin name: --x`, printed with `Error: `.
        case flagsBeforePluginName
    }

    public var kind: Kind
    /// kubectl's text without the leading `error: ` (and without a trailing newline).
    public var message: String
    /// `See 'kubectl get --help' for usage.` for flag errors.
    public var usageLine: String?
    /// 1, or 2 for a command whose flag errors are usage errors (diff).
    public var exitCode: Int32 = 1
    /// What pflag printed before the error (deprecated flags already set).
    public var warnings: String = ""
    /// `error: `, or `Error: ` for the plugin-name case.
    public var prefix: String

    public init(kind: Kind = .flag, message: String, usageLine: String? = nil, prefix: String = "error: ") {
        self.kind = kind
        self.message = message
        self.usageLine = usageLine
        self.prefix = prefix
    }

    /// Exactly what kubectl writes to stderr.
    public var rendered: String {
        var s = warnings + prefix + message + "\n"
        if let usageLine { s += usageLine + "\n" }
        return s
    }

    public var description: String { rendered }
}

/// cobra + pflag as kubectl configures them: cobra's `Find` walks subcommands with the words that are not
/// flags (or flag values), kubectl's plugin pre-check rejects flags before an unknown command, then pflag
/// parses the flags of the found command (its own plus the global flags plus cobra's `-h/--help`),
/// interspersed with positional arguments.
public enum CommandLineParser {
    /// `argv` does not include the program name.
    public static func parse(_ argv: [String], root: CommandSpec, globalFlags: [FlagSpec]) throws -> ParseResult {
        let (chain, rest) = try findCommand(argv, root: root, globalFlags: globalFlags)
        // 3. pflag FlagSet.Parse on the found command's flags.
        let command = chain[chain.count - 1]
        let path = chain.dropFirst().map(\.name)
        let commandPath = ([root.name] + path).joined(separator: " ")
        let table = FlagTable(command.flags, globalFlags, addHelp: true)
        var state = FlagValues(table)
        state.parsed.ownNames = Set(command.flags.map(\.name))
        var args: [String] = []
        var argsLenAtDash: Int? = nil
        do {
            try parseFlags(rest, table, &state, args: &args, argsLenAtDash: &argsLenAtDash)
        } catch let message as ParseFailure {
            var e = FlagError(kind: .flag, message: message.text, usageLine: "See '\(commandPath) --help' for usage.")
            if command.flagErrorsAreUsageErrors {
                e.usageLine = "See '\(commandPath) -h' for help and examples"
                e.exitCode = 2
            }
            e.warnings = state.warnings
            throw e
        }

        let helpRequested = state.parsed.bool("help")
        // 4. cobra's ValidateRequiredFlags (after the help check), flags in name order.
        let missing = table.specs.filter { $0.required && !state.parsed.changed.contains($0.name) }.map(\.name).sorted()
        if !helpRequested && !missing.isEmpty {
            var e = FlagError(kind: .requiredFlags,
                              message: "required flag(s) \"" + missing.joined(separator: "\", \"") + "\" not set")
            e.warnings = state.warnings
            throw e
        }
        var result = ParseResult(path: path, command: command, flags: state.parsed, args: args,
                                 argsLenAtDash: argsLenAtDash, helpRequested: helpRequested,
                                 flagSpecs: table.specs, commandPath: commandPath)
        result.warnings = state.warnings
        return result
    }

    /// Steps 1 and 2: the chain of commands the words name, and the words left for the last one.
    static func findCommand(_ argv: [String], root: CommandSpec, globalFlags: [FlagSpec]) throws -> (chain: [CommandSpec], rest: [String]) {
        // 1. cobra Command.Find. The help flag is not yet defined at this point (cobra adds it when it
        //    executes the found command), so `-h`/`--help` before a subcommand is taken to need a value.
        var chain: [CommandSpec] = [root]
        var rest = argv
        while true {
            let current = chain[chain.count - 1]
            let table = FlagTable(current.flags, globalFlags, addHelp: false)
            let words = stripFlags(rest, table)
            guard let next = words.first, let sub = findNext(current, next) else { break }
            rest = argsMinusFirstX(rest, next, table)
            chain.append(sub)
        }

        // 2. Root command with words left: cobra's legacyArgs error, preceded by kubectl's plugin lookup.
        if chain.count == 1 && !root.subcommands.isEmpty {
            let words = stripFlags(rest, FlagTable(root.flags, globalFlags, addHelp: false))
            if let word = words.first {
                let cmdName = argv.first { !$0.hasPrefix("-") } ?? ""
                let skipPlugins = cmdName == "help" || cmdName == "__complete" || cmdName == "__completeNoDesc"
                if !skipPlugins, let first = argv.first, first.hasPrefix("-") {
                    throw FlagError(kind: .flagsBeforePluginName,
                                    message: "flags cannot be placed before plugin name: \(first)", prefix: "Error: ")
                }
                throw FlagError(kind: .unknownCommand,
                                message: "unknown command \(GoValue.quote(word)) for \(GoValue.quote(root.name))"
                                    + suggestionsBlock(for: word, in: root))
            }
        }
        return (chain, rest)
    }

    /// pflag's parse loop: flags interspersed with arguments; `--` ends the flags.
    static func parseFlags(_ rest: [String], _ table: FlagTable, _ state: inout FlagValues,
                           args: inout [String], argsLenAtDash: inout Int?) throws {
        var i = 0
        while i < rest.count {
            let s = rest[i]
            i += 1
            let bytes = Array(s.utf8)
            if bytes.count < 2 || bytes[0] != UInt8(ascii: "-") {
                args.append(s)
                continue
            }
            if bytes[1] == UInt8(ascii: "-") {
                if bytes.count == 2 {
                    argsLenAtDash = args.count
                    args += rest[i...]
                    return
                }
                try parseLong(s, bytes, rest, &i, table, &state)
            } else {
                try parseShort(bytes, rest, &i, table, &state)
            }
        }
    }

    // MARK: cobra's command search

    /// cobra's stripFlags: the words that are neither flags nor (by the table's knowledge) flag values.
    static func stripFlags(_ input: [String], _ table: FlagTable) -> [String] {
        var commands: [String] = []
        var args = input[...]
        while let s = args.first {
            args = args.dropFirst()
            if s == "--" { break }
            if takesSeparateValue(s, table) {
                if args.count <= 1 { break }
                args = args.dropFirst()
                continue
            }
            if !s.isEmpty && !s.hasPrefix("-") { commands.append(s) }
        }
        return commands
    }

    /// cobra's argsMinusFirstX: `args` without the first non-flag occurrence of the subcommand word.
    static func argsMinusFirstX(_ args: [String], _ x: String, _ table: FlagTable) -> [String] {
        var pos = 0
        while pos < args.count {
            let s = args[pos]
            if s == "--" { break }
            if takesSeparateValue(s, table) {
                pos += 2
                continue
            }
            if !s.hasPrefix("-") && s == x {
                var out = args
                out.remove(at: pos)
                return out
            }
            pos += 1
        }
        return args
    }

    /// `--flag` (no `=`) or `-f` (exactly two characters) whose flag is unknown or has no NoOptDefVal.
    private static func takesSeparateValue(_ s: String, _ table: FlagTable) -> Bool {
        if s.contains("=") { return false }
        if s.hasPrefix("--") {
            let flag = table.byName(String(s.dropFirst(2)))
            return !(flag?.hasNoOptDefault ?? false)
        }
        let bytes = Array(s.utf8)
        if bytes.count == 2 && bytes[0] == UInt8(ascii: "-") {
            let flag = table.byShorthand(bytes[1])
            return !(flag?.hasNoOptDefault ?? false)
        }
        return false
    }

    /// cobra's findNext without prefix matching: exact name or alias.
    private static func findNext(_ command: CommandSpec, _ word: String) -> CommandSpec? {
        command.subcommands.first { $0.name == word || $0.aliases.contains(word) }
    }

    /// cobra's findSuggestions (minimum distance 2): `\n\nDid you mean this?\n\tget` or `""`.
    static func suggestionsBlock(for typed: String, in command: CommandSpec) -> String {
        let suggestions = suggestions(for: typed, in: command)
        if suggestions.isEmpty { return "" }
        return "\n\nDid you mean this?" + suggestions.map { "\n\t" + $0 }.joined()
    }

    /// cobra's SuggestionsFor: available subcommands (not hidden, not cobra's `help`) whose name is within
    /// Levenshtein distance 2 (case-insensitive) or starts with the typed word, in table order.
    public static func suggestions(for typed: String, in command: CommandSpec, maxDistance: Int = 2) -> [String] {
        let lowerTyped = typed.lowercased()
        var out: [String] = []
        for sub in command.subcommands where !sub.hidden && sub.name != "help" {
            let lowerName = sub.name.lowercased()
            if levenshtein(lowerTyped, lowerName) <= maxDistance || lowerName.hasPrefix(lowerTyped) {
                out.append(sub.name)
            }
        }
        return out
    }

    /// Byte-wise edit distance, as cobra's `ld`.
    static func levenshtein(_ a: String, _ b: String) -> Int {
        let s = Array(a.utf8), t = Array(b.utf8)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var prev = Array(0...s.count)
        var cur = [Int](repeating: 0, count: s.count + 1)
        for j in 1...t.count {
            cur[0] = j
            for i in 1...s.count {
                cur[i] = s[i - 1] == t[j - 1] ? prev[i - 1] : min(prev[i], cur[i - 1], prev[i - 1]) + 1
            }
            swap(&prev, &cur)
        }
        return prev[s.count]
    }

    // MARK: pflag

    private static func parseLong(_ s: String, _ bytes: [UInt8], _ rest: [String], _ i: inout Int,
                                  _ table: FlagTable, _ state: inout FlagValues) throws
    {
        let nameAndValue = bytes[2...]
        if nameAndValue.isEmpty || nameAndValue.first == UInt8(ascii: "-") || nameAndValue.first == UInt8(ascii: "=") {
            throw ParseFailure("bad flag syntax: \(s)")
        }
        let name: String
        var inlineValue: String? = nil
        if let eq = nameAndValue.firstIndex(of: UInt8(ascii: "=")) {
            name = String(decoding: bytes[2..<eq], as: UTF8.self)
            inlineValue = String(decoding: bytes[(eq + 1)...], as: UTF8.self)
        } else {
            name = String(decoding: nameAndValue, as: UTF8.self)
        }
        guard let flag = table.byName(name) else {
            throw ParseFailure("unknown flag: --\(name)")
        }
        let value: String
        if let inlineValue {
            value = inlineValue
        } else if flag.hasNoOptDefault {
            value = flag.noOptDefault!
        } else if i < rest.count {
            value = rest[i]
            i += 1
        } else {
            throw ParseFailure("flag needs an argument: \(s)")
        }
        try state.set(flag, value)
    }

    private static func parseShort(_ bytes: [UInt8], _ rest: [String], _ i: inout Int,
                                   _ table: FlagTable, _ state: inout FlagValues) throws
    {
        var shorthands = bytes[1...]
        let nextArg = i < rest.count ? rest[i] : nil
        while let c = shorthands.first {
            let shown = String(decoding: shorthands, as: UTF8.self)
            let charText = GoValue.quoteRune(Unicode.Scalar(c))
            guard let flag = table.byShorthand(c) else {
                throw ParseFailure("unknown shorthand flag: \(charText) in -\(shown)")
            }
            let value: String
            if shorthands.count > 2 && shorthands[shorthands.startIndex + 1] == UInt8(ascii: "=") {
                value = String(decoding: shorthands.dropFirst(2), as: UTF8.self)
                shorthands = []
            } else if flag.hasNoOptDefault {
                value = flag.noOptDefault!
                shorthands = shorthands.dropFirst()
            } else if shorthands.count > 1 {
                value = String(decoding: shorthands.dropFirst(), as: UTF8.self)
                shorthands = []
            } else if let nextArg {
                value = nextArg
                i += 1
                shorthands = []
            } else {
                throw ParseFailure("flag needs an argument: \(charText) in -\(shown)")
            }
            try state.set(flag, value)
        }
    }
}

struct ParseFailure: Error {
    var text: String
    init(_ text: String) { self.text = text }
}

extension FlagSpec {
    /// pflag treats an empty NoOptDefVal as none.
    var hasNoOptDefault: Bool { !(noOptDefault ?? "").isEmpty }

    /// How pflag names the flag in `invalid argument` errors: `-r, --replicas` or `--overwrite`.
    var errorName: String {
        if let shorthand { return "-\(shorthand), --\(name)" }
        return "--\(name)"
    }

    /// The default as values (`[a,b]` → `["a", "b"]` for lists).
    var defaultValues: [String] {
        switch kind {
        case .stringArray, .stringSlice, .stringToString:
            var text = Substring(defaultValue)
            if text.hasPrefix("[") && text.hasSuffix("]") { text = text.dropFirst().dropLast() }
            if text.isEmpty { return [] }
            if case .success(let items) = GoValue.readCSVRecord(String(text)) { return items }
            return text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        default:
            return [defaultValue]
        }
    }
}

/// The flags one command accepts, looked up as pflag does (names normalised: `_` → `-`, as kubectl's
/// WordSepNormalizeFunc).
struct FlagTable {
    var specs: [FlagSpec] = []
    private var names: [String: Int] = [:]
    private var shorthands: [UInt8: Int] = [:]

    init(_ own: [FlagSpec], _ globals: [FlagSpec], addHelp: Bool) {
        for spec in own + globals { add(spec) }
        if addHelp && names["help"] == nil {
            let short: Character? = shorthands[UInt8(ascii: "h")] == nil ? "h" : nil
            add(FlagSpec("help", short: short, .bool, usage: "help for this command"))
        }
    }

    private mutating func add(_ spec: FlagSpec) {
        let key = FlagTable.normalize(spec.name)
        guard names[key] == nil else { return }
        names[key] = specs.count
        if let short = spec.shorthand, let byte = String(short).utf8.first, String(short).utf8.count == 1,
           shorthands[byte] == nil
        {
            shorthands[byte] = specs.count
        }
        specs.append(spec)
    }

    static func normalize(_ name: String) -> String {
        name.contains("_") ? name.replacingUnderscores() : name
    }

    func byName(_ name: String) -> FlagSpec? { names[FlagTable.normalize(name)].map { specs[$0] } }
    func byShorthand(_ c: UInt8) -> FlagSpec? { shorthands[c].map { specs[$0] } }
}

private extension String {
    func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}

/// pflag's flag values while parsing.
struct FlagValues {
    var parsed = ParsedFlags()
    /// pflag's deprecation notices, one line per setting of a deprecated flag.
    var warnings = ""

    init(_ table: FlagTable) {
        for spec in table.specs { parsed.values[spec.name] = spec.defaultValues }
    }

    mutating func set(_ flag: FlagSpec, _ value: String) throws {
        func invalid(_ error: GoValueError) -> ParseFailure {
            ParseFailure("invalid argument \(GoValue.quote(value)) for \(GoValue.quote(flag.errorName)) flag: \(error.text)")
        }
        if let refusal = flag.syntax.refusal(value, kind: flag.kind) { throw invalid(GoValueError(refusal)) }
        let stored: [String]
        switch flag.kind {
        case .bool:
            switch GoValue.parseBool(value) {
            case .success(let b): stored = [b ? "true" : "false"]
            case .failure(let e): throw invalid(e)
            }
        case .int:
            switch GoValue.parseInt(value, bitSize: flag.bitSize) {
            case .success(let n): stored = [String(n)]
            case .failure(let e): throw invalid(e)
            }
        case .duration:
            switch GoValue.parseDuration(value) {
            case .success(let ns): stored = [GoValue.formatDuration(ns)]
            case .failure(let e): throw invalid(e)
            }
        case .string:
            stored = [value]
        case .stringArray:
            stored = (parsed.changed.contains(flag.name) ? parsed.values[flag.name] ?? [] : []) + [value]
        case .stringSlice:
            switch GoValue.readCSVRecord(value) {
            case .success(let items):
                stored = (parsed.changed.contains(flag.name) ? parsed.values[flag.name] ?? [] : []) + items
            case .failure(let e): throw invalid(e)
            }
        case .stringToString:
            // pflag: one `=` is one pair (commas kept); several are read as a CSV record.
            func notPair(_ text: String) -> ParseFailure {
                ParseFailure("invalid argument \(GoValue.quote(value)) for \(GoValue.quote(flag.errorName)) flag: \(text) must be formatted as key=value")
            }
            let equals = value.filter { $0 == "=" }.count
            var items: [String]
            if equals == 0 { throw notPair(value) }
            if equals == 1 {
                items = [String(value.drop { $0 == "\"" }.reversed().drop { $0 == "\"" }.reversed())]
            } else {
                guard case .success(let record) = GoValue.readCSVRecord(value) else { throw notPair(value) }
                items = record
            }
            if let bad = items.first(where: { !$0.contains("=") }) { throw notPair(bad) }
            stored = (parsed.changed.contains(flag.name) ? parsed.values[flag.name] ?? [] : []) + items
        }
        parsed.values[flag.name] = stored
        parsed.changed.insert(flag.name)
        parsed.given.append(FlagSetting(name: flag.name, value: value))
        if let message = flag.deprecated { warnings += "Flag --\(flag.name) has been deprecated, \(message)\n" }
    }
}
