/// A file attached to a page or blog post: its metadata, and the bytes of files uploaded to the sandbox
/// (seeded files have none and download as filler bytes of their size).
///
/// ```swift
/// attachment.id          // "att131090"
/// attachment.title       // "architecture-diagram.png"
/// ```
struct ConfluenceAttachment: Sendable {
    let id: String
    let containerId: String
    let title: String
    let mediaType: String
    let fileSize: Int
    let comment: String
    /// The media-service file id ADF bodies refer to; distinct from the attachment id.
    let fileId: String
    let authorId: String
    let createdAt: Timestamp
    var status = "current"
    var versionNumber = 1
    /// The uploaded bytes; `nil` for seeded attachments.
    var content: [UInt8]? = nil

    /// A human description of the media type, as v2 returns in `mediaTypeDescription`.
    var mediaTypeDescription: String {
        switch mediaType {
        case "image/png": "PNG Image"
        case "application/pdf": "PDF Document"
        case "text/plain": "Text File"
        default: "File"
        }
    }
}
