import KubeModel

/// Why a template over a `List` could not be evaluated one item at a time: the caller evaluates it
/// over the whole list instead (which also gives kubectl's error texts).
public struct JSONPathNotStreamable: Error {}

/// `-o jsonpath` over the `List` kubectl wraps around a list, with the items read one at a time.
///
/// A template streams when every action evaluated at the top level either ignores `.items` (text,
/// `{.kind}`, `{.metadata...}`: evaluated on the List without items), or is `{.items[*]TAIL}` or
/// `{range .items[*]TAIL}...{end}` where TAIL maps each value on its own (fields, slices, filters,
/// `*`, `..`). Evaluating TAIL per item gives the same values in the same order as over the whole
/// list, including client-go's early stop of a slice step (`[*]` of an empty list ends the step for
/// every later value). Anything else (unions, `{.items}`, `{.items[0]}`, unbalanced ranges,
/// `jsonpath-as-json`, missing keys as errors on the path) does not stream.
extension JSONPath {
    enum RootAction {
        case plain
        case items(tail: [JPNode])
        case rangeItems(tail: [JPNode])
        case body
    }

    /// What each top-level node is, or nil when the template cannot stream.
    func listPlan() -> [RootAction]? {
        if outputJSON { return nil }
        var plan: [RootAction] = []
        var depth = 0
        for node in nodes {
            guard case .list(let list) = node else {
                plan.append(depth == 0 ? .plain : .body)
                continue
            }
            if list.dropFirst().contains(where: { if case .identifier = $0 { return true }; return false }) { return nil }
            if case .identifier(let name)? = list.first {
                if name == "end" {
                    if depth == 0 { return nil }
                    depth -= 1
                    plan.append(.body)
                    continue
                }
                guard name == "range" else { return nil }
                depth += 1
                if depth > 1 {
                    plan.append(.body)
                    continue
                }
                guard let tail = itemsTail(list.dropFirst()) else { return nil }
                plan.append(.rangeItems(tail: tail))
                continue
            }
            if depth > 0 {
                plan.append(.body)
                continue
            }
            switch list.first {
            case .field("items")?:
                guard let tail = itemsTail(list[...]) else { return nil }
                plan.append(.items(tail: tail))
            case .field?, .text?, .int?, .float?, .bool?:
                plan.append(.plain)
            default:
                return nil
            }
        }
        return depth == 0 ? plan : nil
    }

    /// The steps after `.items[*]` when each of them maps one value at a time.
    private func itemsTail(_ steps: ArraySlice<JPNode>) -> [JPNode]? {
        let s = Array(steps)
        guard s.count >= 2, s[0] == .field("items"), case .array(let p) = s[1],
              !p[0].known, !p[1].known, !p[2].known else { return nil }
        let tail = Array(s[2...])
        for step in tail {
            switch step {
            case .field: if !allowMissingKeys { return nil }
            case .array, .filter, .int, .float, .bool, .wildcard, .recursive: continue
            default: return nil
            }
        }
        return tail
    }

    /// Evaluates the template over `header` (the List without its items) with the items coming from
    /// `items`, one at a time; `emit` receives the text in order. Throws `JSONPathNotStreamable` when
    /// the template does not stream (before anything is emitted) and `JSONPathError` as `execute`.
    public func executeStreaming(header: JSONValue, items: ((JSONValue) throws -> Void) throws -> Void,
                                 emit: @escaping (String) -> Void) throws
    {
        guard let plan = listPlan() else { throw JSONPathNotStreamable() }
        rootStart = 0
        beginRange = 0
        inRange = 0
        endRange = 0
        lastEndNode = nil
        let root = JPValue.value(header).reboxed
        var i = 0
        while i < nodes.count {
            switch plan[i] {
            case .plain:
                budget = JSONPath.workLimit
                emit(printResults(try walk([root], nodes[i])))
                i += 1
            case .items(let tail):
                var first = true
                var stopped = [Bool](repeating: false, count: tail.count)
                try items { item in
                    budget = JSONPath.workLimit
                    for r in try walkTail(item, tail, &stopped) {
                        emit(first ? JSONPath.text(r) : " " + JSONPath.text(r))
                        first = false
                    }
                }
                i += 1
            case .rangeItems(let tail):
                i = try streamRange(at: i, tail: tail, items: items, emit: emit)
            case .body:
                throw JSONPathNotStreamable()
            }
        }
    }

    /// `{range .items[*]TAIL}`: the body (up to its `{end}`) for every value, as `findResults` runs it;
    /// returns the index of the node after the range's end.
    private func streamRange(at i: Int, tail: [JPNode], items: ((JSONValue) throws -> Void) throws -> Void,
                             emit: @escaping (String) -> Void) throws -> Int
    {
        inRange += 1
        var any = false
        var stopped = [Bool](repeating: false, count: tail.count)
        try items { item in
            budget = JSONPath.workLimit
            for v in try walkTail(item, tail, &stopped) {
                any = true
                rootStart = i + 1
                for group in try findResults(v.reboxed) { emit(printResults(group)) }
            }
        }
        if !any {
            budget = JSONPath.workLimit
            rootStart = i + 1
            _ = try findResults(JPValue.invalid)
        }
        inRange -= 1
        guard let end = lastEndNode, end > i else { throw JSONPathNotStreamable() }
        return end + 1
    }

    /// TAIL on one item; a slice step that stopped early stays stopped for the later items.
    private func walkTail(_ item: JSONValue, _ tail: [JPNode], _ stopped: inout [Bool]) throws -> [JPValue] {
        var cur: [JPValue] = [.value(item)]
        for (j, step) in tail.enumerated() {
            if stopped[j] {
                cur = []
            } else if case .array(let params) = step {
                var stop = false
                cur = try evalArray(cur, params, stopped: &stop)
                try charge(cur.count)
                if stop { stopped[j] = true }
            } else {
                cur = try walk(cur, step)
            }
        }
        return cur
    }
}
