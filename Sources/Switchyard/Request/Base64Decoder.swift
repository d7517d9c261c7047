/// Decodes standard base64 (RFC 4648 §4) as agents send it: whitespace and line breaks are ignored and the
/// `=` padding is optional; any other character outside the alphabet is an error that says where it is.
///
/// ```swift
/// try Base64Decoder.decode("aGk=")   // [104, 105]
/// ```
enum Base64Decoder {
    /// Why a text is not base64.
    struct Failure: Error, Sendable {
        let message: String
    }

    static func decode(_ text: String) throws(Failure) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count / 4 * 3)
        var accumulator: UInt32 = 0
        var count = 0
        var padding = 0
        for (offset, byte) in text.utf8.enumerated() {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            if byte == UInt8(ascii: "=") {
                padding += 1
                continue
            }
            guard padding == 0 else {
                throw Failure(message: "data continues after '=' padding at offset \(offset)")
            }
            guard let value = sextet(byte) else {
                let shown = byte < 0x80 ? "'\(Character(Unicode.Scalar(byte)))'" : "a non-ASCII character"
                throw Failure(message: "\(shown) at offset \(offset) is not a base64 character (A–Z, a–z, 0–9, +, /)")
            }
            accumulator = accumulator << 6 | UInt32(value)
            count += 1
            if count == 4 {
                output += [UInt8(accumulator >> 16 & 0xFF), UInt8(accumulator >> 8 & 0xFF), UInt8(accumulator & 0xFF)]
                accumulator = 0
                count = 0
            }
        }
        switch count {
        case 0: break
        case 2: output.append(UInt8(accumulator >> 4 & 0xFF))
        case 3: output += [UInt8(accumulator >> 10 & 0xFF), UInt8(accumulator >> 2 & 0xFF)]
        default: throw Failure(message: "the length is wrong: one base64 character too many or too few")
        }
        guard padding <= 2, padding == 0 || (count + padding) % 4 == 0 else {
            throw Failure(message: "the '=' padding does not fit the length")
        }
        return output
    }

    private static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
