import KubeModel
import KubeRegistry
import KubeSchema

/// Decoding the request body into the kind's type, as the API server's codec does: a value of the
/// wrong type is always a BadRequest; unknown or repeated fields are an error with `Strict`, a
/// warning with `Warn` (the server's default) and nothing with `Ignore`. Requests made by controllers
/// inside the transaction are not decoded again.
struct StrictDecoding: AdmissionStep {
    func admit(_ r: inout AdmissionRequest, _ s: APISession) throws {
        guard r.fromClient else { return }
        let level = s.fieldValidation
        switch r.body {
        case .jsonPatch: try PatchTypeMeta.check(&r, level: level, session: s)
        case .strategicPatch: PatchTypeMeta.restore(&r)
        case .object: break
        }
        if let schema = r.type.openAPIV3Schema {
            try customResource(r, schema: schema, level: level, session: s)
            return
        }
        guard let apiVersion = r.object["apiVersion"].string, let kind = r.object["kind"].string,
            let def = SchemaIndex.builtin.definition(apiVersion: apiVersion, kind: kind)
        else { return }
        let report: DecodeReport
        if case .object = r.body, ClientSpecMemo.isPod(r) {
            report = s.clientSpecs.decodeReport(r.object, definition: def)
        } else {
            report = decodeReport(r.object, definition: def, index: .builtin)
        }
        switch r.body {
        case .object:
            if let message = decodeErrorMessage(report, apiVersion: apiVersion, kind: kind, definition: def, fieldValidation: level) {
                throw APIError.badRequest(message)
            }
        case .strategicPatch(let patch):
            let shown = PatchDecoding.goPrint(patch)
            // The converter narrows integers as Go converts them (4294967301 into an int32 is 5).
            if let e = UnstructuredConversion().convert(&r.object, definition: def) {
                throw PatchDecoding.invalid(shown, e)
            }
            let report = decodeReport(r.object, definition: def, index: .builtin)
            if let e = report.decodeError { throw PatchDecoding.invalid(shown, e) }
            try patchStrictErrors(report.strictErrors.sorted(), shown: shown, level: level)
        case .jsonPatch(let patch, let merge):
            let shown = PatchedObjectText.text(old: r.old ?? .null, patched: r.object, patch: patch, merge: merge, builtin: true)
            if let e = report.decodeError { throw PatchDecoding.invalid(shown, e) }
            try patchStrictErrors(report.strictErrors, shown: shown, level: level)
        }
        if level == .warn, report.decodeError == nil {
            for w in report.strictErrors { s.warn(w) }
        }
    }

    func patchStrictErrors(_ errors: [String], shown: String, level: FieldValidation) throws {
        if level == .strict, !errors.isEmpty {
            throw PatchDecoding.invalid(shown, "strict decoding error: " + errors.joined(separator: ", "))
        }
    }

    /// Unknown fields of a custom resource, per its CRD's schema.
    func customResource(_ r: AdmissionRequest, schema: JSONValue, level: FieldValidation, session s: APISession) throws {
        let unknown = CustomResourceSchema.unknownFields(r.object, schema: schema).map { "unknown field \(strconvQuote($0))" }
        guard !unknown.isEmpty else { return }
        switch level {
        case .strict:
            throw APIError.badRequest("\(r.type.kind) in version \(strconvQuote(r.type.version)) cannot be handled as a \(r.type.kind): strict decoding error: "
                                      + unknown.joined(separator: ", "))
        case .warn:
            for w in unknown { s.warn(w) }
        case .ignore:
            break
        }
    }
}
