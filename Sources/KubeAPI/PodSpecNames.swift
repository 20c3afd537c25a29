import KubeModel

/// The values of a pod spec that `Defaults.podSpecAdmission` neither reads nor writes and that differ
/// between the pods of one file or template once they are bound: the node's name, the volumes' names
/// (the token volume's is random) and the names the containers' mounts use. The defaults of two specs
/// that differ only there differ only there: `substituted` gives the one from the other. (The
/// defaulting reads the volumes' keys, not their names; the containers' image, ports, env, probes and
/// hooks, not their mounts; and of the spec only the fields it defaults.)
enum PodSpecNames {
    /// `output` (the defaults of `known`) with the names `input` has, when `input` is `known` but for
    /// those names (to the byte, keys in the same order: `ClientSpecMemo.identical`); nil otherwise.
    static func substituted(_ output: JSONValue, from known: JSONValue, into input: JSONValue) -> JSONValue? {
        guard case .object(let k) = known, case .object(let i) = input, sameKeys(k, i), case .object = output else { return nil }
        var out = output
        for n in k.keys.indices {
            let key = k.keys[n], kv = k.values[n], iv = i.values[n]
            switch key {
            case "nodeName":
                guard isString(kv), isString(iv) else {
                    guard ClientSpecMemo.identical(kv, iv) else { return nil }
                    continue
                }
                out["nodeName"] = iv
            case "volumes":
                guard let list = named(out["volumes"], kv, iv, nested: nil) else { return nil }
                out["volumes"] = list
            case "containers", "initContainers", "ephemeralContainers":
                guard let list = named(out[key], kv, iv, nested: "volumeMounts") else { return nil }
                out[key] = list
            default:
                guard ClientSpecMemo.identical(kv, iv) else { return nil }
            }
        }
        return out
    }

    /// The same keys in the same order, to the byte.
    private static func sameKeys(_ a: JSONObject, _ b: JSONObject) -> Bool {
        a.count == b.count && !a.keys.indices.contains { !ClientSpecMemo.sameBytes(a.keys[$0], b.keys[$0]) }
    }

    private static func isString(_ v: JSONValue) -> Bool {
        if case .string = v { return true }
        return false
    }

    /// A list of objects (`output`'s, as `known`'s) with the string `name` of each of `input`'s items,
    /// or with the names of their `nested` lists' items; nil when the lists differ elsewhere.
    private static func named(_ output: JSONValue, _ known: JSONValue, _ input: JSONValue, nested: String?) -> JSONValue? {
        guard case .array(let k) = known, case .array(let i) = input else {
            return ClientSpecMemo.identical(known, input) ? output : nil
        }
        guard case .array(var out) = output, k.count == i.count, out.count == k.count else { return nil }
        for n in k.indices {
            guard case .object(let ko) = k[n], case .object(let io) = i[n], sameKeys(ko, io), case .object = out[n] else {
                guard ClientSpecMemo.identical(k[n], i[n]) else { return nil }
                continue
            }
            for m in ko.keys.indices {
                let key = ko.keys[m], kv = ko.values[m], iv = io.values[m]
                if key == "name", isString(kv), isString(iv) {
                    out[n]["name"] = iv
                } else if let nested, key == nested {
                    guard let list = named(out[n][nested], kv, iv, nested: nil) else { return nil }
                    out[n][nested] = list
                } else if !ClientSpecMemo.identical(kv, iv) {
                    return nil
                }
            }
        }
        return .array(out)
    }
}
