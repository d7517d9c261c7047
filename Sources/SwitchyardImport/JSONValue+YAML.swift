import Foundation
import Switchyard

extension JSONValue {
    /// A value Yams loaded (`Yams.load(yaml:)`): strings, numbers, booleans, null, sequences and mappings
    /// become their JSON forms; a timestamp becomes its ISO 8601 text and anything else its description.
    ///
    /// ```swift
    /// JSONValue(yaml: try Yams.load(yaml: "x-scopes: [read:jira-work]") as Any)   // {"x-scopes": ["read:jira-work"]}
    /// ```
    init(yaml value: Any) {
        switch value {
        case let text as String: self = .string(text)
        case let flag as Bool: self = .bool(flag)
        case let number as Int: self = .number(JSONNumber(number))
        case let number as Double: self = .number(JSONNumber(number))
        case let date as Date: self = .string(ISO8601DateFormatter().string(from: date))
        case let sequence as [Any]: self = .array(sequence.map(JSONValue.init(yaml:)))
        case let mapping as [AnyHashable: Any]:
            self = .object(JSONObject(mapping.map { ("\($0.key.base)", JSONValue(yaml: $0.value)) }.sorted { $0.0 < $1.0 }))
        case is NSNull: self = .null
        default:
            if case Optional<Any>.none = value { self = .null } else { self = .string("\(value)") }
        }
    }
}
