import Foundation
import Switchyard

/// The paged envelopes Jira wraps lists in.
///
/// ```swift
/// JiraPaging.pageBean(page, maxResults: 50, request: request) { .string($0) }
/// // {"self": "...", "nextPage": "...", "maxResults": 50, "startAt": 0, "total": 120, "isLast": false, "values": [...]}
/// ```
enum JiraPaging {
    /// `startAt` and `maxResults` from the query, clamped to `1...maximum`.
    static func window(_ request: RouteRequest, defaultSize: Int, maximum: Int) throws(APIError) -> (startAt: Int, maxResults: Int) {
        let startAt = max(try request.integer("startAt", default: 0), 0)
        let maxResults = min(max(try request.integer("maxResults", default: defaultSize), 1), maximum)
        return (startAt, maxResults)
    }

    /// A PageBean: `self`, `nextPage` (when more remain), `maxResults`, `startAt`, `total`, `isLast` and `values`
    /// (or another records key, as `issueTypes` or `fields` in createmeta).
    static func pageBean<Item>(
        _ page: Page<Item>,
        maxResults: Int,
        request: RouteRequest,
        valuesKey: String = "values",
        links: Bool = true,
        render: (Item) -> JSONValue
    ) -> JSONValue {
        var result = JSONObject()
        if links {
            result["self"] = .string(request.baseURL + request.uri)
            if let next = page.nextOffset {
                let nextPath = request.pathAndQuery(replacing: ["maxResults": String(maxResults), "startAt": String(next)])
                result["nextPage"] = .string(request.baseURL + nextPath)
            }
        }
        result["maxResults"] = .number(JSONNumber(maxResults))
        result["startAt"] = .number(JSONNumber(page.offset))
        result["total"] = .number(JSONNumber(page.total))
        result["isLast"] = .bool(page.isLast)
        result[valuesKey] = .array(page.items.map(render))
        return .object(result)
    }
}

extension Timestamp {
    /// A Jira date-time such as `2026-01-17T12:34:00.000+0000` (offsets `+hhmm`, `+hh:mm` or `Z`; seconds and
    /// milliseconds optional); `nil` when it is not one.
    init?(jiraText text: String) {
        let parts = text.split(separator: "T", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-").compactMap { Int($0) }
        guard date.count == 3, (1...12).contains(date[1]), (1...31).contains(date[2]) else { return nil }
        var time = Substring(parts[1])
        var offsetMinutes = 0
        if time.hasSuffix("Z") {
            time = time.dropLast()
        } else if let signIndex = time.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let offset = time[time.index(after: signIndex)...].replacingOccurrences(of: ":", with: "")
            guard offset.count == 4, let hours = Int(offset.prefix(2)), let minutes = Int(offset.suffix(2)) else { return nil }
            offsetMinutes = (hours * 60 + minutes) * (time[signIndex] == "-" ? -1 : 1)
            time = time[..<signIndex]
        }
        let clock = time.split(separator: ":")
        guard clock.count >= 2, let hour = Int(clock[0]), let minute = Int(clock[1]), (0...23).contains(hour), (0...59).contains(minute) else {
            return nil
        }
        var milliseconds = 0
        if clock.count == 3 {
            let secondParts = clock[2].split(separator: ".")
            guard let seconds = Int(secondParts[0]), (0...59).contains(seconds) else { return nil }
            milliseconds = seconds * 1_000
            if secondParts.count == 2 {
                guard let fraction = Int(secondParts[1].prefix(3).padding(toLength: 3, withPad: "0", startingAt: 0)) else { return nil }
                milliseconds += fraction
            }
        }
        let base = Timestamp(year: date[0], month: date[1], day: date[2], hour: hour, minute: minute)
        self.init(millisecondsSince1970: base.millisecondsSince1970 + Int64(milliseconds) - Int64(offsetMinutes) * 60_000)
    }
}
