/// A Confluence space; `id` is the numeric v2 id, `key` the short v1 key.
///
/// ```swift
/// ConfluenceSpace(id: "65537", key: "DEMO", name: "Demo Space", ...).webPath   // "/spaces/DEMO"
/// ```
struct ConfluenceSpace: Sendable {
    let id: String
    let key: String
    let name: String
    let type: String
    let description: String
    let authorId: String
    let createdAt: Timestamp
    var homepageId: String?

    var webPath: String { "/spaces/\(key)" }
}
