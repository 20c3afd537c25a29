import KubeModel
import KubePrinters
import KubeTemplate
import KubeTestSupport
import Testing

/// Templates evaluated over a `List` one item at a time print exactly what they print over the whole
/// list, or refuse to stream (the caller then evaluates the whole list). Every template of the jsonpath
/// and go-template golden corpora is tried as it is (`.entries` read as `.items`) and wrapped in a range
/// over the items, on items that include empty lists, missing fields and mixed values.
@Suite struct ListStreamingTests {
    static let items: [JSONValue] = {
        var items: [JSONValue] = []
        if let list = try? JSON.parse(readTextFile(goldenRoot + "/jsonpath/list.json") ?? "") {
            items += list["entries"].array ?? []
            var odd = list
            odd["entries"] = .array([])
            items.append(odd)
        }
        // Empty lists before full ones: client-go's `[*]` of an empty list ends the step for all later values.
        items.append(["kind": "Pod", "metadata": ["name": "empty"],
                      "spec": ["containers": .array([]), "volumes": .array([])], "entries": .array([]), "nums": .array([])])
        for file in ["/jsonpath/pod.json", "/gotemplate/objects/pod.json"] {
            if let pod = try? JSON.parse(readTextFile(goldenRoot + file) ?? "") { items.append(pod) }
        }
        return items
    }()

    static func header() -> JSONValue { ObjectPrinter.list([]) }

    static func feed(_ each: (JSONValue) throws -> Void) throws {
        for item in items { try each(item) }
    }

    static func jsonPathTemplates() -> [(String, Bool)] {
        var result: [(String, Bool)] = []
        for file in ["cases.txt", "fuzz-cases.txt"] {
            for line in (readTextFile(goldenRoot + "/jsonpath/" + file) ?? "").split(separator: "\n") {
                let f = line.split(separator: "|", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
                guard f.count == 4, f[1] == "jsonpath" else { continue }
                let t = replacing(f[3], ".entries", with: ".items")
                result.append((t, f[2] == "strict"))
                result.append(("{range .items[*]}" + t + "{end}", f[2] == "strict"))
                result.append(("{.items[*]" + (t.hasPrefix("{.") ? String(t.dropFirst(1)) : ".x}" + t), f[2] == "strict"))
            }
        }
        return result
    }

    static func replacing(_ s: String, _ a: String, with b: String) -> String {
        var out = "", rest = Substring(s)
        while let r = rest.firstRange(of: a) {
            out += rest[..<r.lowerBound] + b
            rest = rest[r.upperBound...]
        }
        return out + rest
    }

    @Test func jsonPathStreamsAsTheWholeListPrints() throws {
        var streamed = 0
        for (template, strict) in Self.jsonPathTemplates() {
            guard let whole = try? JSONPathPrinter(template: template, allowMissingKeys: !strict),
                  let stream = try? JSONPathPrinter(template: template, allowMissingKeys: !strict) else { continue }
            let expected = try? whole.print(ObjectPrinter.list(Self.items))
            var got = ""
            do {
                try stream.printStreaming(header: Self.header(), items: Self.feed, emit: { got += $0 })
            } catch is JSONPathNotStreamable {
                continue
            }
            streamed += 1
            #expect(got == expected, "\(template)")
        }
        #expect(streamed >= 150)
    }

    @Test func goTemplateStreamsAsTheWholeListPrints() throws {
        var streamed = 0, failed = 0
        for c in GoTemplateGolden.cases {
            for text in [c.template, "{{range .items}}" + c.template + "{{end}}",
                         "{{.kind}}{{range $i, $o := .items}}{{$i}}:" + c.template + "{{else}}none{{end}}"] {
                guard let t = try? GoTemplate.parse(text) else { continue }
                let whole = GoTemplatePrinter.print(t, rawTemplate: text, object: ObjectPrinter.list(Self.items),
                                                    allowMissingKeys: !c.strict)
                var got: [UInt8] = []
                do {
                    try t.executeStreaming(header: Self.header(), allowMissingKeys: !c.strict, items: Self.feed,
                                           write: { got += $0 })
                } catch is GoTemplateNotStreamable {
                    continue
                } catch let e as GoTemplateError {
                    got += Array(e.partialOutput.utf8)
                    try GoTemplatePrinter.writeDebugDump(rawTemplate: text, message: e.message, header: Self.header(),
                                                         items: { each in for i in Self.items { each(i) } },
                                                         write: { got += $0 })
                    #expect(whole.error == "error executing template \(strconvQuote(text)): \(e.message)", "\(text)")
                    failed += 1
                }
                streamed += 1
                #expect(String(decoding: got, as: UTF8.self) == whole.output, "\(text)")
            }
        }
        #expect(streamed >= 300)
        #expect(failed >= 20)
    }
}
