/// A file attached to an issue: its metadata, and the bytes of an uploaded one (seeded files have none).
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
    /// The uploaded bytes; `nil` for seeded files, whose content is `size` filler bytes.
    var content: [UInt8]? = nil

    var hasThumbnail: Bool { mimeType.hasPrefix("image/") }
}
