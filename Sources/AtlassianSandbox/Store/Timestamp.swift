import Foundation

/// A point in time with millisecond precision, written the way Jira and Confluence write dates.
///
/// ```swift
/// let created = Timestamp(year: 2026, month: 1, day: 17, hour: 12, minute: 34)
/// created.jiraText   // "2026-01-17T12:34:00.000+0000"
/// created.isoText    // "2026-01-17T12:34:00.000Z"
/// ```
struct Timestamp: Sendable, Hashable, Comparable {
    let millisecondsSince1970: Int64

    init(millisecondsSince1970: Int64) {
        self.millisecondsSince1970 = millisecondsSince1970
    }

    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        let days = Int64(Self.daysSinceEpoch(year: year, month: month, day: day))
        let seconds = days * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
        millisecondsSince1970 = seconds * 1_000
    }

    static func now() -> Timestamp {
        Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1_000))
    }

    /// A JQL or CQL date literal: `2026-01-17`, `2026/01/17` or either followed by ` 12:34`.
    init?(queryLiteral text: String) {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard let datePart = parts.first, parts.count <= 2 else { return nil }
        let date = datePart.split(whereSeparator: { $0 == "-" || $0 == "/" }).compactMap { Int($0) }
        guard date.count == 3, (1...12).contains(date[1]), (1...31).contains(date[2]) else { return nil }
        var hour = 0
        var minute = 0
        if parts.count == 2 {
            let time = parts[1].split(separator: ":").compactMap { Int($0) }
            guard time.count == 2, (0...23).contains(time[0]), (0...59).contains(time[1]) else { return nil }
            hour = time[0]
            minute = time[1]
        }
        self.init(year: date[0], month: date[1], day: date[2], hour: hour, minute: minute)
    }

    func adding(minutes: Int) -> Timestamp {
        Timestamp(millisecondsSince1970: millisecondsSince1970 + Int64(minutes) * 60_000)
    }

    /// Jira's format: `2026-01-17T12:34:00.000+0000`.
    var jiraText: String { formatted(zone: "+0000") }

    /// Confluence's ISO 8601 format: `2026-01-17T12:34:00.000Z`.
    var isoText: String { formatted(zone: "Z") }

    /// The calendar date alone, `2026-01-17`.
    var dateText: String {
        let civil = civilDate
        return "\(Self.padded(civil.year, 4))-\(Self.padded(civil.month, 2))-\(Self.padded(civil.day, 2))"
    }

    /// A short English date such as `Jan 17, 2026`, as Confluence's `friendlyLastModified`.
    var friendlyText: String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let civil = civilDate
        return "\(names[civil.month - 1]) \(civil.day), \(civil.year)"
    }

    static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSince1970 < rhs.millisecondsSince1970
    }

    private var civilDate: (year: Int, month: Int, day: Int) {
        let seconds = millisecondsSince1970.floorDivided(by: 1_000)
        return Self.civilDate(daysSinceEpoch: Int(seconds.floorDivided(by: 86_400)))
    }

    private func formatted(zone: String) -> String {
        let milliseconds = Int(millisecondsSince1970 - millisecondsSince1970.floorDivided(by: 1_000) * 1_000)
        let seconds = millisecondsSince1970.floorDivided(by: 1_000)
        let secondOfDay = Int(seconds - seconds.floorDivided(by: 86_400) * 86_400)
        let time = "\(Self.padded(secondOfDay / 3_600, 2)):\(Self.padded(secondOfDay / 60 % 60, 2))"
            + ":\(Self.padded(secondOfDay % 60, 2)).\(Self.padded(milliseconds, 3))"
        return "\(dateText)T\(time)\(zone)"
    }

    private static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of ``daysSinceEpoch(year:month:day:)`` (Howard Hinnant's `civil_from_days`).
    private static func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

private extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
