import Switchyard

/// Confluence v2 footer comments, labels and attachments of pages and blog posts, and single attachments
/// (`GET|DELETE /attachments/{id}`).
///
/// ```http
/// GET  /wiki/api/v2/pages/98311/footer-comments?body-format=storage
/// POST /wiki/api/v2/footer-comments {"pageId":"98311","body":{"representation":"storage","value":"<p>Agreed.</p>"}}   → 201
/// GET  /wiki/api/v2/pages/98314/labels        → {"results":[{"id":"1001","name":"on-call","prefix":"global"},...]}
/// GET  /wiki/api/v2/pages/98307/attachments   → {"results":[{"id":"att131090","title":"architecture-diagram.png",...}]}
/// ```
struct ConfluenceV2ExtrasRoutes: RouteGroup {
    let store: SandboxStore

    func register(on router: inout Router) {
        for (collection, kind) in [("pages", ConfluenceContent.Kind.page), ("blogposts", .blogpost)] {
            router.add(.GET, "/wiki/api/v2/\(collection)/{id}/footer-comments", dialect: .confluenceV2) { try listComments($0, kind: kind) }
            router.add(.GET, "/wiki/api/v2/\(collection)/{id}/labels", dialect: .confluenceV2) { try listLabels($0, kind: kind) }
            router.add(.GET, "/wiki/api/v2/\(collection)/{id}/attachments", dialect: .confluenceV2) { try listAttachments($0, kind: kind) }
        }
        router.add(.POST, "/wiki/api/v2/footer-comments", dialect: .confluenceV2) { try createComment($0) }
        router.add(.GET, "/wiki/api/v2/attachments/{id}", dialect: .confluenceV2) { request in
            let state = store.snapshot()
            let attachment = try attachment(request.parameter("id"), in: state)
            let renderer = ConfluenceRenderer(state: state, baseURL: request.baseURL)
            return .json(renderer.attachment(attachment, includeBase: true))
        }
        router.add(.DELETE, "/wiki/api/v2/attachments/{id}", dialect: .confluenceV2) { try deleteAttachment($0) }
        router.add(.GET, "/wiki/api/v2/footer-comments/{id}", dialect: .confluenceV2) { request in
            let id = try request.numericID("id")
            let state = store.snapshot()
            guard let comment = state.confluence.comment(id: id), comment.status == "current", comment.inline == nil else {
                throw APIError.notFound("Cannot find comment with the given id.")
            }
            let renderer = ConfluenceRenderer(state: state, baseURL: request.baseURL)
            return .json(renderer.footerComment(comment, bodyFormat: try request.bodyFormat(allowView: true)))
        }
    }

    /// The live page or blog post named by the path's `{id}`; a 404 otherwise.
    private func container(_ request: RouteRequest, kind: ConfluenceContent.Kind, in state: SandboxState) throws(APIError) -> ConfluenceContent {
        let id = try request.numericID("id")
        guard let content = state.confluence.content(id: id), content.kind == kind, content.status != "trashed" else {
            throw kind == .page ? .pageNotFound : .blogPostNotFound
        }
        return content
    }

    private func listComments(_ request: RouteRequest, kind: ConfluenceContent.Kind) throws -> SandboxResponse {
        let paging = try CursorPaging(request, defaultLimit: 25, maxLimit: 250)
        let bodyFormat = try request.bodyFormat()
        let state = store.snapshot()
        let content = try container(request, kind: kind, in: state)
        var comments = state.confluence.comments(on: content.id)
        switch request.query["sort"] ?? "created-date" {
        case "created-date": break
        case "-created-date": comments.reverse()
        case "modified-date": comments.sort { ($0.version.createdAt, Int($0.id) ?? 0) < ($1.version.createdAt, Int($1.id) ?? 0) }
        case "-modified-date": comments.sort { ($0.version.createdAt, Int($0.id) ?? 0) > ($1.version.createdAt, Int($1.id) ?? 0) }
        case let sort: throw APIError.badRequest("Invalid sort value '\(sort)'. Use created-date or modified-date, optionally prefixed with '-'.")
        }
        let page = paging.page(of: comments)
        let renderer = ConfluenceRenderer(state: state, baseURL: request.baseURL)
        return paging.v2Response(results: page.items.map { renderer.footerComment($0, bodyFormat: bodyFormat) }, page: page)
    }

    private func createComment(_ request: RouteRequest) throws -> SandboxResponse {
        let body = try request.jsonObjectBody()
        let pageId = body["pageId"].flatMap(Self.identifier)
        let blogPostId = body["blogPostId"].flatMap(Self.identifier)
        let parentCommentId = body["parentCommentId"].flatMap(Self.identifier)
        guard [pageId, blogPostId, parentCommentId].compactMap({ $0 }).count == 1 else {
            throw APIError.badRequest("Exactly one of pageId, blogPostId or parentCommentId must be provided.")
        }
        guard let bodyValue = body["body"], let commentBody = try Self.commentBody(bodyValue) else {
            throw APIError.badRequest("A comment body is required.")
        }
        let actor = request.accountId ?? SandboxCredentials.accountId
        let created = try store.write { state throws(APIError) -> ConfluenceComment in
            let containerId: String
            if let parentCommentId {
                guard let parent = state.confluence.comment(id: parentCommentId), parent.status == "current", parent.inline == nil else {
                    throw .notFound("Cannot find the parent comment with the given id.")
                }
                containerId = parent.containerId
            } else {
                containerId = pageId ?? blogPostId ?? ""
            }
            let expected: ConfluenceContent.Kind? = pageId != nil ? .page : (blogPostId != nil ? .blogpost : nil)
            guard let container = state.confluence.content(id: containerId), container.status != "trashed",
                expected == nil || container.kind == expected
            else {
                throw expected == .blogpost ? .blogPostNotFound : .pageNotFound
            }
            let now = Timestamp.now()
            let comment = ConfluenceComment(
                id: state.confluence.makeContentID(), containerId: container.id, containerKind: container.kind,
                parentCommentId: parentCommentId, status: "current", authorId: actor, createdAt: now,
                version: .init(number: 1, message: "", minorEdit: false, authorId: actor, createdAt: now), body: commentBody
            )
            state.confluence.save(comment)
            return comment
        }
        let renderer = ConfluenceRenderer(state: store.snapshot(), baseURL: request.baseURL)
        return .json(renderer.footerComment(created, bodyFormat: created.body.representation), status: .created)
    }

    private func listLabels(_ request: RouteRequest, kind: ConfluenceContent.Kind) throws -> SandboxResponse {
        let paging = try CursorPaging(request, defaultLimit: 25, maxLimit: 250)
        let state = store.snapshot()
        let content = try container(request, kind: kind, in: state)
        var labels = state.confluence.labels(on: content.id)
        if let prefix = request.query["prefix"] {
            guard ConfluenceLabel.prefixes.contains(prefix) || prefix == "system" else {
                throw APIError.badRequest("Invalid prefix '\(prefix)'. Use my, team, global or system.")
            }
            labels = labels.filter { $0.prefix == prefix }
        }
        return try Self.labelPage(labels, request: request, paging: paging, state: state)
    }

    /// A v2 page of labels in the requested `sort` (name, id or created-date, `-` for descending).
    static func labelPage(_ labels: [ConfluenceLabel], request: RouteRequest, paging: CursorPaging, state: SandboxState) throws -> SandboxResponse {
        var labels = labels
        switch request.query["sort"] ?? "name" {
        case "name": labels.sort { $0.name < $1.name }
        case "-name": labels.sort { $0.name > $1.name }
        case "id", "created-date": labels.sort { (Int($0.id) ?? 0) < (Int($1.id) ?? 0) }
        case "-id", "-created-date": labels.sort { (Int($0.id) ?? 0) > (Int($1.id) ?? 0) }
        case let sort: throw APIError.badRequest("Invalid sort value '\(sort)'. Use name, id or created-date, optionally prefixed with '-'.")
        }
        let page = paging.page(of: labels)
        let renderer = ConfluenceRenderer(state: state, baseURL: request.baseURL)
        return paging.v2Response(results: page.items.map(renderer.label), page: page)
    }

    /// A current attachment by id, written `att131090` or `131090`; a 404 otherwise.
    private func attachment(_ id: String, in state: SandboxState) throws(APIError) -> ConfluenceAttachment {
        guard let attachment = state.confluence.attachments.first(where: { ($0.id == id || $0.id == "att\(id)") && $0.status == "current" }) else {
            throw .notFound("Cannot find attachment with the given id.")
        }
        return attachment
    }

    /// Trashes an attachment; `purge=true` removes a trashed one for good.
    private func deleteAttachment(_ request: RouteRequest) throws -> SandboxResponse {
        let id = request.parameter("id")
        let purge = request.flag("purge")
        try store.write { state throws(APIError) in
            guard let index = state.confluence.attachments.firstIndex(where: { $0.id == id || $0.id == "att\(id)" }) else {
                throw .notFound("Cannot find attachment with the given id.")
            }
            if state.confluence.attachments[index].status == "trashed" {
                guard purge else { throw .notFound("Cannot find attachment with the given id.") }
                state.confluence.attachments.remove(at: index)
            } else {
                state.confluence.attachments[index].status = "trashed"
            }
        }
        return .noContent
    }

    private func listAttachments(_ request: RouteRequest, kind: ConfluenceContent.Kind) throws -> SandboxResponse {
        let paging = try CursorPaging(request, defaultLimit: 50, maxLimit: 250)
        let state = store.snapshot()
        let content = try container(request, kind: kind, in: state)
        var attachments = state.confluence.attachments(on: content.id)
        if let mediaType = request.query["mediaType"] { attachments = attachments.filter { $0.mediaType == mediaType } }
        if let filename = request.query["filename"] { attachments = attachments.filter { $0.title == filename } }
        switch request.query["sort"] {
        case nil, "created-date"?: attachments.sort { $0.createdAt < $1.createdAt }
        case "-created-date"?: attachments.sort { $0.createdAt > $1.createdAt }
        case "modified-date"?: attachments.sort { $0.createdAt < $1.createdAt }
        case "-modified-date"?: attachments.sort { $0.createdAt > $1.createdAt }
        case let sort?: throw APIError.badRequest("Invalid sort value '\(sort)'. Use created-date or modified-date, optionally prefixed with '-'.")
        }
        let page = paging.page(of: attachments)
        let renderer = ConfluenceRenderer(state: state, baseURL: request.baseURL)
        return paging.v2Response(results: page.items.map { renderer.attachment($0) }, page: page)
    }

    /// A v2 id, sent as a string (or, leniently, a number).
    static func identifier(_ value: JSONValue) -> String? {
        value.stringValue ?? value.intValue.map(String.init)
    }

    /// A comment body, flat (`{"representation","value"}`) or nested (`{"storage":{"representation","value"}}`).
    static func commentBody(_ value: JSONValue) throws(APIError) -> ContentBody? {
        if value["representation"] != nil { return try PageInput.body(value) }
        for representation in ContentBody.Representation.writable {
            if let nested = value[representation.rawValue] { return try PageInput.body(nested) }
        }
        throw .badRequest("body must be {\"representation\",\"value\"} or {\"storage\":{...}}.")
    }
}
