import KubeModel

/// The kinds of value a flag takes, with pflag's parsing rules.
public enum FlagKind: Sendable, Equatable {
    /// `--x`, `--x=true|false` (never takes the next argument).
    case bool
    case string
    case int
    /// Go duration or bare number of seconds, kept as text (`--timeout=30s`).
    case duration
    /// Repeatable; each occurrence appends one value (pflag StringArray).
    case stringArray
    /// Repeatable; each occurrence is split at commas (pflag StringSlice).
    case stringSlice
    /// Repeatable `key=value` pairs, each occurrence split at commas (pflag StringToString); kept as
    /// `key=value` texts in the order given.
    case stringToString
}

/// Who checks a flag's value when it is set: pflag (the kind's parser), or the value type kubectl
/// registers for the flag instead (the klog and Go `flag` package flags among the global ones).
public enum FlagSyntax: Sendable, Equatable {
    case pflag
    /// Go's `flag` package: any unparsable value is reported as `parse error`.
    case goFlag
    /// klog's `Level`: a base-10 int32.
    case klogLevel
    /// klog's `moduleSpec`: `pattern=N,...` with N a non-negative base-10 int32.
    case klogVModule
    /// component-base's `MapStringString`: comma-separated `key=value` pairs, blanks trimmed.
    case mapStringString

    /// The error text for a value this syntax refuses (nil: the kind's own parser decides).
    func refusal(_ value: String, kind: FlagKind) -> String? {
        switch self {
        case .pflag:
            return nil
        case .goFlag:
            if kind == .duration, case .failure = GoValue.parseDuration(value) { return "parse error" }
            return nil
        case .klogLevel:
            return Self.base10Int32(value).failure
        case .klogVModule:
            for pattern in value.split(separator: ",", omittingEmptySubsequences: true) {
                let parts = pattern.split(separator: "=", omittingEmptySubsequences: false)
                let syntax = "syntax error: expect comma-separated list of filename=N"
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return syntax }
                guard case .success(let level) = Self.base10Int32(String(parts[1])) else { return syntax }
                if level < 0 { return "negative value for vmodule level" }
            }
            return nil
        case .mapStringString:
            return Self.mapPairs(value) == nil ? "malformed pair, expect string=string" : nil
        }
    }

    /// The pairs of one `MapStringString` value, nil when a part has no `=`.
    static func mapPairs(_ value: String) -> [(String, String)]? {
        var pairs: [(String, String)] = []
        for part in value.split(separator: ",", omittingEmptySubsequences: false) {
            func trim<S: StringProtocol>(_ t: S) -> String {
                String(String(t.drop(while: \.isWhitespace).reversed()).drop(while: \.isWhitespace).reversed())
            }
            let s = trim(part)
            if s.isEmpty { continue }
            guard let eq = s.firstIndex(of: "=") else { return nil }
            pairs.append((trim(s[..<eq]), trim(s[s.index(after: eq)...])))
        }
        return pairs
    }

    /// strconv.ParseInt(value, 10, 32).
    static func base10Int32(_ value: String) -> Result<Int64, GoValueError> {
        let digits = value.drop { $0 == "+" || $0 == "-" }
        if value.count - digits.count > 1 || digits.isEmpty || !digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return .failure(GoValueError("strconv.ParseInt: parsing \(GoValue.quote(value)): invalid syntax"))
        }
        return GoValue.parseInt(value, bitSize: 32)
    }
}

extension Result where Failure == GoValueError {
    var failure: String? { if case .failure(let e) = self { return e.text }; return nil }
}

/// One flag of the command table. The table is data: parsing, help, completions and man pages read it.
public struct FlagSpec: Sendable, Equatable {
    public var name: String
    public var shorthand: Character?
    public var kind: FlagKind
    /// The default as help prints it (`""`, `"false"`, `"-1"`, `"[]"`).
    public var defaultValue: String
    public var usage: String
    /// pflag `NoOptDefVal`: the value used when the flag is given without `=value`
    /// (`--dry-run` alone means `unchanged`, `-o` never has one).
    public var noOptDefault: String?
    public var hidden: Bool
    /// Values offered by completion (`-o` formats, `--dry-run` modes).
    public var completions: [String]
    /// For `.int`: the Go integer size (`32` for pflag Int32 flags such as `--replicas`), which sets the
    /// range `strconv.ParseInt` accepts.
    public var bitSize: Int
    /// cobra `MarkFlagRequired`: parsing fails with `required flag(s) "image" not set` when not given.
    public var required: Bool
    /// pflag `MarkDeprecated`: setting the flag prints `Flag --NAME has been deprecated, MESSAGE`
    /// to stderr (the flag still works; such flags are hidden).
    public var deprecated: String?
    public var syntax: FlagSyntax

    public init(_ name: String, short: Character? = nil, _ kind: FlagKind, default def: String? = nil,
                usage: String, noOptDefault: String? = nil, hidden: Bool = false, completions: [String] = [],
                bits: Int = 64, required: Bool = false, deprecated: String? = nil, syntax: FlagSyntax = .pflag)
    {
        self.name = name
        self.shorthand = short
        self.kind = kind
        self.defaultValue = def ?? {
            switch kind {
            case .bool: return "false"
            case .int: return "0"
            case .stringArray, .stringSlice, .stringToString: return "[]"
            case .string, .duration: return ""
            }
        }()
        self.usage = usage
        self.noOptDefault = noOptDefault ?? (kind == .bool ? "true" : nil)
        self.hidden = hidden
        self.completions = completions
        self.bitSize = bits
        self.required = required
        self.deprecated = deprecated
        self.syntax = syntax
    }
}

/// One flag setting as typed: its canonical name and value.
public struct FlagSetting: Sendable, Equatable {
    public var name: String
    public var value: String
}

/// Flag values after parsing: every flag of the command has a value (its default when not given).
/// Reading a flag the command does not declare is a programming error (it fails in debug builds and
/// so in tests); every read is recorded, so a test can find declared flags that nothing reads.
public struct ParsedFlags: Sendable {
    public var values: [String: [String]] = [:]
    /// Flags the user set explicitly (pflag `Changed`).
    public var changed: Set<String> = []
    /// Every flag setting in command-line order, with the value as given (`true` for a bare bool flag).
    public var given: [FlagSetting] = []
    /// The names read so far (shared by copies of these flags).
    public let reads = FlagReads()
    /// The command's own flags: where one shares a global flag's name (`create rolebinding --user`),
    /// it shadows the global one, as a cobra local flag does.
    public var ownNames: Set<String> = []
    public init() {}

    public func string(_ name: String) -> String { value(name)?.last ?? "" }
    public func bool(_ name: String) -> Bool { string(name) == "true" }
    public func int(_ name: String) -> Int { Int(string(name)) ?? 0 }
    public func strings(_ name: String) -> [String] { value(name) ?? [] }
    public func isSet(_ name: String) -> Bool { _ = value(name); return changed.contains(name) }
    /// Whether the command declares the flag (shared helpers read optional flags only then).
    public func declares(_ name: String) -> Bool { values[name] != nil }
    /// A `.duration` flag's value in nanoseconds (nil if the text is not a Go duration).
    public func durationNanoseconds(_ name: String) -> Int64? {
        if case .success(let ns) = GoValue.parseDuration(string(name)) { return ns }
        return nil
    }

    private func value(_ name: String) -> [String]? {
        assert(values.isEmpty || values[name] != nil, "flag --\(name) is read but not declared by this command")
        reads.insert(name)
        return values[name]
    }
}

/// The flag names a command has read (see `ParsedFlags.reads`).
public final class FlagReads: @unchecked Sendable {
    public private(set) var names: Set<String> = []
    func insert(_ name: String) { names.insert(name) }
}

