import KubeModel

// Validation ratcheting on custom-resource updates (CRDValidationRatcheting, on by default in v1.32):
// the old object is correlated with the new one through the schema (object fields by name, items of a
// `map` list by their keys; other lists as a whole), and a schema error raised inside a correlated
// node equal to its old value is dropped. A failed x-kubernetes-validations rule that does not use
// oldSelf on such a node (or under one, for items of an uncorrelatable list) becomes a warning.

enum CustomResourceRatcheting {
    /// The old value correlated with `key` of an object node, nil when it cannot be correlated (no such
    /// key on either side, or no schema for it).
    static func child(_ old: JSONValue?, _ new: JSONValue, key: String, schema s: JSONValue) -> JSONValue? {
        guard let old, case .object(let o) = old, case .object(let n) = new, let was = o[key], n[key] != nil,
              childSchema(s, key) != nil else { return nil }
        return was
    }

    /// The old item correlated with `item`: only items of a `map` list, by their keys.
    static func item(_ old: JSONValue?, _ item: JSONValue, schema s: JSONValue) -> JSONValue? {
        guard s["x-kubernetes-list-type"].string == "map", let olds = old?.array, s["items"].object != nil else { return nil }
        let keys = (s["x-kubernetes-list-map-keys"].array ?? []).compactMap(\.string)
        return olds.first { o in keys.allSatisfy { o[$0] == item[$0] } }
    }

    static func childSchema(_ s: JSONValue, _ key: String) -> JSONValue? {
        if let p = s["properties"][key].object { return .object(p) }
        if let a = s["additionalProperties"].object { return .object(a) }
        return nil
    }

    /// `CachedDeepEqual`: a correlated node equals its old value when it has the same shape and every
    /// child correlates to an equal old child (a `map` list by keys, in any order; another list as a
    /// whole); an object with a field the schema does not describe is never equal.
    static func equal(_ new: JSONValue, _ old: JSONValue, schema s: JSONValue) -> Bool {
        switch (new, old) {
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return false }
            guard s["x-kubernetes-list-type"].string == "map", s["items"].object != nil else { return x == y }
            for v in x {
                guard let w = item(old, v, schema: s), equal(v, w, schema: s["items"]) else { return false }
            }
            return true
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            for (k, v) in x {
                guard let w = y[k], let cs = childSchema(s, k), equal(v, w, schema: cs) else { return false }
            }
            return true
        default:
            return new == old
        }
    }
}
