import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// label's or annotate's words (`LabelAnnotateOptions<Vocabulary>`).
protocol LabelVocabulary { static var mode: LabelCommand.Mode { get } }

/// `kubectl label` and `kubectl annotate`: one implementation, two vocabularies.
enum LabelCommand {
    struct Mode {
        var field: String  // "labels" / "annotations"
        var noun: String  // "label" / "annotation"
        var pastTense: String  // "labeled" / "annotated"
        var localHint: String
        var fieldManager: String
    }

    static let labelMode = Mode(field: "labels", noun: "label", pastTense: "labeled",
                                localHint: "-f pod.yaml or --filename=pod.json", fieldManager: "kubectl-label")
    static let annotateMode = Mode(field: "annotations", noun: "annotation", pastTense: "annotated",
                                   localHint: "-f rsrc.yaml or --filename=rsrc.json", fieldManager: "kubectl-annotate")

    static let labelSpec = CommandSpec(
        "label", use: "label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]",
        short: "Update the labels on an object", group: "Advanced Commands:", options: LabelAnnotateOptions<Labels>.self)

    static let annotateSpec = CommandSpec(
        "annotate", use: "annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]",
        short: "Update the annotations on an object", group: "Advanced Commands:", options: LabelAnnotateOptions<Annotations>.self)

    enum Labels: LabelVocabulary { static var mode: Mode { labelMode } }
    enum Annotations: LabelVocabulary { static var mode: Mode { annotateMode } }

    /// `labeled` / `not labeled` / `unlabeled` (label) or always `annotated`.
    static func verb(old: JSONValue, new: JSONValue, overwrite: Bool, mode: Mode) -> String {
        guard mode.field == "labels" else { return mode.pastTense }
        let oldJSON = old.compactJSON
        let newJSON = new.compactJSON
        if oldJSON == newJSON { return "not labeled" }
        if !overwrite && newJSON.utf8.count < oldJSON.utf8.count { return "unlabeled" }
        return "labeled"
    }

    /// cmdutil.GetResourcesAndPairs: the resource words, then the `KEY=VALUE` / `KEY-` changes.
    static func resourcesAndPairs(_ args: [String], mode: Mode) throws -> (resources: [String], pairs: [String]) {
        var resources: [String] = []
        var pairs: [String] = []
        for s in args {
            let isPair = (s.contains("=") && !s.hasPrefix("=")) || (s.hasSuffix("-") && s != "-")
            if isPair { pairs.append(s) } else if pairs.isEmpty { resources.append(s) } else {
                throw CLIError.message("all resources must be specified before \(mode.noun) changes: \(s)")
            }
        }
        return (resources, pairs)
    }

    static func parsePairs(_ pairs: [String], mode: Mode) throws -> ([(String, String)], [String]) {
        var add: [(String, String)] = []
        var remove: [String] = []
        for p in pairs {
            if let eq = p.firstIndex(of: "=") {
                let key = String(p[..<eq])
                let value = String(p[p.index(after: eq)...])
                if mode.field == "labels" {
                    if value.contains("=") || key.isEmpty { throw CLIError.message("invalid label spec: \(p)") }
                    if let msg = isValidLabelValue(value).first {
                        throw CLIError.message("invalid label value: \(goQuoted(p)): \(msg)")
                    }
                } else if key.isEmpty {
                    throw CLIError.message("invalid annotation format: \(p)")
                }
                add.append((key, value))
            } else if p.hasSuffix("-") {
                remove.append(String(p.dropLast()))
            } else {
                throw CLIError.message("unknown \(mode.noun) spec: \(p)")
            }
        }
        // label refuses a key both set and removed here; annotate later, in its Validate (annotateConflict).
        if mode.field == "labels", remove.contains(where: { k in add.contains(where: { $0.0 == k }) }) {
            throw CLIError.message("can not both modify and remove a label in the same command")
        }
        return (add, remove)
    }

    /// annotate names every removal that is also set, in argument order (repeats included).
    static func annotateConflict(add: [(String, String)], remove: [String]) throws {
        let both = remove.filter { k in add.contains(where: { $0.0 == k }) }
        if both.isEmpty { return }
        throw CLIError.message("can not both modify and remove the following annotation(s) in the same command: "
            + both.joined(separator: ", "))
    }

    static func apply(_ obj: JSONValue, add: [(String, String)], remove: [String], overwrite: Bool,
                      resourceVersion: String, mode: Mode) throws -> JSONValue
    {
        var o = obj
        let current = obj["metadata"][mode.field]
        if !overwrite {
            var conflicts: [String] = []
            for (k, v) in add {
                if let existing = current[k].string, existing != v {
                    conflicts.append("'\(k)' already has a value (\(existing))")
                }
            }
            if !conflicts.isEmpty {
                if mode.field == "labels" {
                    throw CLIError.message("\(conflicts[0]), and --overwrite is false")
                }
                throw CLIError.message("--overwrite is false but found the following declared annotation(s): " + conflicts.joined(separator: "; "))
            }
        }
        var map = current.object ?? JSONObject()
        for (k, v) in add { map[k] = .string(v) }
        for k in remove { map[k] = nil }
        // kubectl sets the map even when it stays empty: an object without labels gains `labels: {}`.
        o["metadata"][mode.field] = .object(map)
        if !resourceVersion.isEmpty { o["metadata"]["resourceVersion"] = .string(resourceVersion) }
        return o
    }
}
