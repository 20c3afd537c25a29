/// Schema v11: an event's `involvedObject.name` is not written to the field index when the event's own
/// name carries it. The recorders name an event `<involved object's name>.<hexadecimal nanoseconds>`,
/// so for nearly every event the entry repeats what the key already holds; such a row keeps no entry
/// (its `objects.fields` is empty) and a lookup of that name also reads the key range `<name>.` of the
/// event's namespace (`SQL.derivedFieldCondition`). That is one B-tree insert less per event (four per
/// pod with its routine events), and about 50 bytes of index.
///
/// The rule, exact both ways: a row of `resource` whose `fields` is empty and whose name is `X.H`, with
/// H 1 to 16 lowercase hexadecimal digits (so its last dot is the one before H) and X not empty, has
/// `field` = X. An event about another object, or with any other name, keeps its entry as before.
enum NameDerivedField {
    static let resource = "/events"
    static let field = "involvedObject.name"

    /// What precedes the last dot of `name`, when 1 to 16 lowercase hexadecimal digits follow it.
    static func value(fromName name: String) -> String? {
        let bytes = Array(name.utf8)
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot > 0 else { return nil }
        let tail = bytes[(dot + 1)...]
        guard (1...16).contains(tail.count),
              tail.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) else { return nil }
        return String(decoding: bytes[..<dot], as: UTF8.self)
    }

    /// Whether a field term on `name` of `resource` is answered with the key range too.
    static func applies(resource: String, field name: String) -> Bool {
        resource == Self.resource && name == field
    }
}

extension StoreTransaction {
    /// The field-index entries the store writes for `row`: its `fields`, less an entry its name carries
    /// (`NameDerivedField`), which only an event whose one entry is that field can drop.
    func storedFields(_ row: ObjectRow) -> [IndexedField] {
        guard row.fields.count == 1, NameDerivedField.applies(resource: row.resource, field: row.fields[0].name),
              let value = NameDerivedField.value(fromName: row.name), value == row.fields[0].value else { return row.fields }
        return []
    }
}
