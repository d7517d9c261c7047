/// A `format` value that Switchyard asserts: a string that does not conform fails validation.
///
/// Formats not listed here are annotations and are ignored, as JSON Schema 2020-12 allows.
///
/// ```swift
/// StringFormat.date.accepts("2024-02-29")                  // true
/// StringFormat.dateTime.accepts("2024-05-01T12:00:00+02:00") // true
/// StringFormat.uri.accepts("/relative/path")                // false: no scheme
/// ```
enum StringFormat: String, Sendable {
    /// An RFC 3339 `full-date`: `2024-05-01`.
    case date
    /// An RFC 3339 `date-time` with a `Z` or numeric offset: `2024-05-01T12:00:00.5Z`.
    case dateTime = "date-time"
    /// An RFC 3986 absolute URI, scheme required: `https://example.com/a?b#c`, `urn:isbn:0451450523`.
    case uri
    /// An RFC 5321 mailbox with an ASCII local part and a host name or `[IPv4]` literal.
    case email

    /// What a conforming value looks like, for messages: "a date (YYYY-MM-DD)".
    var expectation: String {
        switch self {
        case .date: "a date (YYYY-MM-DD)"
        case .dateTime: "an RFC 3339 date-time such as 2024-05-01T12:00:00Z"
        case .uri: "an absolute URI with a scheme, such as https://example.com"
        case .email: "an email address"
        }
    }

    func accepts(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            switch self {
            case .date: bytes.count == 10 && StringFormat.isFullDate(bytes[...])
            case .dateTime: StringFormat.isDateTime(bytes[...])
            case .uri: StringFormat.isAbsoluteURI(bytes[...])
            case .email: StringFormat.isEmail(bytes[...])
            }
        }
    }

    private typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    // MARK: Dates and times (RFC 3339 section 5.6)

    /// `YYYY-MM-DD` with a real day of that month (leap years included); `bytes` must hold exactly 10 bytes.
    private static func isFullDate(_ bytes: Bytes) -> Bool {
        let start = bytes.startIndex
        guard bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
            let year = number(in: bytes, at: start, digits: 4),
            let month = number(in: bytes, at: start + 5, digits: 2),
            let day = number(in: bytes, at: start + 8, digits: 2),
            (1...12).contains(month)
        else { return false }
        return (1...daysIn(month: month, year: year)).contains(day)
    }

    /// `full-date "T" HH:MM:SS[.fraction](Z | ±HH:MM)`; `T` and `Z` may be lowercase.
    private static func isDateTime(_ bytes: Bytes) -> Bool {
        guard bytes.count >= 20 else { return false }
        let start = bytes.startIndex
        guard isFullDate(bytes[start..<start + 10]), bytes[start + 10] | 0x20 == UInt8(ascii: "t") else { return false }
        let time = start + 11
        guard bytes[time + 2] == UInt8(ascii: ":"), bytes[time + 5] == UInt8(ascii: ":"),
            let hour = number(in: bytes, at: time, digits: 2), hour <= 23,
            let minute = number(in: bytes, at: time + 3, digits: 2), minute <= 59,
            let second = number(in: bytes, at: time + 6, digits: 2), second <= 60
        else { return false }
        var index = time + 8
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.endIndex, isDigit(bytes[index]) { index += 1 }
            guard index > fractionStart else { return false }
        }
        guard index < bytes.endIndex else { return false }
        var offsetMinutes = 0
        if bytes[index] | 0x20 == UInt8(ascii: "z") {
            index += 1
        } else {
            let sign = bytes[index]
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), bytes.endIndex - index == 6,
                bytes[index + 3] == UInt8(ascii: ":"),
                let offsetHour = number(in: bytes, at: index + 1, digits: 2), offsetHour <= 23,
                let offsetMinute = number(in: bytes, at: index + 4, digits: 2), offsetMinute <= 59
            else { return false }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (sign == UInt8(ascii: "+") ? 1 : -1)
            index += 6
        }
        guard index == bytes.endIndex else { return false }
        guard second == 60 else { return true }
        // A leap second can only be the last second of a UTC day.
        let minuteOfDayInUTC = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
        return minuteOfDayInUTC == 23 * 60 + 59
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The decimal number written by exactly `digits` ASCII digits at `start`, or `nil`.
    private static func number(in bytes: Bytes, at start: Int, digits: Int) -> Int? {
        guard start >= bytes.startIndex, start + digits <= bytes.endIndex else { return nil }
        var value = 0
        for index in start..<start + digits {
            guard isDigit(bytes[index]) else { return nil }
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
        }
        return value
    }

    // MARK: URIs (RFC 3986)

    /// `scheme ":" rest`, where the rest holds only URI characters and well-formed percent escapes, and at most
    /// one `#`.
    private static func isAbsoluteURI(_ bytes: Bytes) -> Bool {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > bytes.startIndex,
            isLetter(bytes[bytes.startIndex]),
            bytes[bytes.startIndex..<colon].allSatisfy({ isLetter($0) || isDigit($0) || "+-.".utf8.contains($0) })
        else { return false }
        var index = colon + 1
        var seenFragment = false
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) else {
                    return false
                }
                index += 3
                continue
            }
            if byte == UInt8(ascii: "#") {
                guard !seenFragment else { return false }
                seenFragment = true
            } else if !isURICharacter(byte) {
                return false
            }
            index += 1
        }
        return true
    }

    /// Unreserved, general delimiter or sub-delimiter characters (everything but `%` and `#`, handled apart).
    private static func isURICharacter(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || "-._~:/?[]@!$&'()*+,;=".utf8.contains(byte)
    }

    // MARK: Email addresses (RFC 5321 mailbox)

    /// `local-part "@" domain`: a dot-atom or quoted local part of at most 64 bytes, and a host name of at most
    /// 253 bytes or a bracketed IPv4 address.
    private static func isEmail(_ bytes: Bytes) -> Bool {
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
        let localPart = bytes[bytes.startIndex..<at]
        let domain = bytes[(at + 1)...]
        guard (1...64).contains(localPart.count), (1...253).contains(domain.count) else { return false }
        guard isDotAtom(localPart) || isQuotedString(localPart) else { return false }
        if domain.first == UInt8(ascii: "["), domain.last == UInt8(ascii: "]") {
            return isIPv4Address(domain.dropFirst().dropLast())
        }
        return isHostName(domain)
    }

    private static func isDotAtom(_ bytes: Bytes) -> Bool {
        guard bytes.first != UInt8(ascii: "."), bytes.last != UInt8(ascii: ".") else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard previous != UInt8(ascii: ".") else { return false }
            } else if !(isLetter(byte) || isDigit(byte) || "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)) {
                return false
            }
            previous = byte
        }
        return true
    }

    private static func isQuotedString(_ bytes: Bytes) -> Bool {
        guard bytes.count >= 2, bytes.first == UInt8(ascii: "\""), bytes.last == UInt8(ascii: "\"") else {
            return false
        }
        var escaping = false
        for byte in bytes.dropFirst().dropLast() {
            guard (0x20...0x7E).contains(byte) else { return false }
            if escaping {
                escaping = false
            } else if byte == UInt8(ascii: "\\") {
                escaping = true
            } else if byte == UInt8(ascii: "\"") {
                return false
            }
        }
        return !escaping
    }

    /// Dot-separated labels of 1 to 63 letters, digits and inner hyphens.
    private static func isHostName(_ bytes: Bytes) -> Bool {
        bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy { label in
            (1...63).contains(label.count)
                && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
                && label.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isIPv4Address(_ bytes: Bytes) -> Bool {
        let octets = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { octet in
            guard (1...3).contains(octet.count), octet.allSatisfy(isDigit),
                octet.count == 1 || octet.first != UInt8(ascii: "0"),
                let value = number(in: octet, at: octet.startIndex, digits: octet.count)
            else { return false }
            return value <= 255
        }
    }

    // MARK: Character classes

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        let lowercased = byte | 0x20
        return lowercased >= UInt8(ascii: "a") && lowercased <= UInt8(ascii: "z")
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        let lowercased = byte | 0x20
        return isDigit(byte) || (lowercased >= UInt8(ascii: "a") && lowercased <= UInt8(ascii: "f"))
    }
}
