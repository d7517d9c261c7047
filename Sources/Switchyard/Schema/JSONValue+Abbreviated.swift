extension JSONValue {
    /// Compact JSON for messages, cut to at most `limit` characters with a trailing `…`.
    ///
    /// Rendering stops as soon as the limit is passed, so quoting a megabyte param in an error costs no more
    /// than quoting a short one.
    func abbreviatedJSON(limit: Int = 60) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(limit + 8)
        appendAbbreviated(to: &bytes, limit: limit)
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.count > limit else { return text }
        return text.prefix(limit - 1) + "…"
    }

    /// The type name followed by the abbreviated value, for messages: `string "ten"`, `array [1,2]`, `null`.
    var typeAndAbbreviatedJSON: String {
        if case .null = self { return "null" }
        return typeName + " " + abbreviatedJSON()
    }

    private func appendAbbreviated(to bytes: inout [UInt8], limit: Int) {
        guard bytes.count <= limit else { return }
        switch self {
        case .string(let text) where text.utf8.count > limit:
            bytes += JSONValue.string(String(text.unicodeScalars.prefix(limit))).serializedBytes()
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                guard bytes.count <= limit else { break }
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                element.appendAbbreviated(to: &bytes, limit: limit)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            bytes.append(UInt8(ascii: "{"))
            for (position, member) in object.members.enumerated() {
                guard bytes.count <= limit else { break }
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONValue.string(member.key).appendAbbreviated(to: &bytes, limit: limit)
                bytes.append(UInt8(ascii: ":"))
                member.value.appendAbbreviated(to: &bytes, limit: limit)
            }
            bytes.append(UInt8(ascii: "}"))
        default:
            bytes += serializedBytes()
        }
    }
}
