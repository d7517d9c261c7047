/// The `ORDER BY` part of a CQL query; without one, content comes in id order.
///
/// ```swift
/// try CQLOrdering([QuerySort(field: "lastmodified", direction: .descending)])
/// ```
struct CQLOrdering {
    private enum Key {
        case id, title, created, lastModified
    }

    private let keys: [(Key, descending: Bool)]

    init(_ sorts: [QuerySort]) throws(APIError) {
        var keys: [(Key, descending: Bool)] = []
        for sort in sorts {
            switch sort.field.lowercased() {
            case "id": keys.append((.id, sort.direction == .descending))
            case "title": keys.append((.title, sort.direction == .descending))
            case "created": keys.append((.created, sort.direction == .descending))
            case "lastmodified": keys.append((.lastModified, sort.direction == .descending))
            default: throw .badRequest("Could not parse cql : cannot order by field '\(sort.field)'.")
            }
        }
        self.keys = keys
    }

    func areInIncreasingOrder(_ lhs: ConfluenceContent, _ rhs: ConfluenceContent) -> Bool {
        for (key, descending) in keys {
            let order = compare(key, lhs, rhs)
            if order != 0 { return descending ? order > 0 : order < 0 }
        }
        return compare(.id, lhs, rhs) < 0
    }

    private func compare(_ key: Key, _ lhs: ConfluenceContent, _ rhs: ConfluenceContent) -> Int {
        switch key {
        case .id: compareValues(Int(lhs.id) ?? 0, Int(rhs.id) ?? 0)
        case .title: compareValues(lhs.title.lowercased(), rhs.title.lowercased())
        case .created: compareValues(lhs.createdAt, rhs.createdAt)
        case .lastModified: compareValues(lhs.version.createdAt, rhs.version.createdAt)
        }
    }

    private func compareValues<T: Comparable>(_ lhs: T, _ rhs: T) -> Int {
        lhs < rhs ? -1 : (rhs < lhs ? 1 : 0)
    }
}
