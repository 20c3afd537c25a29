import KubeCodec
import KubeModel

/// Prints the `List` kubectl wraps around the objects of a list request, one object at a time: the
/// same bytes as `ObjectPrinter.json/yaml(ObjectPrinter.list(objects))` without holding the objects.
public struct ListStream {
    public enum Format: Sendable { case json, yaml }

    let format: Format
    let write: ([UInt8]) -> Void
    var out: [UInt8] = []
    var indenter = CompactJSONIndenter()
    public private(set) var count = 0
    /// What kubectl's YAML printer says instead of the list when an item holds what go-yaml refuses
    /// (`yaml: control characters are not allowed`): nothing more is written once it is set.
    public private(set) var refusal: String?
    private var nelLines = 0

    /// `write` receives the text in pieces of about 64 KB.
    public init(_ format: Format, write: @escaping ([UInt8]) -> Void) {
        self.format = format
        self.write = write
        out.reserveCapacity(1 << 17)
    }

    /// `add` of a stored object's compact JSON (as the store keeps it); for `-o json` the text is
    /// re-indented without being parsed.
    public mutating func add(storedJSON text: String, keepManagedFields: Bool) throws {
        if format == .json {
            var text = text
            let done = text.withUTF8 { bytes -> Bool in
                let mark = out.count
                out.append(contentsOf: count == 0 ? "{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n        ".utf8 : ",\n        ".utf8)
                if indenter.write(bytes, into: &out, level: 2, dropManagedFields: !keepManagedFields) { return true }
                out.removeSubrange(mark...)
                return false
            }
            if done {
                count += 1
                flushIfFull()
                return
            }
        }
        let object = try JSON.parse(text)
        add(keepManagedFields ? object : ObjectPrinter.stripManagedFields(object))
    }

    public mutating func add(_ object: JSONValue) {
        switch format {
        case .json:
            out.append(contentsOf: count == 0 ? "{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n        ".utf8 : ",\n        ".utf8)
            object.writeJSON(into: &out, options: .kubectl, level: 2)
        case .yaml:
            if refusal == nil { refusal = ObjectPrinter.yamlPrintError(object, nelLines: &nelLines) }
            if refusal != nil {
                out.removeAll()
                return
            }
            if count == 0 { out.append(contentsOf: "apiVersion: v1\nitems:\n".utf8) }
            // A one-item sequence at the top level sits at the columns `items:` gives it (the
            // encoder folds long scalars by column).
            out.append(contentsOf: YAMLCodec.encodeBytes(.array([object])))
        }
        count += 1
        flushIfFull()
    }

    private mutating func flushIfFull() {
        if out.count >= 1 << 16 {
            write(out)
            out.removeAll(keepingCapacity: true)
        }
    }

    /// Ends the list (an empty one when nothing was added) and writes what is left.
    public mutating func finish() {
        if refusal != nil { return }
        if count == 0 {
            let empty = ObjectPrinter.list([])
            out.append(contentsOf: (format == .json ? ObjectPrinter.json(empty) : ObjectPrinter.yaml(empty)).utf8)
        } else {
            switch format {
            case .json:
                out.append(contentsOf: "\n    ],\n    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n".utf8)
            case .yaml:
                out.append(contentsOf: "kind: List\nmetadata:\n  resourceVersion: \"\"\n".utf8)
            }
        }
        write(out)
        out.removeAll()
    }
}
