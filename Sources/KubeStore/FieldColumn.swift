import CSQLite

/// The field-index entries of a row, kept in the row itself since schema v8 (`objects.fields`), so an
/// update or delete finds the entries to remove by their key, without a second, by-object index.
/// Each field is `code:length:value` (the code of its name in `field_names`, the value's length in
/// UTF-8 bytes), one after the other.
extension StoreTransaction {
    func encodeFields(_ fields: [IndexedField]) throws -> String {
        var out = ""
        for field in fields {
            out += String(try db.fieldCode(field.name)) + ":" + String(field.value.utf8.count) + ":" + field.value
        }
        return out
    }

    func decodeFields(_ text: String) throws -> [IndexedField] {
        if text.isEmpty { return [] }
        let bytes = Array(text.utf8)
        var fields: [IndexedField] = []
        var i = 0
        func number() throws -> Int {
            var n = 0, digits = 0
            while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39, digits < 12 {
                n = n * 10 + Int(bytes[i] - 0x30)
                i += 1
                digits += 1
            }
            guard digits > 0, i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                throw StoreError.corrupt("indexed fields of a row are damaged: \(text)")
            }
            i += 1
            return n
        }
        while i < bytes.count {
            let code = try number()
            let length = try number()
            guard i + length <= bytes.count else { throw StoreError.corrupt("indexed fields of a row are damaged: \(text)") }
            let value = String(decoding: bytes[i..<(i + length)], as: UTF8.self)
            i += length
            fields.append(IndexedField(try db.fieldName(Int64(code)), value))
        }
        return fields
    }

    /// Rewrites only the fields that changed (each change moves the `#` counts).
    func updateFields(id: Int64, old: [IndexedField], new: [IndexedField]) throws {
        let old = Set(old), new = Set(new)
        for field in old where !new.contains(field) { try runField(SQL.deleteField, id: id, field) }
        for field in new where !old.contains(field) { try runField(SQL.insertField, id: id, field) }
    }

    func runField(_ sql: String, id: Int64, _ field: IndexedField) throws {
        let s = try db.statement(sql)
        try s.bind(1, id)
        try s.bind(2, field.name)
        try s.bind(3, field.value)
        try s.run()
    }
}

extension Database {
    /// The code of an indexed field's name, given one the first time it is written. Codes are kept
    /// for the connection; a rollback forgets them (`forgetFieldNames`), as it may undo a new one.
    func fieldCode(_ name: String) throws -> Int64 {
        if let code = fieldCodes[name] { return code }
        let s = try statement(SQL.selectFieldCode)
        try s.bind(1, name)
        let found = try s.step() ? s.int64(0) : nil
        s.reset()
        let code: Int64
        if let found {
            code = found
        } else {
            let insert = try statement(SQL.insertFieldName)
            try insert.bind(1, name)
            try insert.run()
            code = lastInsertRowID
        }
        fieldCodes[name] = code
        fieldNames[code] = name
        return code
    }

    /// The name of a field code found in a row.
    func fieldName(_ code: Int64) throws -> String {
        if let name = fieldNames[code] { return name }
        let s = try statement(SQL.selectFieldNames)
        defer { s.reset() }
        while try s.step() {
            fieldNames[s.int64(0)] = s.text(1)
            fieldCodes[s.text(1)] = s.int64(0)
        }
        guard let name = fieldNames[code] else { throw StoreError.corrupt("unknown indexed field code \(code)") }
        return name
    }

    func forgetFieldNames() {
        fieldCodes.removeAll()
        fieldNames.removeAll()
    }
}
