import KubeAPI
import KubeModel
import KubePrinters
import KubeTemplate

/// `get TYPE -o jsonpath|go-template` as a stream: the template runs over the `List` with its items
/// read from the store one at a time (see `JSONPath.executeStreaming`, `GoTemplate.executeStreaming`).
/// Templates that need the whole list return false and take the general path.
extension GetStream {
    /// What a jsonpath may print before an error can no longer be reported as kubectl does (it prints
    /// nothing then): up to this much the output waits; past it, it goes out as it comes.
    static let jsonPathHoldBytes = 16 << 20

    static func jsonPath(_ inv: Invocation, server: APIServer, query: ListQuery, template: String) throws -> Bool {
        let printer = try TemplateOutput.wrap {
            try JSONPathPrinter(template: template, allowMissingKeys: TemplateOutput.allowMissingKeys(inv))
        }
        let out = inv.io.out
        var held: [UInt8] = []
        var flushed = false
        do {
            try server.read { s in
                try printer.printStreaming(header: ObjectPrinter.list([]), items: { each in
                    try s.rows(query, full: true) { row in try each(try JSON.parse(row.data)) }
                }, emit: { text in
                    held.append(contentsOf: text.utf8)
                    if held.count >= (flushed ? 1 << 16 : jsonPathHoldBytes) {
                        out.write(held)
                        held.removeAll(keepingCapacity: true)
                        flushed = true
                    }
                })
            }
        } catch is JSONPathNotStreamable {
            // The whole list decides (an error text shows it all); what was printed stays printed.
            return false
        }
        out.write(held)
        return true
    }

    static func goTemplate(_ inv: Invocation, server: APIServer, query: ListQuery, template: String) throws -> Bool {
        let parsed = try TemplateOutput.parseGoTemplate(template)
        let out = inv.io.out
        let allowMissing = TemplateOutput.allowMissingKeys(inv)
        return try server.read { s in
            let items: ((JSONValue) throws -> Void) throws -> Void = { each in
                try s.rows(query, full: true) { row in try each(try JSON.parse(row.data)) }
            }
            do {
                try parsed.executeStreaming(header: ObjectPrinter.list([]), allowMissingKeys: allowMissing,
                                            items: items, write: { out.write($0) })
            } catch is GoTemplateNotStreamable {
                return false
            } catch let e as GoTemplateError {
                // kubectl prints what the template wrote, then the list it was given, and fails.
                out.write(e.partialOutput)
                try GoTemplatePrinter.writeDebugDump(rawTemplate: template, message: e.message,
                                                     header: ObjectPrinter.list([]), items: { each in try items(each) },
                                                     write: { out.write($0) })
                throw CLIError.message("error executing template \(strconvQuote(template)): \(e.message)")
            }
            return true
        }
    }
}
