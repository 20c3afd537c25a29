import KubeModel

// Strict field validation as the API server applies it when it decodes a request body for a
// built-in type (`fieldValidation=Strict`, kubectl's default `--validate=strict`).
//
// What the server does (k8s.io/apimachinery runtime/serializer/json + sigs.k8s.io/json):
// - the body is decoded case-sensitively into the Go struct of the kind; a JSON value of the wrong
//   type records an `UnmarshalTypeError` (the first one is kept, decoding goes on);
//   custom decoders (IntOrString, Quantity, Time) fail the whole decode at once;
// - with strict decoding, keys without a struct field give `unknown field "<path>"`, repeated keys
//   `duplicate field "<path>"`; the path joins keys with "." and list positions as "[i]"; at most
//   100 such errors, duplicates dropped, in the order met;
// - a decode error wins over strict errors; strict errors are joined as
//   `strict decoding error: <e1>, <e2>`; the handler wraps either as
//   `<Kind> in version "<version>" cannot be handled as a <Kind>: <error>` (400 BadRequest).
// kubectl sends objects re-encoded from unstructured maps, so keys arrive sorted (Go byte order) at
// every level: we walk them in that order, which is what makes "spec.baz" come before "spec.foo".

/// What the server's decoder reports for one object.
public struct DecodeReport: Sendable, Equatable {
    /// A decoding error (wrong JSON type, bad quantity, bad base64...), reported whatever the
    /// field validation level.
    public var decodeError: String?
    /// Strict errors (`unknown field "spec.foo"`), in the order the server meets them.
    public var strictErrors: [String]

    public init(decodeError: String? = nil, strictErrors: [String] = []) {
        self.decodeError = decodeError
        self.strictErrors = strictErrors
    }
}

/// The `fieldValidation` levels.
public enum FieldValidation: String, Sendable {
    case strict = "Strict", warn = "Warn", ignore = "Ignore"
}

/// Strict decoding errors for `object` decoded as `definition`: `unknown field "spec.foo"`, ...
/// (empty when the object has none, or when a decode error would be reported instead).
public func strictFieldErrors(_ object: JSONValue, definition: SchemaDefinition, index: SchemaIndex) -> [String] {
    let r = decodeReport(object, definition: definition, index: index)
    return r.decodeError == nil ? r.strictErrors : []
}

/// The full decode check of `object` as `definition`.
public func decodeReport(_ object: JSONValue, definition: SchemaDefinition, index: SchemaIndex) -> DecodeReport {
    // The order keys are walked in decides only which error comes first: a walk in the stored order
    // that meets no error is the report, and only an object with errors is walked again in Go's order.
    let quick = decodeReport(object, definition: definition, index: index, sortedKeys: false)
    if quick.decodeError == nil && quick.strictErrors.isEmpty { return quick }
    return decodeReport(object, definition: definition, index: index, sortedKeys: true)
}

private func decodeReport(_ object: JSONValue, definition: SchemaDefinition, index: SchemaIndex, sortedKeys: Bool) -> DecodeReport {
    var w = DecodeWalker(index: index)
    w.sortedKeys = sortedKeys
    do {
        try w.walkStruct(object, definition)
    } catch let e as FatalDecodeError {
        return DecodeReport(decodeError: e.message, strictErrors: [])
    } catch {}
    return DecodeReport(decodeError: w.savedError, strictErrors: w.strictErrors)
}

/// The server's error message for creating/updating `object` (its `apiVersion`/`kind` pick the
/// schema), or nil when the server would accept it. This is the text kubectl prints after
/// `error when creating "x.yaml": ` (as `Error from server (BadRequest): ...`), e.g.
/// `Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.baz"`.
/// Returns nil as well when the kind is not in the index (the caller reports that differently).
public func decodeErrorMessage(_ object: JSONValue, index: SchemaIndex = .builtin,
                               fieldValidation: FieldValidation = .strict) -> String? {
    guard let apiVersion = object["apiVersion"].string, let kind = object["kind"].string,
        let def = index.definition(apiVersion: apiVersion, kind: kind)
    else { return nil }
    return decodeErrorMessage(decodeReport(object, definition: def, index: index), apiVersion: apiVersion, kind: kind,
                              definition: def, fieldValidation: fieldValidation)
}

/// `decodeErrorMessage` from the report of an object of `apiVersion` and `kind` already walked.
public func decodeErrorMessage(_ report: DecodeReport, apiVersion: String, kind: String, definition def: SchemaDefinition,
                               fieldValidation: FieldValidation) -> String? {
    let base: String
    if let e = report.decodeError {
        base = e
    } else if fieldValidation == .strict, !report.strictErrors.isEmpty {
        base = "strict decoding error: " + report.strictErrors.joined(separator: ", ")
    } else {
        return nil
    }
    let version = splitGroupVersion(Substring(apiVersion)).1
    return "\(kind) in version \(strconvQuote(version)) cannot be handled as a \(def.shortName): \(base)"
}

/// kubectl's own check of an object read from a file (cli-runtime's metadataValidatingDecoder): the
/// document is decoded, case-sensitively, into a struct holding only TypeMeta and ObjectMeta, and the
/// first type error there refuses the document before anything is sent (`unable to decode "x.yaml": ...`).
/// Returns that error's text, or nil. A List is checked as one document (its items are not).
public func clientMetadataDecodeError(_ document: JSONValue, index: SchemaIndex = .builtin) -> String? {
    guard case .object(let o) = document else { return nil }
    // TypeMeta is inline in that struct, and apiVersion comes before metadata in the (sorted) JSON.
    if let v = o["apiVersion"], v.string == nil, !v.isNull {
        let type: String
        switch v {
        case .int, .double: type = "number"
        case .bool: type = "bool"
        case .array: type = "array"
        default: type = "object"
        }
        return "json: cannot unmarshal \(type) into Go struct field metadataOnlyObject.apiVersion of type string"
    }
    guard let metadata = o["metadata"], !metadata.isNull else { return nil }
    var w = DecodeWalker(index: index)
    do {
        try w.walkStruct(["metadata": metadata], metadataOnlyObject)
    } catch let e as FatalDecodeError {
        return e.message
    } catch {}
    return w.savedError
}

/// cli-runtime's struct of TypeMeta and ObjectMeta only (its name is what type errors print).
private let metadataOnlyObject = SchemaDefinition(name: "metadataOnlyObject", properties: [
    SchemaProperty(name: "metadata", type: .ref("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"))])

/// The warnings the server returns with `fieldValidation=Warn` (kubectl prints each as `Warning: <text>`).
public func fieldValidationWarnings(_ object: JSONValue, index: SchemaIndex = .builtin) -> [String] {
    guard let apiVersion = object["apiVersion"].string, let kind = object["kind"].string,
        let def = index.definition(apiVersion: apiVersion, kind: kind)
    else { return [] }
    return strictFieldErrors(object, definition: def, index: index)
}

// MARK: - The walk

struct FatalDecodeError: Error {
    var message: String
}

struct DecodeWalker {
    let index: SchemaIndex
    var strictErrors: [String] = []
    private var seenStrict: Set<String> = []
    var savedError: String?
    /// Whether keys are walked in Go's byte order (the order the server meets them, which decides the
    /// order of errors); `decodeReport` first walks them as stored.
    var sortedKeys = true
    /// Go's errorContext: the struct whose field is being decoded and the struct field names from the root.
    private var structName = ""
    private var fieldStack: [String] = []
    /// sigs.k8s.io/json's strict path: keys joined with ".", list positions as "[i]" (written out
    /// only for an error: `strictPath`).
    private var path: [PathPart] = []

    private enum PathPart {
        case key(String)
        case index(Int)
    }

    private var strictPath: String {
        var text = ""
        for part in path {
            switch part {
            case .key(let key): text = text.isEmpty ? key : text + "." + key
            case .index(let i): text = text + "[" + String(i) + "]"
            }
        }
        return text
    }

    init(index: SchemaIndex) { self.index = index }

    // MARK: errors

    private mutating func strictError(_ kind: String, _ key: String) {
        guard strictErrors.count < 100 else { return }
        let current = strictPath
        let path = current.isEmpty ? key : current + "." + key
        let msg = kind + " " + strconvQuote(path)
        if seenStrict.insert(msg).inserted { strictErrors.append(msg) }
    }

    /// encoding/json's UnmarshalTypeError text with the current context.
    private func typeErrorText(_ value: String, _ goType: String) -> String {
        if structName.isEmpty && fieldStack.isEmpty {
            return "json: cannot unmarshal \(value) into Go value of type \(goType)"
        }
        return "json: cannot unmarshal \(value) into Go struct field \(structName).\(fieldStack.joined(separator: ".")) of type \(goType)"
    }

    private mutating func saveTypeError(_ value: String, _ goType: String) {
        if savedError == nil { savedError = typeErrorText(value, goType) }
    }

    private mutating func saveError(_ text: String) {
        if savedError == nil { savedError = text }
    }

    // MARK: values

    /// Decodes a value into a field of type `type`.
    mutating func walk(_ value: JSONValue, _ type: SchemaType, _ ext: SchemaExtensions = SchemaExtensions()) throws {
        if case .null = value { return }
        switch type {
        case .ref(let name):
            guard let def = index.definition(named: name) else { return }
            switch def.type {
            case .object:
                try walkStruct(value, def)
            case .string(format: "date-time"):
                try walkTime(value, micro: def.shortName == "MicroTime")
            default:
                try walk(value, def.type, def.extensions)
            }
        case .inline(let def):
            try walkStruct(value, def)
        case .object:
            try walkStruct(value, SchemaDefinition(name: ""))
        case .string(let format):
            if format == "byte" {
                walkBytes(value)
            } else if case .string = value {
            } else {
                saveTypeError(jsonKind(value), "string")
            }
        case .integer(let format):
            walkInteger(value, goType: goIntegerType(format))
        case .number:
            switch value {
            case .int, .double: break
            default: saveTypeError(jsonKind(value), "float64")
            }
        case .boolean:
            if case .bool = value {} else { saveTypeError(jsonKind(value), "bool") }
        case .array(let item):
            guard case .array(let items) = value else {
                saveTypeError(jsonKind(value), goTypeName(type))
                return
            }
            for (i, v) in items.enumerated() {
                path.append(.index(i))
                try walk(v, item)
                path.removeLast()
            }
        case .map(let valueType):
            guard case .object(let o) = value else {
                saveTypeError(jsonKind(value), goTypeName(type))
                return
            }
            if sortedKeys {
                for key in o.sortedKeys {
                    path.append(.key(key))
                    try walk(o[key]!, valueType)
                    path.removeLast()
                }
            } else {
                for (key, v) in o {
                    path.append(.key(key))
                    try walk(v, valueType)
                    path.removeLast()
                }
            }
        case .intOrString:
            // IntOrString.UnmarshalJSON: a quoted string, else json.Unmarshal into int32 (fatal on error).
            switch value {
            case .string: break
            case .int, .double:
                if let text = integerText(value, goType: "int32") {
                    throw FatalDecodeError(message: typeErrorText("number " + text, "int32"))
                }
            default:
                throw FatalDecodeError(message: typeErrorText(jsonKind(value), "int32"))
            }
        case .quantity:
            if let e = quantityError(value) { throw FatalDecodeError(message: e) }
        case .any:
            break
        }
    }

    /// Decodes an object into a struct: known fields recurse, others are strict errors.
    mutating func walkStruct(_ value: JSONValue, _ def: SchemaDefinition) throws {
        guard case .object(let o) = value else {
            if case .null = value { return }
            saveTypeError(jsonKind(value), def.name.isEmpty ? "struct {}" : def.goTypeName)
            return
        }
        let fields = StructFields(def)
        if sortedKeys {
            for key in o.sortedKeys { try walkField(key, o[key]!, fields) }
        } else {
            for (key, value) in o { try walkField(key, value, fields) }
        }
    }

    /// What `walkField` needs of a struct's definition, looked up once per struct.
    private struct StructFields {
        let def: SchemaDefinition
        let shortName: String
        let preserve: Bool
        let embedded: Bool
        let namedScalars: [String: String]?
        let namedLists: [String: String]?

        init(_ def: SchemaDefinition) {
            self.def = def
            shortName = def.shortName
            preserve = def.extensions.preserveUnknownFields
            embedded = def.extensions.embeddedResource
            namedScalars = GoNamedTypes.scalarsByStruct[shortName]
            namedLists = GoNamedTypes.listElementsByStruct[shortName]
        }
    }

    /// Decodes one key of a struct: a known field recurses, another is a strict error.
    private mutating func walkField(_ key: String, _ value: JSONValue, _ fields: StructFields) throws {
        guard let prop = fields.def.property(named: key) else {
            if !fields.preserve && !(fields.embedded && (key == "apiVersion" || key == "kind" || key == "metadata")) {
                strictError("unknown field", key)
            }
            return
        }
        let savedStruct = structName
        let savedStack = fieldStack.count
        structName = fields.shortName
        fieldStack.append(key)
        path.append(.key(key))
        if let named = fields.namedScalars?[key], !value.isNull, value.string == nil {
            saveTypeError(jsonKind(value), named)
        } else if let element = fields.namedLists?[key] {
            walkNamedStringList(value, element: element)
        } else {
            try walk(value, prop.type, prop.extensions)
        }
        structName = savedStruct
        fieldStack.removeLast(fieldStack.count - savedStack)
        path.removeLast()
    }

    /// A list of a named string type: a wrong list names `[]T`, a wrong item `T`.
    private mutating func walkNamedStringList(_ value: JSONValue, element: String) {
        switch value {
        case .null: return
        case .array(let items):
            for item in items where !item.isNull && item.string == nil { saveTypeError(jsonKind(item), element) }
        default:
            saveTypeError(jsonKind(value), "[]" + element)
        }
    }

    private mutating func walkInteger(_ value: JSONValue, goType: String) {
        switch value {
        case .int, .double:
            if let text = integerText(value, goType: goType) { saveTypeError("number " + text, goType) }
        default:
            saveTypeError(jsonKind(value), goType)
        }
    }

    /// []byte fields: a base64 string, or (rarely) a list of byte values.
    private mutating func walkBytes(_ value: JSONValue) {
        switch value {
        case .string(let s):
            if let bad = goBase64Error(s) { saveError("illegal base64 data at input byte \(bad)") }
        case .array(let items):
            for v in items where !v.isNull { walkInteger(v, goType: "uint8") }
        default:
            saveTypeError(jsonKind(value), "[]uint8")
        }
    }

    /// metav1.Time / MicroTime: UnmarshalJSON reads a string (fatal type error otherwise) and parses RFC 3339.
    private mutating func walkTime(_ value: JSONValue, micro: Bool) throws {
        guard case .string(let s) = value else {
            throw FatalDecodeError(message: typeErrorText(jsonKind(value), "string"))
        }
        if let e = goParseRFC3339Error(s, layout: micro ? "2006-01-02T15:04:05.000000Z07:00" : "2006-01-02T15:04:05Z07:00") {
            throw FatalDecodeError(message: e)
        }
    }

    // MARK: helpers

    /// How encoding/json names a JSON value in type errors.
    private func jsonKind(_ v: JSONValue) -> String { UnstructuredConversion.jsonKind(v) }

    /// nil when the number fits the Go integer type; else the literal as kubectl would have sent it.
    private func integerText(_ v: JSONValue, goType: String) -> String? {
        let text: String
        switch v {
        case .int(let i): text = String(i)
        case .double(let d): text = goFormatFloat(d)
        default: return nil
        }
        guard let n = Int64(text) else { return text }
        switch goType {
        case "int32": return n >= Int64(Int32.min) && n <= Int64(Int32.max) ? nil : text
        case "uint8": return n >= 0 && n <= 255 ? nil : text
        default: return nil
        }
    }

    private func goIntegerType(_ format: String?) -> String {
        switch format {
        case "int32": return "int32"
        case "int64": return "int64"
        default: return "int64"
        }
    }

    /// The Go type string of a field type, as encoding/json prints it in type errors.
    func goTypeName(_ t: SchemaType) -> String {
        switch t {
        case .string(let f): return f == "byte" ? "[]uint8" : "string"
        case .integer(let f): return goIntegerType(f)
        case .number: return "float64"
        case .boolean: return "bool"
        case .ref(let name):
            guard let d = index.definition(named: name) else { return name }
            return d.goTypeName
        case .object, .inline: return "struct {}"
        case .array(let i): return "[]" + goTypeName(i)
        case .map(let v): return "map[string]" + goTypeName(v)
        case .intOrString: return "intstr.IntOrString"
        case .quantity: return "resource.Quantity"
        case .any: return "interface {}"
        }
    }
}
