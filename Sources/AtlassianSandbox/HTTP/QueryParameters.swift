import Foundation
import Switchyard

/// The decoded `name=value` pairs of a query string or an `application/x-www-form-urlencoded` body,
/// in their original order, with repeated names kept.
///
/// ```swift
/// let query = QueryParameters(rawQuery: "space-id=1&space-id=2,3&title=Home+page")
/// query["title"]              // "Home page"
/// query.list("space-id")      // ["1", "2", "3"]
/// ```
struct QueryParameters: Sendable {
    struct Pair: Sendable {
        let name: String
        let value: String
    }

    let pairs: [Pair]

    init(rawQuery: Substring?) {
        guard let rawQuery, !rawQuery.isEmpty else {
            pairs = []
            return
        }
        pairs = rawQuery.split(separator: "&", omittingEmptySubsequences: true).map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentEncoding.decode(parts[0], plusAsSpace: true)
            let value = parts.count > 1 ? PercentEncoding.decode(parts[1], plusAsSpace: true) : ""
            return Pair(name: name, value: value)
        }
    }

    /// The first value given for `name`.
    subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value given for `name`, in order.
    func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// Values of a parameter that may be repeated and may also hold a comma-separated list.
    func list(_ name: String) -> [String] {
        all(name).flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// The values grouped by name, in the order names first appear: `{"page": ["2"], "tag": ["a", "b"]}`.
    var grouped: [(name: String, values: [String])] {
        var order: [String] = []
        var values: [String: [String]] = [:]
        for pair in pairs {
            if values[pair.name] == nil { order.append(pair.name) }
            values[pair.name, default: []].append(pair.value)
        }
        return order.map { ($0, values[$0] ?? []) }
    }
}
