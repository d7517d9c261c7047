/// Reading an object's members without building their values: where each value's bytes are, so a caller
/// can parse only the members it needs now (a manifest's header) and the rest when they are needed.
///
/// Skimming checks only what it must to find where a value ends (brackets, strings and their escapes); a
/// value's own syntax is checked when it is parsed.
///
/// ```swift
/// try bytes.withUnsafeBufferPointer { buffer in
///     for member in try JSONParser.members(buffer, in: 0..<buffer.count) {
///         print(member.key, member.value)        // "entities" 1042..<98113
///     }
/// }
/// ```
extension JSONParser {
    /// The members of the object that `range` of `bytes` holds, in order, each value as the range of its bytes.
    static func members(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) throws(JSONParseError) -> [(key: String, value: Range<Int>)] {
        var parser = JSONParser(bytes: UnsafeBufferPointer(rebasing: bytes[0..<range.upperBound]))
        parser.index = range.lowerBound
        parser.skipWhitespace()
        guard parser.peek() == UInt8(ascii: "{") else { throw parser.error("expected an object") }
        parser.index += 1
        var members: [(key: String, value: Range<Int>)] = []
        parser.skipWhitespace()
        if parser.peek() == UInt8(ascii: "}") {
            parser.index += 1
        } else {
            reading: while true {
                parser.skipWhitespace()
                guard parser.peek() == UInt8(ascii: "\"") else { throw parser.error("expected a string key in object") }
                let key = try parser.parseString()
                parser.skipWhitespace()
                guard parser.peek() == UInt8(ascii: ":") else { throw parser.error("expected ':' after object key") }
                parser.index += 1
                parser.skipWhitespace()
                let start = parser.index
                try parser.skipValue()
                members.append((key, start..<parser.index))
                parser.skipWhitespace()
                switch parser.peek() {
                case UInt8(ascii: ","): parser.index += 1
                case UInt8(ascii: "}"):
                    parser.index += 1
                    break reading
                default: throw parser.error("expected ',' or '}' in object")
                }
            }
        }
        parser.skipWhitespace()
        guard parser.index == range.upperBound else { throw parser.error("unexpected content after the JSON value") }
        return members
    }

    /// Moves past one value: a container to its matching close, a string past its closing quote, a number
    /// or literal to the next delimiter. The loops read the bytes directly and jump over bytes that cannot
    /// end anything (``SkimClass``): this is the whole cost of a skim.
    private mutating func skipValue() throws(JSONParseError) {
        try SkimClass.table.withUnsafeBufferPointer { table throws(JSONParseError) in try skipValue(table: table) }
    }

    private mutating func skipValue(table: UnsafeBufferPointer<UInt8>) throws(JSONParseError) {
        guard index < bytes.count, let base = bytes.baseAddress else { throw error("unexpected end of input, expected a value") }
        let end = bytes.count
        let first = base[index]
        var position = index
        switch first {
        case UInt8(ascii: "\""):
            guard Self.skipString(base, &position, end, table: table) else { throw error("unterminated string") }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            scanning: while true {
                while position < end, SkimClass.of(base[position], in: table) == .plain { position += 1 }
                guard position < end else { break scanning }
                switch SkimClass.of(base[position], in: table) {
                case .quote:
                    guard Self.skipString(base, &position, end, table: table) else { break scanning }
                    continue scanning
                case .open:
                    depth += 1
                    guard depth <= JSONParser.maximumDepth else {
                        index = position
                        throw error("nesting deeper than \(JSONParser.maximumDepth) levels")
                    }
                case .close:
                    depth -= 1
                    if depth == 0 {
                        index = position + 1
                        return
                    }
                case .plain, .escape: break
                }
                position += 1
            }
            index = end
            throw error("unexpected end of input in \(first == UInt8(ascii: "{") ? "object" : "array")")
        default:
            while position < end {
                switch base[position] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                    break
                default:
                    position += 1
                    continue
                }
                break
            }
            guard position > index else { throw error("expected a value") }
        }
        index = position
    }

    /// Moves `position` past the string that starts there, escapes included, without decoding it; `false`
    /// when it does not end.
    private static func skipString(_ base: UnsafePointer<UInt8>, _ position: inout Int, _ end: Int, table: UnsafeBufferPointer<UInt8>) -> Bool {
        position += 1
        while position < end {
            while position < end, SkimClass.of(base[position], in: table).isPlainInString { position += 1 }
            guard position < end else { return false }
            if base[position] == UInt8(ascii: "\"") {
                position += 1
                return true
            }
            position += 2
        }
        return false
    }
}

/// What a byte means to a skim.
private enum SkimClass: UInt8 {
    case plain, quote, escape, open, close

    /// `table` is ``table``'s storage, which the caller holds for a whole skim.
    @inline(__always)
    static func of(_ byte: UInt8, in table: UnsafeBufferPointer<UInt8>) -> SkimClass {
        SkimClass(rawValue: table[Int(byte)]) ?? .plain
    }

    /// Inside a string only a quote or a backslash matters.
    var isPlainInString: Bool { self != .quote && self != .escape }

    static let table: [UInt8] = (0...255).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "\""): SkimClass.quote.rawValue
        case UInt8(ascii: "\\"): SkimClass.escape.rawValue
        case UInt8(ascii: "{"), UInt8(ascii: "["): SkimClass.open.rawValue
        case UInt8(ascii: "}"), UInt8(ascii: "]"): SkimClass.close.rawValue
        default: SkimClass.plain.rawValue
        }
    }
}
