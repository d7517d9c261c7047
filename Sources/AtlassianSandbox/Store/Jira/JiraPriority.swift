/// An issue priority, Highest (id 1) to Lowest (id 5).
///
/// ```swift
/// JiraPriority.find("High")?.rank   // 4: sorts above Medium in `ORDER BY priority DESC`
/// ```
struct JiraPriority: Sendable, Hashable {
    let id: String
    let name: String

    static let highest = JiraPriority(id: "1", name: "Highest")
    static let high = JiraPriority(id: "2", name: "High")
    static let medium = JiraPriority(id: "3", name: "Medium")
    static let low = JiraPriority(id: "4", name: "Low")
    static let lowest = JiraPriority(id: "5", name: "Lowest")

    static let all: [JiraPriority] = [.highest, .high, .medium, .low, .lowest]

    /// Larger is more urgent, so that a descending sort puts Highest first, as Jira does.
    var rank: Int { 6 - (Int(id) ?? 3) }

    static func with(id: String) -> JiraPriority? {
        all.first { $0.id == id }
    }

    /// Looks up by id or, failing that, by name (case-insensitive).
    static func find(_ idOrName: String) -> JiraPriority? {
        with(id: idOrName) ?? all.first { $0.name.lowercased() == idOrName.lowercased() }
    }
}
