#if canImport(Glibc)
import Glibc
#endif
import KubeCodec
import KubeModel
import KubeSchema

/// One object read from `-f`: where it came from (kubectl's "source" in `error when creating "x.yaml"`)
/// and the object itself.
struct SourcedObject {
    var source: String
    var object: JSONValue
    /// An item of a typed list (`kind: PodList`) decoded without a kind of its own: kubectl's typed
    /// object has none, so with `--local` (no mapping) its messages name it `/NAME`.
    var kindlessListItem = false
}

/// Reads `-f FILE|DIR|-` (with `-R`) the way kubectl's builder does: files by extension inside
/// directories, multi-document YAML or JSON, `List` kinds flattened into their items.
enum FileSource {
    static let extensions = [".json", ".yaml", ".yml"]

    static func read(paths: [String], recursive: Bool, stdin: @escaping () -> [UInt8]) throws -> [SourcedObject] {
        let r = try readPartial(paths: paths, recursive: recursive, stdin: stdin)
        if let e = r.error { throw e }
        return r.objects
    }

    /// Like `read`, but a document that fails to parse ends reading with the objects before it kept, as
    /// kubectl's streaming visitor handles every document before the broken one.
    /// `validate`: kubectl's client-side check of each document (create, apply, replace unless
    /// `--validate=false`) comes before decoding, with its own messages.
    static func readPartial(paths: [String], recursive: Bool, validate: Bool = false,
                            stdin: @escaping () -> [UInt8]) throws -> (objects: [SourcedObject], error: Error?) {
        var result: [SourcedObject] = []
        var stream = FileObjectStream(paths: paths, recursive: recursive, validate: validate, stdin: stdin)
        while let next = stream.next() {
            switch next {
            case .success(let o): result.append(o)
            case .failure(let e): return (result, e)
            }
        }
        return (result, nil)
    }

    static func decode(_ text: String, source: String) throws -> [SourcedObject] {
        var out: [SourcedObject] = []
        try decode(text, source: source, into: &out)
        return out
    }

    static func decode(_ text: String, source: String, validate: Bool = false, into out: inout [SourcedObject]) throws {
        var cursor = YAMLDocumentCursor(bytes: Array(text.utf8), source: source)
        while let doc = try nextDocument(&cursor) {
            for item in try objects(of: doc, source: source, validate: validate) { out.append(SourcedObject(source: source, object: item)) }
        }
    }

    /// The next document of a file, its read error as kubectl words it.
    static func nextDocument(_ cursor: inout YAMLDocumentCursor) throws -> JSONValue? {
        do { return try cursor.next() } catch let e as YAMLError { throw CLIError.message(e.message) }
    }

    /// The objects of one document (a List's items), after kubectl's checks of it.
    static func objects(of doc: JSONValue, source: String, validate: Bool) throws -> [JSONValue] {
        if validate { try validateTypeMeta(doc, source: source) }
        return try decodedObjects(of: doc, source: source)
    }

    /// kubectl's decoding of one document (cli-runtime's unstructured decoder, then its metadata check):
    /// an error here refuses this document only (its stream visitor goes on with the next one), where a
    /// validation error ends the file. A document with `items` is a list whatever its kind; its items
    /// without kind and apiVersion take the list's (`PodList` items become `Pod`s). `requireAPIVersion`
    /// false: a document without apiVersion is taken (the decoder does not ask for one; `--local`).
    static func decodedObjects(of doc: JSONValue, source: String, requireAPIVersion: Bool = true) throws -> [JSONValue] {
        guard case .object(let o) = doc else {
            // kubectl decodes each document into a struct: anything but a map cannot be one.
            throw CLIError.message("unable to decode \(goQuoted(source)): json: cannot unmarshal \(doc.goJSONTypeName) into Go value of type unstructured.detector")
        }
        var items: [JSONValue]?
        if let raw = o["items"] {
            switch raw {
            case .null: items = []
            case .array(let a):
                items = try a.map { item in
                    guard case .object = item else {
                        throw CLIError.message("unable to decode \(goQuoted(source)): json: cannot unmarshal \(item.goJSONTypeName) into Go value of type map[string]interface {}")
                    }
                    return listItem(item, of: doc)
                }
            default:
                throw CLIError.message("unable to decode \(goQuoted(source)): json: cannot unmarshal \(raw.goJSONTypeName) into Go struct field decodeList.items of type []json.RawMessage")
            }
        }
        try checkTypeMeta(doc, source: source, requireAPIVersion: requireAPIVersion && items == nil)
        if let e = clientMetadataDecodeError(doc) { throw CLIError.message("unable to decode \(goQuoted(source)): \(e)") }
        guard let items else { return [doc] }
        for item in items {
            try checkTypeMeta(item, source: source, requireAPIVersion: requireAPIVersion)
            if isList(item) { throw CLIError.message("*unstructured.Unstructured is not a list: no Items field in this object") }
        }
        return items
    }

    /// An item of a list as the unstructured list decoder leaves it: one without kind and apiVersion
    /// takes the list's apiVersion and its kind without `List`.
    static func listItem(_ item: JSONValue, of list: JSONValue) -> JSONValue {
        guard (item["kind"].string ?? "").isEmpty, (item["apiVersion"].string ?? "").isEmpty else { return item }
        var o = item
        var kind = list["kind"].string ?? ""
        if kind.hasSuffix("List") { kind.removeLast(4) }
        o["kind"] = .string(kind)
        o["apiVersion"] = .string(list["apiVersion"].string ?? "")
        return o
    }

    static func isList(_ doc: JSONValue) -> Bool {
        (doc["kind"].string ?? "").hasSuffix("List") && doc["items"].array != nil
    }

    /// kubectl's schema validator looks at apiVersion and kind before anything else.
    static func validateTypeMeta(_ doc: JSONValue, source: String) throws {
        var problems: [String] = []
        if case .object(let o) = doc {
            for field in ["apiVersion", "kind"] {
                switch o[field] {
                case nil, .null?: problems.append("\(field) not set")
                case .string?: break
                default: problems.append("\(field) isn't string type")
                }
            }
        } else {
            problems.append("invalid object to validate")
        }
        guard !problems.isEmpty else { return }
        let detail = problems.count == 1 ? problems[0] : "[" + problems.joined(separator: ", ") + "]"
        throw CLIError.message("error validating \(goQuoted(source)): error validating data: \(detail); if you choose to ignore these errors, turn validation off with --validate=false")
    }

    /// The unstructured decoder's kind check (an apiVersion that is not a group/version hides the kind);
    /// a non-string apiVersion is left to the metadata check, which names its Go type.
    static func checkTypeMeta(_ obj: JSONValue, source: String, requireAPIVersion: Bool = true) throws {
        let apiVersion = obj["apiVersion"].string ?? ""
        if (obj["kind"].string ?? "").isEmpty || apiVersion.filter({ $0 == "/" }).count > 1 {
            throw CLIError.message("unable to decode \(goQuoted(source)): Object 'Kind' is missing in '\(obj.jsonString(.compactOrdered))'")
        }
        if requireAPIVersion, apiVersion.isEmpty, obj["apiVersion"].string != nil || obj["apiVersion"].isNull {
            throw CLIError.message("unable to decode \(goQuoted(source)): Object 'apiVersion' is missing in '\(obj.jsonString(.compactOrdered))'")
        }
    }

    /// kubectl checks every local path of `-f` (not stdin, not URLs) before it reads any of them.
    static func checkLocalPathsExist(_ paths: [String]) throws {
        for path in paths where path != "-" && !OfflineURL.isURL(path) {
            var st = stat()
            guard stat(path, &st) == 0 else { throw CLIError.message("the path \(goQuoted(path)) does not exist") }
        }
    }

    static func readText(_ path: String) throws -> String {
        String(decoding: try readRaw(path), as: UTF8.self)
    }

    /// A file's bytes as `readText` reads them (invalid UTF-8 replaced). An ASCII file (most manifests)
    /// is kept as read, without a second copy as text.
    static func readBytes(_ path: String) throws -> [UInt8] {
        let raw = try readRaw(path)
        if raw.allSatisfy({ $0 < 0x80 }) { return raw }
        return Array(String(decoding: raw, as: UTF8.self).utf8)
    }

    private static func readRaw(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CLIError.message("open \(path): no such file or directory") }
        defer { close(fd) }
        return readAll(fd: fd)
    }

    /// cli-runtime's singleItemImplied for `-f`: one path that is not stdin and names one file (a
    /// directory counts when it holds exactly one), whatever number of documents it holds.
    static func impliesSingleItem(_ paths: [String], recursive: Bool) -> Bool {
        guard paths.count == 1, let path = paths.first, path != "-" else { return false }
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { return true }
        return ((try? listFiles(path, recursive: recursive)) ?? []).count == 1
    }

    /// Files with a known extension, in lexical order (as filepath.Walk visits them). Like Walk, a
    /// symbolic link is never descended into (so a link to a parent cannot loop); one with a known
    /// extension is read through.
    static func listFiles(_ dir: String, recursive: Bool) throws -> [String] {
        guard let d = opendir(dir) else { return [] }
        var names: [String] = []
        while let e = readdir(d) {
            let name = withUnsafePointer(to: e.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        closedir(d)
        names.sort(by: goStringLess)
        var files: [String] = []
        for name in names {
            // filepath.Walk names an entry filepath.Join(dir, name): cleaned (`./a/` lists `a/x.yaml`).
            let full = goCleanPath(dir + "/" + name)
            var st = stat()
            guard lstat(full, &st) == 0 else { continue }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                if recursive { files += try listFiles(full, recursive: true) }
            } else if extensions.contains(where: { name.hasSuffix($0) }) {
                files.append(full)
            }
        }
        return files
    }
}


/// Go `%q` (`strconv.Quote`).
func goQuoted(_ s: String) -> String { strconvQuote(s) }
