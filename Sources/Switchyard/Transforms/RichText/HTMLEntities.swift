/// HTML character references (`&amp;`, `&#39;`, `&#x1F600;`, `&nbsp;` …): decoding for the storage and
/// Markdown readers, escaping for the storage writer.
///
/// ```swift
/// HTMLEntities.decode(ArraySlice("Fish &amp; chips &#8212; &lt;b&gt;".utf8))   // "Fish & chips — <b>"
/// HTMLEntities.escape("a < b & \"c\"", quotes: true)         // "a &lt; b &amp; &quot;c&quot;"
/// ```
enum HTMLEntities {
    /// The named references Atlassian content uses; anything else stays as written.
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}", "bull": "\u{2022}", "middot": "\u{B7}",
        "lsquo": "\u{2018}", "rsquo": "\u{2019}", "sbquo": "\u{201A}", "ldquo": "\u{201C}", "rdquo": "\u{201D}",
        "bdquo": "\u{201E}", "laquo": "\u{AB}", "raquo": "\u{BB}", "lsaquo": "\u{2039}", "rsaquo": "\u{203A}",
        "copy": "\u{A9}", "reg": "\u{AE}", "trade": "\u{2122}", "deg": "\u{B0}", "plusmn": "\u{B1}",
        "times": "\u{D7}", "divide": "\u{F7}", "para": "\u{B6}", "sect": "\u{A7}", "euro": "\u{20AC}",
        "pound": "\u{A3}", "yen": "\u{A5}", "cent": "\u{A2}", "shy": "\u{AD}", "zwj": "\u{200D}", "zwnj": "\u{200C}",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "larr": "\u{2190}", "rarr": "\u{2192}",
        "uarr": "\u{2191}", "darr": "\u{2193}", "harr": "\u{2194}", "rArr": "\u{21D2}", "lArr": "\u{21D0}",
        "le": "\u{2264}", "ge": "\u{2265}", "ne": "\u{2260}", "asymp": "\u{2248}", "infin": "\u{221E}",
        "check": "\u{2713}", "frac12": "\u{BD}", "frac14": "\u{BC}", "frac34": "\u{BE}", "iexcl": "\u{A1}",
        "iquest": "\u{BF}", "micro": "\u{B5}", "ordm": "\u{BA}", "ordf": "\u{AA}", "sup2": "\u{B2}", "sup3": "\u{B3}",
        "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß",
        "eacute": "é", "egrave": "è", "ecirc": "ê", "aacute": "á", "agrave": "à", "acirc": "â", "ccedil": "ç",
        "iacute": "í", "oacute": "ó", "uacute": "ú", "ntilde": "ñ", "Eacute": "É",
    ]

    /// Decodes every character reference in UTF-8 text.
    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return bytes.string }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "&"), let (decoded, length) = reference(in: bytes, at: index) {
                output.append(contentsOf: decoded.utf8)
                index += length
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The character reference starting at `index` (which holds `&`): its text and its length in bytes.
    static func reference(in bytes: ArraySlice<UInt8>, at index: Int) -> (String, Int)? {
        var cursor = index + 1
        guard cursor < bytes.endIndex else { return nil }
        if bytes[cursor] == UInt8(ascii: "#") {
            cursor += 1
            var hex = false
            if cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: "x") || bytes[cursor] == UInt8(ascii: "X") {
                hex = true
                cursor += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while cursor < bytes.endIndex, digits < 8, let digit = digitValue(bytes[cursor], hex: hex) {
                value = value * (hex ? 16 : 10) + digit
                digits += 1
                cursor += 1
            }
            guard digits > 0, cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: ";") else { return nil }
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (String(Character(scalar ?? "\u{FFFD}")), cursor + 1 - index)
        }
        let nameStart = cursor
        while cursor < bytes.endIndex, cursor - nameStart < 32, ByteClass.isLetter(bytes[cursor]) || ByteClass.isDigit(bytes[cursor]) {
            cursor += 1
        }
        guard cursor > nameStart, cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: ";"),
              let decoded = named[bytes[nameStart..<cursor].string]
        else { return nil }
        return (decoded, cursor + 1 - index)
    }

    /// Whether an `&` at `index` starts something that looks like a character reference (`&word;`, `&#1;`),
    /// known or not: writers escape such ampersands so they survive a round trip.
    static func looksLikeReference(_ bytes: ArraySlice<UInt8>, at index: Int) -> Bool {
        var cursor = index + 1
        if cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: "#") { cursor += 1 }
        let start = cursor
        while cursor < bytes.endIndex, ByteClass.isLetter(bytes[cursor]) || ByteClass.isDigit(bytes[cursor]) { cursor += 1 }
        return cursor > start && cursor < bytes.endIndex && bytes[cursor] == UInt8(ascii: ";")
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        if ByteClass.isDigit(byte) { return UInt32(byte - 0x30) }
        guard hex else { return nil }
        let lower = ByteClass.lowercased(byte)
        return lower >= 0x61 && lower <= 0x66 ? UInt32(lower - 0x61 + 10) : nil
    }

    /// Escapes `&`, `<`, `>` (and `"` when `quotes`) for XHTML text or attribute values.
    static func escape(_ text: String, quotes: Bool = false) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where quotes: output += "&quot;"
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}": break
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
