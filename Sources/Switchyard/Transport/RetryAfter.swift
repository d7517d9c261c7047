import Foundation

/// How long a server asked us to wait, read from the headers Atlassian and others send.
///
/// In order: `Retry-After` (seconds, or an HTTP-date), Atlassian's `Beta-Retry-After` (seconds), then
/// `X-RateLimit-Reset` (an ISO 8601 time such as `2026-11-23T07:30Z`).
enum RetryAfter {
    static func delay(from response: HTTPResponse, now: Date = Date()) -> Duration? {
        if let header = response.header("Retry-After"), let delay = parse(header, now: now) { return delay }
        if let header = response.header("Beta-Retry-After"), let seconds = Double(header.trimmingCharacters(in: .whitespaces)), seconds >= 0 {
            return .milliseconds(Int64(seconds * 1000))
        }
        if let header = response.header("X-RateLimit-Reset"), let date = parseISO8601(header.trimmingCharacters(in: .whitespaces)) {
            return .milliseconds(max(0, Int64(date.timeIntervalSince(now) * 1000)))
        }
        return nil
    }

    /// `Retry-After: 120` or `Retry-After: Wed, 21 Oct 2026 07:28:00 GMT`.
    static func parse(_ header: String, now: Date) -> Duration? {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed) {
            return seconds >= 0 ? .milliseconds(Int64(seconds * 1000)) : nil
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        return .milliseconds(max(0, Int64(date.timeIntervalSince(now) * 1000)))
    }

    private static func parseISO8601(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        // Atlassian writes minutes without seconds: 2026-11-23T07:30Z.
        let minutes = DateFormatter()
        minutes.locale = Locale(identifier: "en_US_POSIX")
        minutes.timeZone = TimeZone(identifier: "UTC")
        for format in ["yyyy-MM-dd'T'HH:mmXXXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSXXXXX"] {
            minutes.dateFormat = format
            if let date = minutes.date(from: text) { return date }
        }
        return nil
    }
}
