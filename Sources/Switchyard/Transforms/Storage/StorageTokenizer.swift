/// A tolerant tokenizer for Confluence storage format (XHTML with undeclared `ac:`/`ri:` namespaces and
/// CDATA sections), which is not well-formed XML and so cannot go through an XML parser.
///
/// It yields start tags (lowercased names, attributes with entities decoded), end tags, text (entities
/// decoded) and CDATA (raw). Comments, doctypes and processing instructions are skipped; a `<` that does
/// not start valid markup is text. It never fails and reads each byte a bounded number of times.
///
/// ```swift
/// var tokenizer = StorageTokenizer("<p class=x>a &amp; b<br/></p>")
/// tokenizer.next()   // .startTag(name: "p", attributes: [("class", "x")], selfClosing: false)
/// tokenizer.next()   // .text("a & b")
/// tokenizer.next()   // .startTag(name: "br", attributes: [], selfClosing: true)
/// ```
struct StorageTokenizer: IteratorProtocol {
    enum Token: Equatable {
        case startTag(name: String, attributes: [Attribute], selfClosing: Bool)
        case endTag(name: String)
        case text(String)
        case cdata(String)
    }

    struct Attribute: Equatable {
        let name: String
        let value: String
    }

    private let bytes: [UInt8]
    private var index = 0
    /// The last `>`, `"` and `'` in the input: markup that would need one beyond them is text.
    private let lastGreaterThan: Int
    private let lastDoubleQuote: Int
    private let lastSingleQuote: Int

    init(_ text: String) {
        bytes = Array(text.utf8)
        lastGreaterThan = bytes.lastIndex(of: UInt8(ascii: ">")) ?? -1
        lastDoubleQuote = bytes.lastIndex(of: UInt8(ascii: "\"")) ?? -1
        lastSingleQuote = bytes.lastIndex(of: UInt8(ascii: "'")) ?? -1
    }

    mutating func next() -> Token? {
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<") {
                let start = index
                if let token = markup() { return token }
                if index > start { continue }
                return text(from: start, skippingFirst: true)
            }
            return text(from: index, skippingFirst: false)
        }
        return nil
    }

    /// Text up to the next `<` (after the first byte when that is a literal `<`).
    private mutating func text(from start: Int, skippingFirst: Bool) -> Token {
        var end = skippingFirst ? start + 1 : start
        while end < bytes.count, bytes[end] != UInt8(ascii: "<") { end += 1 }
        index = end
        return .text(HTMLEntities.decode(bytes[start..<end]))
    }

    /// The markup at `index` (a `<`). Returns `nil` and leaves `index` alone when it is not markup, or
    /// returns `nil` with `index` advanced past something skipped (a comment).
    private mutating func markup() -> Token? {
        let rest = bytes[index...]
        if rest.hasPrefixIgnoringCase("<!--") {
            index = find("-->", from: index + 4).map { $0 + 3 } ?? bytes.count
            return nil
        }
        if rest.hasPrefixIgnoringCase("<![CDATA[") {
            let contentStart = index + 9
            let end = find("]]>", from: contentStart)
            index = end.map { $0 + 3 } ?? bytes.count
            return .cdata(bytes[contentStart..<(end ?? bytes.count)].string)
        }
        guard index + 1 < bytes.count else { return nil }
        let second = bytes[index + 1]
        if second == UInt8(ascii: "!") || second == UInt8(ascii: "?") {
            guard index < lastGreaterThan else { return nil }
            index = (bytes[index...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count - 1) + 1
            return nil
        }
        if second == UInt8(ascii: "/") {
            var cursor = index + 2
            let name = readName(&cursor)
            guard !name.isEmpty, index < lastGreaterThan else { return nil }
            while cursor < bytes.count, bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
            index = min(cursor + 1, bytes.count)
            return .endTag(name: name)
        }
        guard ByteClass.isLetter(second), index < lastGreaterThan else { return nil }
        var cursor = index + 1
        let name = readName(&cursor)
        var attributes: [Attribute] = []
        while cursor < bytes.count {
            while cursor < bytes.count, ByteClass.isWhitespace(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count else { return nil }
            let byte = bytes[cursor]
            if byte == UInt8(ascii: ">") {
                index = cursor + 1
                return .startTag(name: name, attributes: attributes, selfClosing: false)
            }
            if byte == UInt8(ascii: "/") {
                if cursor + 1 < bytes.count, bytes[cursor + 1] == UInt8(ascii: ">") {
                    index = cursor + 2
                    return .startTag(name: name, attributes: attributes, selfClosing: true)
                }
                cursor += 1
                continue
            }
            let nameStart = cursor
            while cursor < bytes.count, !ByteClass.isWhitespace(bytes[cursor]),
                  bytes[cursor] != UInt8(ascii: "="), bytes[cursor] != UInt8(ascii: ">"), bytes[cursor] != UInt8(ascii: "/") {
                cursor += 1
            }
            let attributeName = String(decoding: bytes[nameStart..<cursor].map(ByteClass.lowercased), as: UTF8.self)
            while cursor < bytes.count, ByteClass.isWhitespace(bytes[cursor]) { cursor += 1 }
            var value = ""
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") {
                cursor += 1
                while cursor < bytes.count, ByteClass.isWhitespace(bytes[cursor]) { cursor += 1 }
                guard cursor < bytes.count else { return nil }
                let quote = bytes[cursor]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    guard cursor < (quote == UInt8(ascii: "\"") ? lastDoubleQuote : lastSingleQuote) else { return nil }
                    let valueStart = cursor + 1
                    cursor = valueStart
                    while bytes[cursor] != quote { cursor += 1 }
                    value = HTMLEntities.decode(bytes[valueStart..<cursor])
                    cursor += 1
                } else {
                    let valueStart = cursor
                    while cursor < bytes.count, !ByteClass.isWhitespace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                    value = HTMLEntities.decode(bytes[valueStart..<cursor])
                }
            }
            if !attributeName.isEmpty { attributes.append(Attribute(name: attributeName, value: value)) }
        }
        return nil
    }

    /// A tag name (letters, digits, `:`, `-`, `_`, `.`), lowercased.
    private func readName(_ cursor: inout Int) -> String {
        let start = cursor
        while cursor < bytes.count {
            let byte = bytes[cursor]
            guard ByteClass.isLetter(byte) || ByteClass.isDigit(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            else { break }
            cursor += 1
        }
        return String(decoding: bytes[start..<cursor].map(ByteClass.lowercased), as: UTF8.self)
    }

    private func find(_ needle: String, from start: Int) -> Int? {
        let pattern = Array(needle.utf8)
        var cursor = start
        while cursor + pattern.count <= bytes.count {
            if bytes[cursor] == pattern[0], bytes[cursor..<(cursor + pattern.count)].elementsEqual(pattern) { return cursor }
            cursor += 1
        }
        return nil
    }
}
