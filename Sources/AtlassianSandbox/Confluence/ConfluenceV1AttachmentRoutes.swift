import Foundation
import Switchyard

/// Confluence REST v1 attachment uploads and downloads, under `/wiki` (Cloud) and with no context path
/// (Server/Data Center).
///
/// An upload (`POST /rest/api/content/{id}/child/attachment`, multipart/form-data with `file` parts, an
/// optional `comment` and `minorEdit`) needs `X-Atlassian-Token: nocheck` (403 otherwise, as an XSRF
/// failure), refuses a file name the content already has (400, as Confluence asks for the update call) and
/// keeps the bytes. A download answers 302 to the file's `/download/attachments/…` URL, which serves them.
///
/// ```http
/// POST /wiki/rest/api/content/98315/child/attachment   (file=notes.txt)  → {"results":[{"id":"att131095","type":"attachment",...}],"size":1,...}
/// GET  /wiki/rest/api/content/98315/child/attachment/att131095/download → 302 Location: /wiki/download/attachments/98315/notes.txt?version=1&api=v2
/// ```
struct ConfluenceV1AttachmentRoutes: RouteGroup {
    let store: SandboxStore
    /// `/wiki` on Cloud, empty on Data Center.
    let context: String

    func register(on router: inout Router) {
        let base = "\(context)/rest/api/content/{id}/child/attachment"
        router.add(.POST, base, dialect: .confluenceV1) { try upload($0) }
        router.add(.GET, "\(base)/{attachmentId}/download", dialect: .confluenceV1) { try download($0) }
        router.add(.GET, "\(context)/download/attachments/{id}/{filename}", dialect: .confluenceV1) { try serve($0) }
    }

    private func upload(_ request: RouteRequest) throws -> SandboxResponse {
        guard ["nocheck", "no-check"].contains(request.header("X-Atlassian-Token")?.lowercased() ?? "") else {
            throw APIError(.forbidden, ["XSRF check failed"])
        }
        guard let contentType = request.header("Content-Type"), contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundary = MultipartBody.boundary(in: contentType)
        else {
            throw APIError(.unsupportedMediaType, ["Content type must be multipart/form-data."])
        }
        let parts = MultipartBody.parts(of: request.body, boundary: boundary)
        let files = parts.filter { $0.name == "file" && !($0.filename ?? "").isEmpty }
        guard !files.isEmpty else { throw APIError.badRequest("No file was found in the request; send it in a part named 'file'.") }
        if let large = files.first(where: { $0.data.count > JiraAttachmentRoutes.maximumFileSize }) {
            throw APIError(.payloadTooLarge, ["The file '\(large.filename ?? "")' is \(large.data.count) bytes; the maximum attachment size is \(JiraAttachmentRoutes.maximumFileSize) bytes."])
        }
        let comments = parts.filter { $0.name == "comment" }.map { String(decoding: $0.data, as: UTF8.self) }
        guard comments.isEmpty || comments.count == files.count else {
            throw APIError.badRequest("Give one comment per file, in the same order, or none.")
        }
        let actor = request.accountId ?? SandboxCredentials.accountId
        let added = try store.write { state throws(APIError) -> [ConfluenceAttachment] in
            let id = request.parameter("id")
            guard let container = state.confluence.content(id: id), container.status != "trashed" else { throw .noContent(id: id) }
            let existing = Set(state.confluence.attachments(on: container.id).map(\.title))
            let now = Timestamp.now()
            var added: [ConfluenceAttachment] = []
            for (index, file) in files.enumerated() {
                let filename = file.filename ?? "file"
                guard !existing.contains(filename), !added.contains(where: { $0.title == filename }) else {
                    throw .badRequest("Cannot add a new attachment with same file name as an existing attachment: \(filename)")
                }
                let attachmentId = state.confluence.makeContentID()
                added.append(ConfluenceAttachment(
                    id: "att\(attachmentId)", containerId: container.id, title: filename,
                    mediaType: file.contentType ?? "application/octet-stream", fileSize: file.data.count,
                    comment: comments.isEmpty ? "" : comments[index], fileId: Self.fileId(attachmentId), authorId: actor,
                    createdAt: now, content: file.data
                ))
            }
            state.confluence.attachments += added
            return added
        }
        let renderer = ConfluenceRenderer(state: store.snapshot(), baseURL: request.baseURL, context: context)
        return .json([
            "results": .array(added.map { renderer.v1Attachment($0, expand: ["version", "container"]) }),
            "start": 0,
            "limit": .number(JSONNumber(added.count)),
            "size": .number(JSONNumber(added.count)),
            "_links": ["base": .string(renderer.wikiBase), "context": .string(context)],
        ])
    }

    /// 302 to the download URL of the attachment's latest version.
    private func download(_ request: RouteRequest) throws -> SandboxResponse {
        let attachmentId = request.parameter("attachmentId")
        let attachment = try locate(container: request.parameter("id"), matching: { $0.id == attachmentId || $0.id == "att\(attachmentId)" })
        let name = attachment.title.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? attachment.title
        let location = "\(request.baseURL)\(context)/download/attachments/\(attachment.containerId)/\(name)?version=\(attachment.versionNumber)&api=v2"
        return SandboxResponse(status: .found, headers: ["Location": location])
    }

    /// The file's bytes with its media type; filler bytes of the recorded size for seeded attachments.
    private func serve(_ request: RouteRequest) throws -> SandboxResponse {
        let raw = request.parameter("filename")
        let filename = raw.removingPercentEncoding ?? raw
        let attachment = try locate(container: request.parameter("id"), matching: { $0.title == filename })
        let bytes = attachment.content ?? Array(repeating: UInt8(ascii: "x"), count: attachment.fileSize)
        return SandboxResponse(status: .ok, headers: ["Content-Type": attachment.mediaType], body: bytes)
    }

    private func locate(container id: String, matching predicate: (ConfluenceAttachment) -> Bool) throws(APIError) -> ConfluenceAttachment {
        let state = store.snapshot()
        guard let container = state.confluence.content(id: id), container.status != "trashed" else { throw .noContent(id: id) }
        guard let attachment = state.confluence.attachments(on: container.id).first(where: predicate) else {
            throw .notFound("The attachment was not found on content \(id).")
        }
        return attachment
    }

    /// A UUID-shaped media file id, stable for an attachment id.
    private static func fileId(_ attachmentId: String) -> String {
        let digits = String(repeating: "0", count: max(0, 12 - attachmentId.count)) + attachmentId
        return "9d2e4b6a-1c3f-4a5e-b7d9-\(digits.suffix(12))"
    }
}
