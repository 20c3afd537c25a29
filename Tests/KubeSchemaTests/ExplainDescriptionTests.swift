import Testing
import KubeModel
import KubeTestSupport
@testable import KubeSchema

/// Flip to true once every definition and field has a description: coverage then becomes a failure.
let requireCompleteDescriptions = true

/// Every (definition, field) of the embedded schema that our catalog does not describe.
func missingDescriptions(_ catalog: DescriptionCatalog = .builtin) -> (definitions: [String], fields: [String], total: Int) {
    var defs: [String] = []
    var fields: [String] = []
    var total = 0
    for name in SchemaIndex.builtin.definitionNames {
        guard let d = SchemaIndex.builtin.definition(named: name) else { continue }
        total += 1 + d.properties.count
        if catalog.description(definition: name).isEmpty { defs.append(name) }
        for p in d.properties where catalog.description(definition: name, field: p.name).isEmpty {
            fields.append(name + "." + p.name)
        }
    }
    return (defs, fields, total)
}

@Suite struct ExplainDescriptionTests {
    @Test func catalogFormat() {
        let c = DescriptionCatalog(text: """
            # comment
            @a.B a.C
            First line
            continues here.

            Second paragraph.
            .x
            Allowed values:
            - One
            - Two
            .y
              indented text is trimmed
            @a.D
            .z
            only a field
            """)
        #expect(c.description(definition: "a.B") == "First line continues here.\n\nSecond paragraph.")
        #expect(c.description(definition: "a.C") == c.description(definition: "a.B"))
        #expect(c.description(definition: "a.B", field: "x") == "Allowed values:\n- One\n- Two")
        #expect(c.description(definition: "a.B", field: "y") == "indented text is trimmed")
        #expect(c.description(definition: "a.D") == "")
        #expect(c.description(definition: "a.D", field: "z") == "only a field")
        #expect(c.description(definition: "a.E") == "")
        #expect(c.definitionNames == ["a.B", "a.C", "a.D"])
    }

    /// Every description block names a definition and fields that exist (catches typos).
    @Test func catalogNamesExist() {
        let cat = DescriptionCatalog.builtin
        var unknown: [String] = []
        for name in cat.definitionNames {
            guard let d = SchemaIndex.builtin.definition(named: name) else { unknown.append(name); continue }
            for f in cat.entry(name)?.fieldOrder ?? [] where d.property(named: f) == nil { unknown.append(name + "." + f) }
        }
        #expect(unknown == [])
    }

    @Test func firstBatchIsComplete() {
        let core = ["io.k8s.api.core.v1.Pod", "io.k8s.api.core.v1.PodSpec", "io.k8s.api.core.v1.PodStatus",
                    "io.k8s.api.core.v1.Container", "io.k8s.api.apps.v1.Deployment", "io.k8s.api.apps.v1.DeploymentSpec",
                    "io.k8s.api.apps.v1.DeploymentStatus", "io.k8s.api.core.v1.Service", "io.k8s.api.core.v1.ServiceSpec",
                    "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "io.k8s.api.core.v1.ConfigMap", "io.k8s.api.core.v1.Secret"]
        let missing = missingDescriptions()
        for name in core {
            #expect(!missing.definitions.contains(name), "\(name)")
            #expect(!missing.fields.contains { $0.hasPrefix(name + ".") }, "\(name)")
        }
    }

    /// Lists what is still missing (printed); fails only once `requireCompleteDescriptions` is set.
    @Test func everyDefinitionAndFieldHasADescription() {
        let m = missingDescriptions()
        print("descriptions: \(m.total - m.definitions.count - m.fields.count) of \(m.total) written; "
              + "\(m.definitions.count) definitions and \(m.fields.count) fields missing")
        // The missing definitions by package, for splitting the work.
        var byPackage: [(String, [String])] = []
        for d in m.definitions {
            let dot = d.lastIndex(of: ".")!
            let pkg = String(d[..<dot]), name = String(d[d.index(after: dot)...])
            if byPackage.last?.0 == pkg { byPackage[byPackage.count - 1].1.append(name) } else { byPackage.append((pkg, [name])) }
        }
        for (pkg, names) in byPackage { print("missing \(pkg) (\(names.count)): \(names.joined(separator: ", "))") }
        if requireCompleteDescriptions {
            #expect(m.definitions == [])
            #expect(m.fields == [])
        }
    }

    @Test func explainUsesOurDescriptions() {
        let r = TestStore().run("explain pods.spec.restartPolicy")
        #expect(r.exitCode == 0)
        #expect(r.stdout.contains("    What happens when a container exits: \"Always\" (default; restart it),"))
        let f = TestStore().run("explain cm")
        #expect(f.stdout.contains("  immutable\t<boolean>\n    When true, data and binaryData can no longer be changed"))
    }
}
