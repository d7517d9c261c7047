import Foundation

/// The timestamps an export reads from records (`2025-06-02T09:00:00.000+0000`, `…Z`, `…+02:00`) and the
/// minute-precision form JQL and CQL compare against (`2025-06-02 09:00`, UTC).
///
/// ```swift
/// ExportTimestamp.parseUserText("2025-06-02")           // midnight UTC
/// ExportTimestamp.parseUserText("2025-06-02 09:30")     // 09:30 UTC
/// ```
public enum ExportTimestamp {
    /// A `--since` value: a date, a date and minute (UTC), or a full ISO 8601 timestamp.
    public static func parseUserText(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch trimmed.count {
        case 10: return parse(trimmed + "T00:00:00Z")
        case 16: return parse(trimmed.replacingOccurrences(of: " ", with: "T") + ":00Z")
        default: return parse(trimmed.replacingOccurrences(of: " ", with: "T"))
        }
    }

    /// Parses an ISO 8601 date-time with optional fractional seconds and a `Z`, `±HHMM` or `±HH:MM` offset.
    static func parse(_ text: String) -> Date? {
        let scalars = Array(text.utf8)
        func number(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= scalars.count else { return nil }
            var value = 0
            for byte in scalars[start..<start + length] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard scalars.count >= 19, let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2) else { return nil }
        var index = 19
        var fraction = 0.0
        if index < scalars.count, scalars[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            while index < scalars.count, (48...57).contains(scalars[index]) {
                fraction += Double(scalars[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        var offset = 0
        if index < scalars.count, scalars[index] == UInt8(ascii: "+") || scalars[index] == UInt8(ascii: "-") {
            let sign = scalars[index] == UInt8(ascii: "-") ? -1 : 1
            let colon = index + 3 < scalars.count && scalars[index + 3] == UInt8(ascii: ":") ? 1 : 0
            guard let hours = number(index + 1, 2), let minutes = number(index + 3 + colon, 2) else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        var components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        components.timeZone = TimeZone(identifier: "UTC")
        guard let date = Calendar(identifier: .gregorian).date(from: components) else { return nil }
        return date.addingTimeInterval(fraction - Double(offset))
    }

    /// `yyyy-MM-ddTHH:mm:ss.SSSZ` in UTC, for state files.
    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// `yyyy-MM-dd HH:mm` in UTC, rounded down to the minute, as a query's since bound.
    static func queryMinute(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : String($0) } ?? "00" }
        return "\(parts.year ?? 1970)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))"
    }
}
