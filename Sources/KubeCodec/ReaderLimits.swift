import KubeModel

/// A node read under an anchor, with the number of decode steps go-yaml spends on it (every alias
/// to it costs that many again).
struct Anchored {
    var value: JSONValue
    var count: Int
}

/// The limits kubectl's YAML reader (go-yaml v2 under sigs.k8s.io/yaml) puts on a document.
///
/// - Depth: the scanner refuses a 10,001st nested flow collection or block indentation level.
/// - Aliases: the decoder counts its steps and the steps spent expanding aliases, and stops with
///   "document contains excessive aliasing" once more than 100 alias steps make up more than the
///   allowed share of over 1,000 steps (99 % up to 400,000 steps, falling to 10 % at 4,000,000).
///   Values behind an alias are shared here, not copied, so counting is all the work an alias costs.
struct ReaderLimits {
    static let maxDepth = 10_000

    var flowLevel = 0
    var indents: [Int] = []
    var decodeCount = 0
    var aliasCount = 0
    var excessiveAliasing = false

    /// One decode step outside alias expansion.
    mutating func countNode() {
        decodeCount &+= 1
        check()
    }

    /// An alias expanded: `steps` decode steps, all of them alias steps. The share of alias steps only
    /// grows while they are counted, so checking at the end is checking at every step.
    mutating func countAlias(_ steps: Int) {
        decodeCount = min(decodeCount, Int.max / 2) + min(steps, Int.max / 4)
        aliasCount = min(aliasCount, Int.max / 2) + min(steps, Int.max / 4)
        check()
    }

    private mutating func check() {
        guard !excessiveAliasing, aliasCount > 100, decodeCount > 1000 else { return }
        if Double(aliasCount) / Double(decodeCount) > Self.allowedAliasRatio(decodeCount) { excessiveAliasing = true }
    }

    static func allowedAliasRatio(_ decodeCount: Int) -> Double {
        let low = 400_000, high = 4_000_000
        if decodeCount <= low { return 0.99 }
        if decodeCount >= high { return 0.10 }
        return 0.99 - 0.89 * (Double(decodeCount - low) / Double(high - low))
    }
}

/// encoding/json's nesting limit, applied to what a YAML document turns into: kubectl converts YAML to
/// JSON (keys sorted) and decodes that JSON, which refuses a 10,001st nested object or array.
/// Returns the bracket of the first container too deep, in that JSON's order, or nil.
func firstTooDeepContainer(_ value: JSONValue, limit: Int = ReaderLimits.maxDepth) -> Character? {
    guard value.array != nil || value.object != nil else { return nil }
    // Iterative walk: the value may be 20,000 levels deep.
    var stack: [(JSONValue, Int)] = [(value, 1)]
    while let (v, depth) = stack.popLast() {
        switch v {
        case .object(let o):
            if depth > limit { return "{" }
            for k in o.sortedKeys.reversed() { if let c = o[k], c.array != nil || c.object != nil { stack.append((c, depth + 1)) } }
        case .array(let a):
            if depth > limit { return "[" }
            for c in a.reversed() where c.array != nil || c.object != nil { stack.append((c, depth + 1)) }
        default: break
        }
    }
    return nil
}
