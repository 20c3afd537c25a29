#if canImport(Glibc)
import Glibc
#endif
import KubeCodec
import KubeModel

/// The objects of `-f FILE|DIR|-` (with `-R`) one at a time, in kubectl's order: every local path is
/// checked first, then each file is read and its documents decoded only when the consumer reaches
/// them, so `create -f` of a large file never holds its objects all at once. A missing path or a URL
/// ends the stream at once; a file that cannot be read or parsed ends only that file (kubectl's
/// visitors go on with the next file), a document that cannot be decoded is skipped (the next one is
/// read), and their errors come last, with any others (an aggregate).
struct FileObjectStream: Sequence, IteratorProtocol {
    private var paths: [String]
    private let recursive: Bool
    private let validate: Bool
    /// Documents decoded as kubectl's scheme does (`SchemeDecoder`) rather than as unstructured objects.
    var typed = false
    /// A document without apiVersion is refused (false: taken, as the unstructured decoder does with `--local`).
    var requireAPIVersion = true
    private let stdin: () -> [UInt8]
    private var pathsChecked = false
    /// Files of the directory being read, next first.
    private var files: [String] = []
    private var cursor: YAMLDocumentCursor?
    private var source = ""
    /// The objects of the current document (a List's items) not handed out yet.
    private var items: ArraySlice<JSONValue> = []
    /// Whether the current document is a typed list whose items had no kind of their own (one per item).
    private var kindless: ArraySlice<Bool> = []
    private var ended = false
    /// Errors of files that could not be read or parsed, reported after the last object.
    private var fileErrors: [Error] = []

    init(paths: [String], recursive: Bool, validate: Bool, stdin: @escaping () -> [UInt8]) {
        self.paths = paths
        self.recursive = recursive
        self.validate = validate
        self.stdin = stdin
    }

    mutating func next() -> Result<SourcedObject, Error>? {
        guard !ended else { return nil }
        do {
            if let object = try advance() { return .success(object) }
            ended = true
            return nil
        } catch {
            ended = true
            cursor = nil
            return .failure(error)
        }
    }

    private mutating func advance() throws -> SourcedObject? {
        if !pathsChecked {
            pathsChecked = true
            try FileSource.checkLocalPathsExist(paths)
        }
        while true {
            if let item = items.popFirst() {
                return SourcedObject(source: source, object: item, kindlessListItem: kindless.popFirst() ?? false)
            }
            if cursor != nil {
                do {
                    if let doc = try FileSource.nextDocument(&cursor!) {
                        if validate { try FileSource.validateTypeMeta(doc, source: source) }
                        do {
                            items = try (typed ? SchemeDecoder.objects(of: doc, source: source)
                                               : FileSource.decodedObjects(of: doc, source: source,
                                                                           requireAPIVersion: requireAPIVersion))[...]
                            kindless = (typed ? SchemeDecoder.kindlessItems(of: doc) : [])[...]
                        } catch {
                            fileErrors.append(error)  // this document only: the next ones are read
                        }
                    } else {
                        cursor = nil
                    }
                } catch {
                    fileErrors.append(error)  // the rest of this file is skipped, the next files are read
                    cursor = nil
                }
                continue
            }
            if !files.isEmpty {
                let file = files.removeFirst()
                do { open(try FileSource.readBytes(file), source: file) } catch { fileErrors.append(error) }
                continue
            }
            guard !paths.isEmpty else {
                if fileErrors.count == 1 { throw fileErrors[0] }
                if fileErrors.count > 1 { throw CLIError.aggregate(fileErrors) }
                return nil
            }
            try openPath(paths.removeFirst())
        }
    }

    private mutating func openPath(_ path: String) throws {
        if OfflineURL.isURL(path) { throw OfflineURL.fetchError(path) }
        if path == "-" {
            open(Array(String(decoding: stdin(), as: UTF8.self).utf8), source: "STDIN")
            return
        }
        var st = stat()
        guard stat(path, &st) == 0 else { throw CLIError.message("the path \(goQuoted(path)) does not exist") }
        guard (st.st_mode & S_IFMT) == S_IFDIR else {
            do { open(try FileSource.readBytes(path), source: path) } catch { fileErrors.append(error) }
            return
        }
        files = try FileSource.listFiles(path, recursive: recursive)
        if files.isEmpty {
            throw CLIError.message("error reading [\(path)]: recognized file extensions are [.json .yaml .yml]")
        }
    }

    private mutating func open(_ bytes: [UInt8], source: String) {
        cursor = YAMLDocumentCursor(bytes: bytes, source: source)
        self.source = source
    }
}
