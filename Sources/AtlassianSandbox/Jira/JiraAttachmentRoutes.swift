import Foundation
import Switchyard

/// Attachment metadata (`GET|DELETE /attachment/{id}`), content (`GET /attachment/content/{id}`) and uploads
/// (`POST /issue/{key}/attachments`, multipart/form-data with `file` parts and `X-Atlassian-Token: no-check`).
/// Like Jira, an upload without the header is refused as an XSRF failure (403), a body that is not
/// multipart is 415, a request without a `file` part that has a file name is 400, and a file over
/// ``maximumFileSize`` is 413. Uploaded bytes are kept and served back.
///
/// ```http
/// GET /rest/api/3/attachment/10500
/// → {"id":10500,"filename":"session-timeout.har","mimeType":"application/json","size":48213,...}
/// ```
struct JiraAttachmentRoutes: RouteGroup {
    /// The largest file an upload takes, like a site's default attachment limit.
    static let maximumFileSize = 10 * 1_024 * 1_024

    let store: SandboxStore

    func register(on router: inout Router) {
        router.addJira(.GET, "/attachment/{id}") { request, version in
            let state = store.snapshot().jira
            let (issue, index) = try locate(request.parameter("id"), in: state)
            return .json(JiraRenderer(state: state, baseURL: request.baseURL, version: version).attachment(issue.attachments[index], metadata: true))
        }
        router.addJira(.GET, "/attachment/content/{id}") { request, _ in
            let (issue, index) = try locate(request.parameter("id"), in: store.snapshot().jira)
            let attachment = issue.attachments[index]
            let bytes = attachment.content ?? Array(repeating: UInt8(ascii: "x"), count: attachment.size)
            return SandboxResponse(status: .ok, headers: ["Content-Type": attachment.mimeType], body: bytes)
        }
        router.addJira(.DELETE, "/attachment/{id}") { request, _ in
            try store.write { state throws(APIError) in
                var (issue, index) = try locate(request.parameter("id"), in: state.jira)
                issue.attachments.remove(at: index)
                state.jira.save(issue)
            }
            return .noContent
        }
        router.addJira(.POST, "/issue/{issueIdOrKey}/attachments") { try upload($0, $1) }
    }

    private func locate(_ id: String, in state: JiraState) throws(APIError) -> (JiraIssue, Int) {
        for stored in state.storedIssues(where: { $0.attachments.contains { $0.id == id } }) {
            if let index = stored.issue.attachments.firstIndex(where: { $0.id == id }) { return (stored.issue, index) }
        }
        throw .notFound("The attachment with id '\(id)' does not exist")
    }

    private func upload(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        guard request.header("X-Atlassian-Token")?.lowercased() == "no-check" else {
            throw APIError(.forbidden, ["XSRF check failed"])
        }
        guard let contentType = request.header("Content-Type"), contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundary = MultipartBody.boundary(in: contentType)
        else {
            throw APIError(.unsupportedMediaType, ["Content type must be multipart/form-data."])
        }
        let files = MultipartBody.parts(of: request.body, boundary: boundary).filter { $0.name == "file" && !($0.filename ?? "").isEmpty }
        guard !files.isEmpty else { throw APIError.badRequest("No attachments were found in the request.") }
        if let large = files.first(where: { $0.data.count > Self.maximumFileSize }) {
            throw APIError(.payloadTooLarge, ["The file '\(large.filename ?? "")' is \(large.data.count) bytes; the maximum attachment size is \(Self.maximumFileSize) bytes."])
        }
        let actor = request.accountId ?? SandboxCredentials.accountId
        let added = try store.write { state throws(APIError) -> [JiraAttachment] in
            guard var issue = state.jira.issue(idOrKey: request.parameter("issueIdOrKey")) else { throw .issueNotFound }
            let now = Timestamp.now()
            let attachments = files.map { file in
                JiraAttachment(
                    id: state.jira.nextOtherIDs.make(.attachment), filename: file.filename ?? "file", authorId: actor, created: now,
                    size: file.data.count, mimeType: file.contentType ?? "application/octet-stream", content: file.data
                )
            }
            issue.attachments += attachments
            issue.updated = now
            state.jira.save(issue)
            return attachments
        }
        let renderer = JiraRenderer(state: store.snapshot().jira, baseURL: request.baseURL, version: version)
        return .json(.array(added.map { renderer.attachment($0) }))
    }
}

/// A minimal multipart/form-data reader: each part's form name, file name, content type and bytes.
enum MultipartBody {
    struct Part {
        var name: String?
        var filename: String?
        var contentType: String?
        var data: [UInt8]
    }

    static func boundary(in contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    static func parts(of body: [UInt8], boundary: String) -> [Part] {
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [Part] = []
        var starts: [Int] = []
        var index = 0
        while let found = find(delimiter, in: body, from: index) {
            starts.append(found)
            index = found + delimiter.count
        }
        for (start, end) in zip(starts, starts.dropFirst()) {
            var chunk = Array(body[(start + delimiter.count)..<end])
            if chunk.starts(with: Array("\r\n".utf8)) { chunk.removeFirst(2) }
            if chunk.count >= 2, chunk.suffix(2) == Array("\r\n".utf8)[...] { chunk.removeLast(2) }
            guard let split = find(Array("\r\n\r\n".utf8), in: chunk, from: 0) else { continue }
            let headerText = String(decoding: chunk[..<split], as: UTF8.self)
            var part = Part(data: Array(chunk[(split + 4)...]))
            for line in headerText.components(separatedBy: "\r\n") {
                let lowered = line.lowercased()
                if lowered.hasPrefix("content-disposition:") {
                    part.name = value(of: "name", in: line)
                    part.filename = value(of: "filename", in: line)
                } else if lowered.hasPrefix("content-type:") {
                    part.contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            parts.append(part)
        }
        return parts
    }

    /// A `Content-Disposition` parameter; a quoted value may hold `;`.
    private static func value(of parameter: String, in header: String) -> String? {
        var rest = Substring(header)
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        rest = rest[rest.index(after: colon)...]
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop { $0 == " " || $0 == "\t" }
            guard let equals = rest.firstIndex(of: "=") else { return nil }
            let name = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[rest.index(after: equals)...]
            let value: String
            if rest.first == "\"" {
                rest = rest.dropFirst()
                // Browsers and Switchyard percent-encode `"` in names, so the first quote ends the value.
                let end = rest.firstIndex(of: "\"") ?? rest.endIndex
                value = String(rest[..<end])
                rest = rest[end...].dropFirst()
            } else {
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                value = rest[..<end].trimmingCharacters(in: .whitespaces)
                rest = rest[end...]
            }
            if name == parameter { return value }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], Array(haystack[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }
}
