/// One part of a `multipart/form-data` request template: a text field or a file.
///
/// ```json
/// "multipart": {
///   "file": {"filename": "{filename}", "content": "{content}", "encoding": "{encoding}", "content_type": "{content_type}"},
///   "comment": "{comment}"
/// }
/// ```
public struct MultipartPartTemplate: Sendable {
    /// What the part carries.
    public enum Kind: Sendable {
        /// A form field whose value is the filled template.
        case text(Template)
        /// A file whose bytes come from a param.
        case file(FilePartTemplate)
    }

    /// The form field name, sent in the part's `Content-Disposition`.
    public let name: String
    public let kind: Kind

    /// Every template of the part, for placeholder and transform checks.
    var templates: [Template] {
        switch kind {
        case .text(let value): [value]
        case .file(let file): [file.content, file.filename] + [file.encoding, file.contentType].compactMap { $0 }
        }
    }
}

/// A file part: its content, name and type, each a template over params.
///
/// The content is text, or base64 when `encoding` fills to `base64`, so an agent without a filesystem (over
/// JSON-RPC or MCP) can send binary files. Local file paths are deliberately not supported: an agent could
/// otherwise be talked into uploading `~/.ssh/id_rsa` or the credential store.
public struct FilePartTemplate: Sendable {
    /// How the filled content becomes bytes.
    public enum Encoding: String, Sendable, CaseIterable {
        /// The text's UTF-8 bytes.
        case text
        /// Standard base64 (whitespace ignored, padding optional).
        case base64
    }

    /// The largest file a part takes unless its manifest says otherwise: 10 MiB.
    public static let defaultMaximumBytes = 10 * 1_024 * 1_024

    public let content: Template
    public let filename: Template
    /// Fills to `text` or `base64`; `nil` means `text`.
    public let encoding: Template?
    /// Fills to a media type; `nil` (or an absent param) means `application/octet-stream`.
    public let contentType: Template?
    /// The largest decoded file the part accepts, in bytes.
    public let maximumBytes: Int
}
