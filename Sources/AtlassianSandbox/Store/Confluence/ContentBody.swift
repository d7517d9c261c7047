/// A page body in one representation, as Confluence stores it.
///
/// ```swift
/// ContentBody(.storage, "<p>Hello</p>")
/// ContentBody(.atlasDocFormat, #"{"type":"doc","version":1,"content":[]}"#)
/// ```
struct ContentBody: Sendable {
    /// A body format name as the v2 API spells it. Bodies are stored as `storage` or `atlas_doc_format`;
    /// `view` (rendered HTML) can only be read.
    enum Representation: String, Sendable, CaseIterable {
        case storage
        case atlasDocFormat = "atlas_doc_format"
        case view

        /// The formats a body can be written in.
        static let writable: [Representation] = [.storage, .atlasDocFormat]
    }

    let representation: Representation
    let value: String

    init(_ representation: Representation, _ value: String) {
        self.representation = representation
        self.value = value
    }
}
