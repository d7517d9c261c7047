/// Metadata of a file attached to an issue; the sandbox keeps no content.
///
/// ```swift
/// JiraAttachment(id: "10500", filename: "har.json", authorId: JiraUser.bob.accountId, created: now, size: 48_213, mimeType: "application/json")
/// ```
struct JiraAttachment: Sendable {
    let id: String
    let filename: String
    let authorId: String
    let created: Timestamp
    let size: Int
    let mimeType: String

    var hasThumbnail: Bool { mimeType.hasPrefix("image/") }
}
