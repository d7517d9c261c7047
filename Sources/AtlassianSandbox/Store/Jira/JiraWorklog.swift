import Switchyard

/// Time logged on an issue; its comment is an ADF document (written through REST v3) or wiki text (v2).
///
/// ```swift
/// JiraWorklog(id: "10200", authorId: JiraUser.bob.accountId, started: start, timeSpentSeconds: 5_400, comment: nil, created: now)
/// ```
struct JiraWorklog: Sendable {
    let id: String
    let authorId: String
    var updateAuthorId: String
    var comment: JSONValue?
    var started: Timestamp
    var timeSpentSeconds: Int
    let created: Timestamp
    var updated: Timestamp

    init(id: String, authorId: String, started: Timestamp, timeSpentSeconds: Int, comment: JSONValue?, created: Timestamp) {
        self.id = id
        self.authorId = authorId
        self.updateAuthorId = authorId
        self.comment = comment
        self.started = started
        self.timeSpentSeconds = timeSpentSeconds
        self.created = created
        self.updated = created
    }

    /// Jira's duration text for a number of seconds, with 8-hour days and 5-day weeks: `1d 2h 30m`.
    static func durationText(seconds: Int) -> String {
        var remaining = seconds / 60
        var parts: [String] = []
        for (unit, minutes) in [("w", 2_400), ("d", 480), ("h", 60), ("m", 1)] where remaining >= minutes {
            parts.append("\(remaining / minutes)\(unit)")
            remaining %= minutes
        }
        return parts.isEmpty ? "0m" : parts.joined(separator: " ")
    }

    /// Seconds in a duration such as `3h 20m`, `1d`, `2w 1d` or `90m`; `nil` when it is not one.
    static func seconds(inDuration text: String) -> Int? {
        let units: [Character: Int] = ["w": 144_000, "d": 28_800, "h": 3_600, "m": 60]
        var total = 0
        let parts = text.split(separator: " ")
        guard !parts.isEmpty else { return nil }
        for part in parts {
            guard let unit = part.last, let multiplier = units[unit], let amount = Double(part.dropLast()), amount >= 0 else {
                return nil
            }
            total += Int(amount * Double(multiplier))
        }
        return total
    }
}
