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
        var members: [(key: String, value: Range<Int>)] = []
        try walk(bytes, in: range) { parser, key throws(JSONParseError) in
            let start = parser.index
            try parser.skipValue()
            members.append((key, start..<parser.index))
        }
        return members
    }

    /// ``members(_:in:)`` without skimming the value of the member named `last` when it is the object's last
    /// member and an object: its range reaches from its `{` to the `}` before the object's own, found from the
    /// end. A manifest's `entities`, nearly all of it, is then read only when it is used. Should a member follow
    /// it after all, that member ends up inside the range, and parsing the range reports it.
    static func members(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, deferring last: String) throws(JSONParseError) -> [(key: String, value: Range<Int>)] {
        let lastObjectEnd = endOfLastObjectValue(bytes, in: range)
        var members: [(key: String, value: Range<Int>)] = []
        try walk(bytes, in: range) { parser, key throws(JSONParseError) in
            let start = parser.index
            if key == last, let lastObjectEnd, start < lastObjectEnd, parser.peek() == UInt8(ascii: "{") {
                parser.index = lastObjectEnd
            } else {
                try parser.skipValue()
            }
            members.append((key, start..<parser.index))
        }
        return members
    }

    /// Just past the `}` that ends the last member's value of the object `range` holds, when that value is an
    /// object (`…}` then the object's own `}`, whitespace aside); `nil` otherwise.
    private static func endOfLastObjectValue(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int? {
        var position = range.upperBound - 1
        for _ in 0..<2 {
            while position > range.lowerBound, isWhitespace(bytes[position]) { position -= 1 }
            guard position > range.lowerBound, bytes[position] == UInt8(ascii: "}") else { return nil }
            position -= 1
        }
        return position + 2
    }

    /// Calls `body` for each member of the object that `range` holds; `body` reads or skips the value.
    private static func walk(
        _ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, _ body: (inout JSONParser, String) throws(JSONParseError) -> Void
    ) throws(JSONParseError) {
        var parser = JSONParser(bytes: UnsafeBufferPointer(rebasing: bytes[0..<range.upperBound]))
        parser.index = range.lowerBound
        try parser.forEachMember(body)
        parser.skipWhitespace()
        guard parser.index == range.upperBound else { throw parser.error("unexpected content after the JSON value") }
    }

    /// Reads the object that starts here, calling `body` after each key with the parser at the member's value,
    /// which `body` must read or skip.
    private mutating func forEachMember(_ body: (inout JSONParser, String) throws(JSONParseError) -> Void) throws(JSONParseError) {
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else { throw error("expected an object") }
        index += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw error("expected a string key in object") }
            let key = try parseString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after object key") }
            index += 1
            skipWhitespace()
            try body(&self, key)
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return
            default: throw error("expected ',' or '}' in object")
            }
        }
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
                position = Self.nextMarked(base, from: position, end, table: table, inString: false)
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
            position = nextMarked(base, from: position, end, table: table, inString: true)
            guard position < end else { return false }
            if base[position] == UInt8(ascii: "\"") {
                position += 1
                return true
            }
            position += 2
        }
        return false
    }

    /// The first byte at or after `start` that matters to a skim (``SkimClass``; in a string only a quote or
    /// a backslash), or `end`. Eight bytes at a time: most of a manifest is prose in strings and indentation.
    @inline(__always)
    private static func nextMarked(_ base: UnsafePointer<UInt8>, from start: Int, _ end: Int, table: UnsafeBufferPointer<UInt8>, inString: Bool) -> Int {
        var position = start
        while position < end {
            if end - position >= 8 {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                let candidates = inString ? SkimWord.stringCandidates(word) : SkimWord.structureCandidates(word)
                if candidates == 0 {
                    position += 8
                    continue
                }
                position += candidates.trailingZeroBitCount / 8
            }
            let kind = SkimClass.of(base[position], in: table)
            if inString ? !kind.isPlainInString : kind != .plain { return position }
            position += 1
        }
        return end
    }
}

/// Eight bytes at once (SWAR): a high bit in each byte that may be one a skim stops at. The lowest marked byte
/// is exact; bytes above it may be false alarms, which ``SkimClass`` settles one byte at a time.
private enum SkimWord {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Bytes of `word` equal to `byte`.
    @inline(__always)
    private static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ (UInt64(byte) &* ones)
        return (difference &- ones) & ~difference & highBits
    }

    /// A quote or a backslash.
    @inline(__always)
    static func stringCandidates(_ word: UInt64) -> UInt64 {
        equal(word, UInt8(ascii: "\"")) | equal(word, UInt8(ascii: "\\"))
    }

    /// A quote or a bracket. Setting bit 5 folds `[` `\` `]` onto `{` `|` `}`, so three comparisons cover six
    /// bytes; `|`, a backslash and control bytes are the false alarms.
    @inline(__always)
    static func structureCandidates(_ word: UInt64) -> UInt64 {
        let folded = word | (0x20 &* ones)
        return equal(folded, UInt8(ascii: "\"")) | equal(folded, UInt8(ascii: "{")) | equal(folded, UInt8(ascii: "|")) | equal(folded, UInt8(ascii: "}"))
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
