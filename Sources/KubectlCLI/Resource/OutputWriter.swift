#if canImport(Glibc)
import Glibc
#endif
import KubeModel
import KubePrinters
import KubeTemplate
import KubeRegistry

/// Prints objects in a non-table format: one object, or a `List` of them, as kubectl's printers do.
enum OutputWriter {
    static func write(_ objects: [JSONValue], single: Bool, format: OutputFormat, inv: inout Invocation,
                      blocks: [ResourceType]) throws
    {
        switch format {
        case .yaml:
            inv.io.out.write(try yaml(single ? objects[0] : ObjectPrinter.list(objects)))
        case .json:
            inv.io.out.write(ObjectPrinter.json(single ? objects[0] : ObjectPrinter.list(objects)))
        case .name:
            for o in objects {
                inv.io.out.write(ObjectPrinter.name(o, type: typeOf(o, inv.registry)) + "\n")
            }
        default:
            let value = single ? objects[0] : ObjectPrinter.list(objects)
            try TemplateOutput.write([value], format: format, inv: &inv)
        }
    }

    /// `ObjectPrinter.checkedYAML` for the CLI: the YAML, or kubectl's `yaml: control characters are not
    /// allowed` (and the like) as the command's error.
    static func yaml(_ value: JSONValue) throws -> String {
        do { return try ObjectPrinter.checkedYAML(value) } catch { throw CLIError.message(error.description) }
    }

    static func typeOf(_ o: JSONValue, _ registry: Registry) -> ResourceType? {
        registry.type(apiVersion: o["apiVersion"].string ?? "", kind: o["kind"].string ?? "")
    }
}

/// jsonpath, go-template and custom-columns output: one printer per command, reused for every object
/// it prints (kubectl builds its printer once, and a jsonpath `{range}` changes the printer's state).
enum TemplateOutput {
    /// Prints one object into the buffer; on an error, what it printed before failing stays there.
    typealias Printer = (JSONValue, inout String) throws -> Void

    /// Builds the printer for `format`; template errors surface here, before anything is printed.
    /// `typed`: the objects are typed Go objects in kubectl (see `GoTemplatePrinter.print`).
    static func printer(_ format: OutputFormat, inv: Invocation, typed: Bool = false) throws -> Printer {
        let allowMissing = allowMissingKeys(inv)
        switch format {
        case .jsonpath(let t), .jsonpathAsJSON(let t):
            let asJSON: Bool
            if case .jsonpathAsJSON = format { asJSON = true } else { asJSON = false }
            return try jsonPathPrinter(t, allowMissing: allowMissing, asJSON: asJSON)
        case .jsonpathFile(let path):
            return try jsonPathPrinter(try readTemplate(path), allowMissing: allowMissing, asJSON: false)
        case .goTemplate(let t):
            return try goTemplatePrinter(t, allowMissing: allowMissing, typed: typed)
        case .goTemplateFile(let path):
            return try goTemplatePrinter(try readTemplate(path), allowMissing: allowMissing, typed: typed)
        case .customColumns, .customColumnsFile:
            let p = try customColumnsPrinter(format, inv: inv)!
            return { o, out in try wrap { try p.print(o, into: &out) } }
        default:
            throw CLIError.message("output format \(format) is not supported by this printer")
        }
    }

    /// kubectl's ToPrinter: a template that does not parse, or a template file that cannot be read, fails
    /// when the printer is made, before the command checks its other flags and arguments.
    static func check(_ format: OutputFormat) throws {
        switch format {
        case .jsonpath(let t), .jsonpathAsJSON(let t): _ = try jsonPathPrinter(t, allowMissing: true, asJSON: false)
        case .jsonpathFile(let path): _ = try jsonPathPrinter(try readTemplate(path), allowMissing: true, asJSON: false)
        case .goTemplate(let t): _ = try parseGoTemplate(t)
        case .goTemplateFile(let path): _ = try parseGoTemplate(try readTemplate(path))
        default: break
        }
    }

    /// `--allow-missing-template-keys` (true unless given as false).
    static func allowMissingKeys(_ inv: Invocation) -> Bool {
        inv.flags.values["allow-missing-template-keys"] == nil ? true : inv.flags.bool("allow-missing-template-keys")
    }

    /// The custom-columns printer of `-o custom-columns=...|custom-columns-file=...`, nil for other formats.
    static func customColumnsPrinter(_ format: OutputFormat, inv: Invocation) throws -> CustomColumnsPrinter? {
        switch format {
        case .customColumns(let spec):
            return try wrap { try CustomColumnsPrinter(spec: spec, noHeaders: inv.flags.bool("no-headers")) }
        case .customColumnsFile(let path):
            let text = try readTemplate(path, what: "template")
            return try wrap { try CustomColumnsPrinter(fileText: text) }
        default:
            return nil
        }
    }

    /// Prints objects one after another with one printer. A failing object does not stop the others;
    /// the failures are reported together at the end (one alone reads `error: ...`).
    static func write(_ objects: [JSONValue], format: OutputFormat, typed: Bool = false, inv: inout Invocation) throws {
        try write(objects, with: try printer(format, inv: inv, typed: typed), inv: &inv)
    }

    /// `write` with a printer already made.
    static func write(_ objects: [JSONValue], with p: Printer, inv: inout Invocation) throws {
        var failures: [String] = []
        for o in objects {
            var text = ""
            do { try p(o, &text) } catch CLIError.message(let m) { failures.append(m) }
            inv.io.out.write(text)
        }
        if failures.count == 1 { throw CLIError.message(failures[0]) }
        if failures.count > 1 { throw CLIError.aggregate(failures.map { CLIError.raw($0 + "\n") }) }
    }

    static func jsonPathPrinter(_ template: String, allowMissing: Bool, asJSON: Bool) throws -> Printer {
        let p = try wrap { try JSONPathPrinter(template: template, allowMissingKeys: allowMissing, asJSON: asJSON) }
        return { o, out in out += try wrap { try p.print(o) } }
    }

    /// go-template, template, go-template-file, templatefile: the Go text/template engine plugs in here
    /// (`GoTemplate.parse(text)` then `execute(data, allowMissingKeys:)`), with kubectl's error texts
    /// `error parsing template TEXT, REASON` and `error executing template "TEXT": REASON`.
    static func goTemplatePrinter(_ template: String, allowMissing: Bool, typed: Bool = false) throws -> Printer {
        let parsed = try parseGoTemplate(template)
        return { o, out in
            // On failure kubectl prints what the template produced so far and a debugging dump, then fails.
            let (text, error) = GoTemplatePrinter.print(parsed, rawTemplate: template, object: o, allowMissingKeys: allowMissing,
                                                        typed: typed)
            out += text
            if let error { throw CLIError.message(error) }
        }
    }

    /// The parsed template, or kubectl's `error parsing template` failure.
    static func parseGoTemplate(_ template: String) throws -> GoTemplate {
        do { return try GoTemplate.parse(template) } catch let e as GoTemplateError {
            throw CLIError.message(GoTemplatePrinter.parseErrorMessage(rawTemplate: template, e))
        }
    }

    /// `jsonpath-file=`, `go-template-file=`: the template file, read once.
    static func readTemplate(_ path: String, what: String = "--template") throws -> String {
        let fd = open(path, O_RDONLY)
        if fd < 0 {
            let reason = errno == EACCES ? "permission denied" : "no such file or directory"
            throw CLIError.message("error reading \(what) \(path), open \(path): \(reason)\n")
        }
        defer { close(fd) }
        return String(decoding: readAll(fd: fd), as: UTF8.self)
    }

    /// Printer errors carry kubectl's full text; the CLI prints them after `error: `.
    static func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as PrinterError { throw CLIError.message(e.description) }
    }
}

/// `--sort-by`: kubectl's sort of table rows (per resource type) and of the objects of other outputs.
enum Sorting {
    /// Rows of one table block in sort order; throws when no row has the field.
    static func sortTable(_ items: [Fetched], by path: String) throws -> [Fetched] {
        if items.isEmpty { return items }
        let order = try ObjectSorter.order(try items.map { try $0.object() }, by: path)
        return order.map { items[$0] }
    }

    /// The objects of a `List` output in sort order, or kubectl's error. Values that cannot be compared
    /// (maps, lists, a string against a number) stop kubectl inside the sort with a klog fatal line
    /// (`F1205 19:46:23.539606    7829 sorter.go:329] Field ...`), exit code 1.
    static func sortObjects(_ objects: [JSONValue], by path: String, now: Timestamp) throws -> [JSONValue] {
        do { return try ObjectSorter.order(objects, by: path).map { objects[$0] } } catch let e as PrinterError {
            if e.description.hasPrefix("Field "), e.description.contains(" is an unsortable type: ") {
                throw CLIError.raw(klogHeader("F", file: "sorter.go:329", now: now) + e.description)
            }
            throw CLIError.message(e.description)
        }
    }
}
