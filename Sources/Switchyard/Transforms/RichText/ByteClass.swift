/// Byte-level character classes for the rich-text parsers and writers.
///
/// Every syntax character of Markdown, wiki markup and XHTML is ASCII, so the parsers work on UTF-8 bytes;
/// bytes of multi-byte characters (≥ 0x80) count as word characters.
///
/// ```swift
/// ByteClass.of(UInt8(ascii: "*"))   // .punctuation
/// ```
enum ByteClass: Equatable {
    case whitespace
    case punctuation
    case word

    static func of(_ byte: UInt8?) -> ByteClass {
        guard let byte else { return .whitespace }
        if isWhitespace(byte) { return .whitespace }
        if isPunctuation(byte) { return .punctuation }
        return .word
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }

    static func isSpaceOrTab(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09
    }

    static func isPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Letters, digits and any byte of a non-ASCII character.
    static func isWordCharacter(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte >= 0x80
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }
}
