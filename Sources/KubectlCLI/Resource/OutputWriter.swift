import KubeModel
import KubePrinters
import KubeRegistry

/// Prints objects in a non-table format: one object, or a `List` of them, as kubectl's printers do.
enum OutputWriter {
    static func write(_ objects: [JSONValue], single: Bool, format: OutputFormat, inv: inout Invocation,
                      blocks: [ResourceType]) throws
    {
        switch format {
        case .yaml:
            inv.io.out.write(ObjectPrinter.yaml(single ? objects[0] : ObjectPrinter.list(objects)))
        case .json:
            inv.io.out.write(ObjectPrinter.json(single ? objects[0] : ObjectPrinter.list(objects)))
        case .name:
            for o in objects {
                inv.io.out.write(ObjectPrinter.name(o, type: typeOf(o, inv.registry)) + "\n")
            }
        default:
            let value = single ? objects[0] : ObjectPrinter.list(objects)
            inv.io.out.write(try TemplateOutput.render(value, format: format, inv: inv))
        }
    }

    static func typeOf(_ o: JSONValue, _ registry: Registry) -> ResourceType? {
        registry.type(apiVersion: o["apiVersion"].string ?? "", kind: o["kind"].string ?? "")
    }
}

/// jsonpath, go-template and custom-columns output (issue: output for scripts).
enum TemplateOutput {
    static func render(_ value: JSONValue, format: OutputFormat, inv: Invocation) throws -> String {
        throw CLIError.message("output format \(format) is not supported yet by kubectl-local")
    }
}

/// `--sort-by` (issue: output for scripts).
enum Sorting {
    static func sort(_ items: [Fetched], by path: String) throws -> [Fetched] { items }
}
