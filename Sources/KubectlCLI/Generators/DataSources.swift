import KubeModel

/// Key/value collection for `create configmap` and `create secret generic|docker-registry`:
/// `--from-literal`, `--from-file` (files and directories) and `--from-env-file`, with kubectl's
/// checks and error texts. `isSecret` switches the texts and keeps every value as bytes.
struct DataCollector {
    let objectName: String
    let isSecret: Bool
    let context: GeneratorContext
    /// Keys in insertion order; text values (configmap `data`) and byte values (`binaryData` / secret data).
    var text: [(String, String)] = []
    var binary: [(String, [UInt8])] = []

    init(objectName: String, isSecret: Bool, context: GeneratorContext) {
        self.objectName = objectName
        self.isSecret = isSecret
        self.context = context
    }

    mutating func add(key: String, bytes: [UInt8]) throws {
        let errs = isConfigMapKey(key)
        if isSecret {
            if !errs.isEmpty {
                throw CLIError.message("\(strconvQuote(key)) is not valid key name for a Secret \(errs.joined(separator: ";"))")
            }
            if binary.contains(where: { $0.0 == key }) {
                throw CLIError.message("cannot add key \(key), another key by that name already exists")
            }
            binary.append((key, bytes))
            return
        }
        if !errs.isEmpty {
            throw CLIError.message("\(strconvQuote(key)) is not a valid key name for a ConfigMap: \(errs.joined(separator: ","))")
        }
        if text.contains(where: { $0.0 == key }) {
            throw CLIError.message("cannot add key \(strconvQuote(key)), another key by that name already exists in Data for ConfigMap \(strconvQuote(objectName))")
        }
        if binary.contains(where: { $0.0 == key }) {
            throw CLIError.message("cannot add key \(strconvQuote(key)), another key by that name already exists in BinaryData for ConfigMap \(strconvQuote(objectName))")
        }
        if let s = String(validatingUTF8Bytes: bytes) { text.append((key, s)) } else { binary.append((key, bytes)) }
    }

    mutating func addLiterals(_ sources: [String]) throws {
        for source in sources {
            let kv = Gen.splitN2(source, "=")
            // A leading `=` is refused before the split (kubectl's ParseLiteralSource).
            if kv.count != 2 || source.hasPrefix("=") {
                throw CLIError.message("invalid literal source \(source), expected key=value")
            }
            try add(key: kv[0], bytes: Array(kv[1].utf8))
        }
    }

    /// `util.ParseFileSource`: `[key=]path`.
    static func parseFileSource(_ source: String) throws -> (key: String, path: String) {
        let n = source.filter { $0 == "=" }.count
        if n == 0 {
            var p = source
            while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
            let base = p.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? p
            return (p.isEmpty ? "." : (base.isEmpty ? "/" : base), source)
        }
        if n == 1 && source.hasPrefix("=") {
            throw CLIError.message("key name for file path \(source.dropFirst()) missing")
        }
        if n == 1 && source.hasSuffix("=") {
            throw CLIError.message("file path for key name \(source.dropLast()) missing")
        }
        if n > 1 { throw CLIError.message("key names or file paths cannot contain '='") }
        let kv = Gen.splitN2(source, "=")
        return (kv[0], kv[1])
    }

    mutating func addFiles(_ sources: [String]) throws {
        for source in sources {
            let (key, path) = try Self.parseFileSource(source)
            let kind: GeneratorFiles.Kind
            switch context.files.stat(path) {
            case .failure(let e): throw CLIError.message("error reading \(path): \(e.text)")
            case .success(let k): kind = k
            }
            if kind == .directory {
                if source.contains("=") { throw CLIError.message("cannot give a key name for a directory path") }
                let names: [String]
                switch context.files.regularFiles(in: path) {
                case .failure(let e): throw CLIError.message("error listing files in \(path): \(e.text)")
                case .success(let n): names = n
                }
                for name in names {
                    let item = path.hasSuffix("/") ? path + name : path + "/" + name
                    try add(key: name, bytes: try readFile(item))
                }
            } else {
                try add(key: key, bytes: try readFile(path))
            }
        }
    }

    private func readFile(_ path: String) throws -> [UInt8] {
        switch context.files.read(path) {
        case .failure(let e): throw CLIError.message("\(e.op) \(path): \(e.text)")
        case .success(let b): return b
        }
    }

    mutating func addEnvFiles(_ sources: [String]) throws {
        for path in sources {
            switch context.files.stat(path) {
            case .failure(let e): throw CLIError.message("error reading \(path): \(e.text)")
            case .success(.directory): throw CLIError.message("env config file cannot be a directory")
            case .success: break
            }
            let bytes = try readFile(path)
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
            if lines.last?.isEmpty == true { lines.removeLast() }
            for (i, var raw) in lines.enumerated() {
                if raw.last == 0x0D { raw.removeLast() }  // bufio.ScanLines drops a trailing \r
                guard var line = String(validatingUTF8Bytes: raw) else {
                    let goBytes = "[" + raw.map(String.init).joined(separator: " ") + "]"  // Go's %v of []byte
                    throw CLIError.message("env file \(path) contains invalid utf8 bytes at line \(i + 1): \(goBytes)")
                }
                if i == 0, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
                let trimmed = String(line.drop(while: { $0.isWhitespace }))
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                let kv = Gen.splitN2(trimmed, "=")
                let key = kv[0]
                let errs = isEnvVarName(key)
                if !errs.isEmpty {
                    throw CLIError.message("\(strconvQuote(key)) is not a valid key name: \(errs.joined(separator: ";"))")
                }
                let value = kv.count == 2 ? kv[1] : (context.environment[key] ?? "")
                try add(key: key, bytes: Array(value.utf8))
            }
        }
    }

    var dataJSON: JSONValue? {
        if text.isEmpty { return Optional<JSONValue>.none }
        return Gen.sortedMap(text)
    }
    var binaryJSON: JSONValue? {
        if binary.isEmpty { return Optional<JSONValue>.none }
        return Gen.sortedMap(binary.map { ($0.0, base64Encode($0.1)) })
    }
}

extension String {
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var s = ""
        loop: while true {
            switch decoder.decode(&it) {
            case .scalarValue(let u): s.unicodeScalars.append(u)
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        self = s
    }
}
