/// A link between two issues, stored the way `POST /issueLink` names its sides. As Jira Cloud and Data Center
/// behave (whatever the reference's wording), the request's `inwardIssue` takes the type's `outward` phrase:
/// `{"type":{"name":"Blocks"},"inwardIssue":{"key":"DEMO-3"},"outwardIssue":{"key":"DEMO-7"}}` means DEMO-3
/// blocks DEMO-7, and DEMO-3's `issuelinks` list DEMO-7 as an `outwardIssue`.
///
/// ```swift
/// JiraIssueLink(id: "10400", typeId: JiraIssueLinkType.blocks.id, outwardIssueId: "10007", inwardIssueId: "10003")
/// ```
struct JiraIssueLink: Sendable {
    let id: String
    let typeId: String
    let outwardIssueId: String
    let inwardIssueId: String

    var type: JiraIssueLinkType { JiraIssueLinkType.with(id: typeId) ?? .relates }
}

/// A kind of issue link, with the phrases read from each side.
struct JiraIssueLinkType: Sendable, Hashable {
    let id: String
    let name: String
    let inward: String
    let outward: String

    static let blocks = JiraIssueLinkType(id: "10000", name: "Blocks", inward: "is blocked by", outward: "blocks")
    static let cloners = JiraIssueLinkType(id: "10001", name: "Cloners", inward: "is cloned by", outward: "clones")
    static let duplicate = JiraIssueLinkType(id: "10002", name: "Duplicate", inward: "is duplicated by", outward: "duplicates")
    static let relates = JiraIssueLinkType(id: "10003", name: "Relates", inward: "relates to", outward: "relates to")

    static let all: [JiraIssueLinkType] = [.blocks, .cloners, .duplicate, .relates]

    static func with(id: String) -> JiraIssueLinkType? {
        all.first { $0.id == id }
    }

    /// Looks up by id, or by name (case-insensitive), as the link request's `type` allows.
    static func find(id: String?, name: String?) -> JiraIssueLinkType? {
        if let id, let type = with(id: id) { return type }
        guard let name = name?.lowercased() else { return nil }
        return all.first { $0.name.lowercased() == name }
    }
}
