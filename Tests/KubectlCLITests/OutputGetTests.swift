import KubeTestSupport
import Testing

/// `get` with jsonpath, custom-columns and --sort-by, as kubectl prints them.
@Suite struct OutputGetTests {
    /// Three config maps labelled set=s (names that sort differently byte-wise and naturally, sizes
    /// that sort differently as strings and as quantities) and one without the size annotation.
    static func store() -> TestStore {
        let s = TestStore()
        let file = s.writeFile("cms.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: a10, labels: {set: s}, annotations: {size: 10Gi, when: "2024-05-01T10:00:00Z"}}
            data: {k: "1"}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: a9, labels: {set: s}, annotations: {size: 512Mi, when: "2023-12-31T23:59:59Z"}}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: b, labels: {set: s, tier: back}, annotations: {size: 2Gi, when: "2024-01-15T00:00:00Z"}}
            data: {k: "2", l: "3"}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c, labels: {set: s}}
            """)
        let r = s.run(args: ["create", "-f", file])
        #expect(r.exitCode == 0, "\(r)")
        return s
    }

    @Test func jsonpathOverAListAndASingleObject() {
        let s = Self.store()
        #expect(s.run("get cm -l set=s -o jsonpath={.items[*].metadata.name}").stdout == "a10 a9 b c")
        #expect(s.run("get cm b -o jsonpath={.metadata.labels.tier}").stdout == "back")
        #expect(s.run("get cm b -o jsonpath --template={.metadata.name}").stdout == "b")
        #expect(s.run(args: ["get", "cm", "-l", "set=s", "-o", "jsonpath={range .items[*]}{.metadata.name}{\"\\t\"}{.data.k}{\"\\n\"}{end}"]).stdout
            == "a10\t1\na9\t\nb\t2\nc\t\n")
        #expect(s.run("get cm b -o jsonpath-as-json={.data.k}").stdout == "[\n    \"2\"\n]\n")
    }

    @Test func jsonpathErrors() {
        let s = Self.store()
        let missing = s.run("get cm b -o jsonpath={.nope} --allow-missing-template-keys=false")
        #expect(missing.exitCode == 1)
        #expect(missing.stderr.hasPrefix("error: error executing jsonpath \"{.nope}\": Error executing template: nope is not found. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.nope}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{\"apiVersion\":\"v1\", "))
        #expect(s.run("get cm b -o jsonpath={.nope}") == CLIResult(stdout: "", stderr: "", exitCode: 0))
        #expect(s.run("get cm b -o jsonpath={.metadata.name").stderr == "error: error parsing jsonpath {.metadata.name, unclosed action\n")
        let file = s.run(args: ["get", "cm", "b", "-o", "jsonpath-file=/nonexistent/t.txt"])
        #expect(file.stderr == "error: error reading --template /nonexistent/t.txt, open /nonexistent/t.txt: no such file or directory\n")
    }

    @Test func customColumns() {
        let s = Self.store()
        let r = s.run("get cm -l set=s -o custom-columns=NAME:.metadata.name,Tier:metadata.labels.tier,KEYS:{.data.*}")
        #expect(r.stdout == """
            NAME   Tier     KEYS
            a10    <none>   1
            a9     <none>   <none>
            b      back     2,3
            c      <none>   <none>

            """, "\(r)")
        #expect(s.run("get cm -l set=s -o custom-columns=N:.metadata.name --no-headers").stdout == "a10\na9\nb\nc\n")
        #expect(s.run("get cm -l nothing=here -o custom-columns=NAME:.metadata.name").stdout == "NAME\n")
        #expect(s.run("get cm b -o custom-columns=DATA:.data").stdout == "DATA\nmap[k:2 l:3]\n")
        #expect(s.run("get cm -o custom-columns=NAME").stderr
            == "error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n")
        let spec = s.writeFile("cols.txt", "NAME   SIZE\n.metadata.name {.metadata.annotations.size}\n")
        #expect(s.run(args: ["get", "cm", "-l", "set=s", "-o", "custom-columns-file=" + spec, "--sort-by=.metadata.name"]).stdout
            == "NAME   SIZE\na10    10Gi\na9     512Mi\nb      2Gi\nc      <none>\n")
        let bad = s.writeFile("bad.txt", "A B\n.a\n")
        #expect(s.run(args: ["get", "cm", "-o", "custom-columns-file=" + bad]).stderr
            == "error: number of headers (2) and field specifications (1) don't match\n")
    }

    @Test func sortByByteOrderQuantitiesTimestampsAndMissingFields() {
        let s = Self.store()
        // kubectl v1.32 compares strings byte-wise (`a10` before `a9`), quantities by value.
        #expect(s.run("get cm -l set=s -o name --sort-by=.metadata.name").stdout
            == "configmap/a10\nconfigmap/a9\nconfigmap/b\nconfigmap/c\n")
        // c has no size: it sorts first; quantities compare by value, not as text.
        #expect(s.run("get cm -l set=s -o jsonpath={.items[*].metadata.name} --sort-by=.metadata.annotations.size").stdout
            == "c a9 b a10")
        #expect(s.run("get cm -l set=s -o jsonpath={.items[*].metadata.name} --sort-by={.metadata.annotations.when}").stdout
            == "c a9 b a10")
        let table = s.run("get cm -l set=s --sort-by=.metadata.annotations.size --no-headers")
        #expect(table.stdout.split(separator: "\n").map { String($0.prefix(while: { $0 != " " })) } == ["c", "a9", "b", "a10"])
    }

    @Test func sortByAFieldNoObjectHas() {
        let s = Self.store()
        #expect(s.run("get cm -l set=s --sort-by=.nope") == CLIResult(stdout: "", stderr: "No resources found in default namespace.\n", exitCode: 0))
        #expect(s.run("get cm -l set=s -o name --sort-by=.nope")
            == CLIResult(stdout: "", stderr: "error: couldn't find any field with path \"{.nope}\" in the list of objects\n", exitCode: 1))
    }

    @Test func sortByAMapOrAListStopsAsKubectlDoes() {
        // kubectl v1.32 (against a fake cluster, 2026-12-05) exits 1 from inside the sort with a klog
        // fatal line: `F1205 19:46:23.539606    7829 sorter.go:329] Field {.metadata.labels} in ...`.
        let s = Self.store()
        for (path, type) in [("{.metadata.labels}", "map[string]interface {}"), (".metadata.managedFields", "[]interface {}")] {
            let r = s.run("get cm -l set=s -o name --sort-by=\(path)")
            let field = path.hasPrefix("{") ? path : "{\(path)}"
            #expect(r.exitCode == 1 && r.stdout.isEmpty)
            #expect(r.stderr.hasPrefix("F1123 "), "\(r.stderr)")
            #expect(r.stderr.hasSuffix(" sorter.go:329] Field \(field) in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: \(type)\n"))
        }
    }
}
