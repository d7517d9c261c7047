import Switchyard

/// Confluence REST v1 content: list, read, create, update and delete pages, blog posts and comments, and
/// the page, comment and attachment children of a page. Registered twice: under `/wiki` (Cloud) and
/// with no context path (Server/Data Center, `/rest/api/content`).
///
/// ```http
/// POST /rest/api/content {"type":"page","title":"T","space":{"key":"DEMO"},"body":{"storage":{"value":"<p>x</p>","representation":"storage"}}}
/// PUT  /rest/api/content/98306 {"type":"page","title":"T","version":{"number":4},...}   → 409 unless 4 = current + 1
/// GET  /rest/api/content/98311/child/comment?expand=body.storage
/// GET  /rest/api/content/98306/history   → {"latest":true,"createdBy":{...},"lastUpdated":{"number":3,...},...}
/// ```
struct ConfluenceV1ContentRoutes: RouteGroup {
    let store: SandboxStore
    /// `/wiki` on Cloud, empty on Data Center.
    let context: String

    func register(on router: inout Router) {
        let base = "\(context)/rest/api/content"
        router.add(.GET, base, dialect: .confluenceV1) { try listContent($0) }
        router.add(.POST, base, dialect: .confluenceV1) { try createContent($0) }
        router.add(.GET, "\(base)/{id}", dialect: .confluenceV1) { try getContent($0) }
        router.add(.PUT, "\(base)/{id}", dialect: .confluenceV1) { try updateContent($0) }
        router.add(.DELETE, "\(base)/{id}", dialect: .confluenceV1) { try deleteContent($0) }
        router.add(.GET, "\(base)/{id}/history", dialect: .confluenceV1) { try history($0) }
        router.add(.GET, "\(base)/{id}/child/page", dialect: .confluenceV1) { try childPages($0) }
        router.add(.GET, "\(base)/{id}/child/comment", dialect: .confluenceV1) { try childComments($0) }
        router.add(.GET, "\(base)/{id}/child/attachment", dialect: .confluenceV1) { try childAttachments($0) }
        router.add(.PUT, "\(base)/{id}/move/{position}/{targetId}", dialect: .confluenceV1) { try movePage($0) }
    }

    private func renderer(_ state: SandboxState, _ request: RouteRequest) -> ConfluenceRenderer {
        ConfluenceRenderer(state: state, baseURL: request.baseURL, context: context)
    }

    private func listContent(_ request: RouteRequest) throws -> SandboxResponse {
        let paging = try V1Paging(request, context: context, defaultLimit: 25, maxLimit: 250)
        let type = request.query["type"] ?? "page"
        guard let kind = ConfluenceContent.Kind(rawValue: type) else {
            throw APIError.badRequest("Type '\(type)' is not supported; use page or blogpost.")
        }
        let statuses = request.query.list("status").isEmpty ? ["current"] : request.query.list("status")
        let state = store.snapshot()
        var content = state.confluence.allContent.filter { $0.kind == kind && (statuses.contains($0.status) || statuses.contains("any")) }
        if let spaceKey = request.query["spaceKey"] {
            let spaceId = state.confluence.space(key: spaceKey)?.id
            content = content.filter { $0.spaceId == spaceId }
        }
        if let title = request.query["title"] { content = content.filter { $0.title == title } }
        if let day = request.query["postingDay"] {
            content = content.filter { $0.createdAt.dateText == day.replacingOccurrences(of: "/", with: "-") }
        }
        let page = paging.page(of: content)
        let expand = Set(request.query.list("expand"))
        let renderer = renderer(state, request)
        return paging.response(results: page.items.map { renderer.v1Content($0, expand: expand) }, page: page)
    }

    private func getContent(_ request: RouteRequest) throws -> SandboxResponse {
        let id = request.parameter("id")
        let statuses = Set(request.query.list("status"))
        let state = store.snapshot()
        let expand = Set(request.query.list("expand"))
        let renderer = renderer(state, request)
        if let comment = state.confluence.comment(id: id) {
            return .json(renderer.v1Comment(comment, expand: expand))
        }
        guard let content = state.confluence.content(id: id),
            content.status != "trashed" || statuses.contains("trashed") || statuses.contains("any")
        else { throw APIError.noContent(id: id) }
        return .json(renderer.v1Content(content, expand: expand))
    }

    /// The history of a page or blog post; atlassian-python-api's `update_page` reads `lastUpdated.number` here.
    private func history(_ request: RouteRequest) throws -> SandboxResponse {
        let id = request.parameter("id")
        let state = store.snapshot()
        guard let content = state.confluence.content(id: id), content.status != "trashed" else { throw APIError.noContent(id: id) }
        return .json(renderer(state, request).v1History(content))
    }

    private func createContent(_ request: RouteRequest) throws -> SandboxResponse {
        let input = try V1ContentInput(try request.jsonObjectBody())
        let actor = request.accountId ?? SandboxCredentials.accountId
        guard let type = input.type else { throw APIError.badRequest("type is required.") }
        if type == "comment" { return try createComment(input, actor: actor, request: request) }
        guard let kind = ConfluenceContent.Kind(rawValue: type) else {
            throw APIError.badRequest("Content type '\(type)' is not supported; use page, blogpost or comment.")
        }
        let created = try store.write { state throws(APIError) -> ConfluenceContent in
            guard let key = input.spaceKey else { throw .badRequest("space.key is required to create a \(type).") }
            guard let space = state.confluence.space(key: key) else { throw .notFound("No space with key : \(key)") }
            let status = input.status ?? "current"
            guard status == "current" || status == "draft" else { throw .badRequest("Invalid status '\(status)'.") }
            guard let title = input.title, !title.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw .badRequest("Title is required.")
            }
            var parentId: String?
            if kind == .page {
                if state.confluence.hasPage(titled: title, inSpace: space.id) { throw .duplicateTitle }
                parentId = try input.parentId.map { parentId throws(APIError) in
                    try state.confluence.validParent(parentId, inSpace: space.id)
                } ?? space.homepageId
            }
            let now = Timestamp.now()
            let content = ConfluenceContent(
                id: state.confluence.makeContentID(), kind: kind, status: status, title: title, spaceId: space.id,
                parentId: parentId,
                position: kind == .page ? state.confluence.nextChildPosition(under: parentId, inSpace: space.id) : 0,
                authorId: actor, ownerId: actor, createdAt: now,
                version: .init(number: 1, message: input.versionMessage ?? "", minorEdit: false, authorId: actor, createdAt: now),
                body: input.body ?? ContentBody(.storage, "")
            )
            state.confluence.save(content)
            return content
        }
        if created.status == "current" {
            ConfluenceWebhookDeliveries(store: store).contentChanged(.created, content: created, actorId: actor, baseURL: request.baseURL)
        }
        let expand: Set<String> = ["space", "version", "ancestors", "body.\(created.body.representation.rawValue)"]
        return .json(renderer(store.snapshot(), request).v1Content(created, expand: expand))
    }

    private func createComment(_ input: V1ContentInput, actor: String, request: RouteRequest) throws -> SandboxResponse {
        guard let containerId = input.containerId else {
            throw APIError.badRequest("container is required to create a comment: {\"id\": ..., \"type\": \"page\"}.")
        }
        guard let body = input.body else { throw APIError.badRequest("A comment body is required.") }
        let created = try store.write { state throws(APIError) -> ConfluenceComment in
            guard let container = state.confluence.content(id: containerId), container.status != "trashed" else {
                throw .noContent(id: containerId)
            }
            if let type = input.containerType, type != container.kind.rawValue {
                throw .badRequest("The container type '\(type)' does not match content \(containerId), a \(container.kind.rawValue).")
            }
            let now = Timestamp.now()
            let comment = ConfluenceComment(
                id: state.confluence.makeContentID(), containerId: container.id, containerKind: container.kind,
                parentCommentId: nil, status: "current", authorId: actor, createdAt: now,
                version: .init(number: 1, message: "", minorEdit: false, authorId: actor, createdAt: now), body: body
            )
            state.confluence.save(comment)
            return comment
        }
        let expand: Set<String> = ["container", "version", "body.\(created.body.representation.rawValue)"]
        return .json(renderer(store.snapshot(), request).v1Comment(created, expand: expand))
    }

    private func updateContent(_ request: RouteRequest) throws -> SandboxResponse {
        let id = request.parameter("id")
        let input = try V1ContentInput(try request.jsonObjectBody())
        let actor = request.accountId ?? SandboxCredentials.accountId
        guard let provided = input.versionNumber else { throw APIError.badRequest("version is required to update content.") }
        guard let type = input.type else { throw APIError.badRequest("type is required to update content.") }
        let now = Timestamp.now()
        if type == "comment" {
            let updated = try store.write { state throws(APIError) -> ConfluenceComment in
                guard var comment = state.confluence.comment(id: id) else { throw .noContent(id: id) }
                try Self.checkVersion(provided, current: comment.version.number)
                comment.body = input.body ?? comment.body
                comment.version = .init(number: provided, message: input.versionMessage ?? "", minorEdit: input.minorEdit, authorId: actor, createdAt: now)
                state.confluence.save(comment)
                return comment
            }
            let expand: Set<String> = ["container", "version", "body.\(updated.body.representation.rawValue)"]
            return .json(renderer(store.snapshot(), request).v1Comment(updated, expand: expand))
        }
        let (updated, restored) = try store.write { state throws(APIError) -> (ConfluenceContent, Bool) in
            guard var content = state.confluence.content(id: id), content.status != "trashed" || input.status == "current" else {
                throw .noContent(id: id)
            }
            let wasTrashed = content.status == "trashed"
            guard type == content.kind.rawValue else {
                throw .badRequest("The type '\(type)' does not match the content's type '\(content.kind.rawValue)'.")
            }
            guard let title = input.title, !title.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw .badRequest("Title is required.")
            }
            try Self.checkVersion(provided, current: content.version.number)
            if content.kind == .page {
                if state.confluence.hasPage(titled: title, inSpace: content.spaceId, excluding: content.id) { throw .duplicateTitle }
                if let parentId = input.parentId, parentId != content.parentId {
                    let parent = try state.confluence.validParent(parentId, inSpace: content.spaceId)
                    guard parent != content.id, !state.confluence.ancestors(of: parent).contains(where: { $0.id == content.id }) else {
                        throw .badRequest("A page cannot be moved below itself or one of its descendants.")
                    }
                    content.parentId = parent
                }
            }
            content.title = title
            content.status = input.status ?? (content.status == "trashed" ? "current" : content.status)
            content.body = input.body ?? content.body
            content.version = .init(number: provided, message: input.versionMessage ?? "", minorEdit: input.minorEdit, authorId: actor, createdAt: now)
            state.confluence.save(content)
            return (content, wasTrashed && content.status == "current")
        }
        ConfluenceWebhookDeliveries(store: store).contentChanged(
            restored ? .restored : .updated, content: updated, actorId: actor, baseURL: request.baseURL
        )
        let expand: Set<String> = ["space", "version", "ancestors", "body.\(updated.body.representation.rawValue)"]
        return .json(renderer(store.snapshot(), request).v1Content(updated, expand: expand))
    }

    /// v1's optimistic locking: the new version must be exactly the current one plus one.
    private static func checkVersion(_ provided: Int, current: Int) throws(APIError) {
        guard provided == current + 1 else {
            throw .conflict("Version must be incremented on update. Current version is: \(current)")
        }
    }

    private func deleteContent(_ request: RouteRequest) throws -> SandboxResponse {
        let id = request.parameter("id")
        let purge = request.query["status"] == "trashed"
        let changed = try store.write { state throws(APIError) -> (ConfluenceContent, ConfluenceWebhookDeliveries.Change)? in
            if state.confluence.comment(id: id) != nil {
                state.confluence.removeComment(id: id)
                return nil
            }
            guard var content = state.confluence.content(id: id) else { throw .noContent(id: id) }
            if content.status == "trashed" {
                guard purge else { throw .noContent(id: id) }
                state.confluence.removeContent(id: id)
                return (content, .removed)
            }
            if purge { throw .badRequest("Content \(id) is not in the trash; delete it once before purging.") }
            for var child in state.confluence.children(of: id) {
                child.parentId = content.parentId
                state.confluence.save(child)
            }
            content.status = "trashed"
            state.confluence.save(content)
            return (content, .trashed)
        }
        if let (content, change) = changed {
            ConfluenceWebhookDeliveries(store: store).contentChanged(
                change, content: content, actorId: request.accountId ?? SandboxCredentials.accountId, baseURL: request.baseURL
            )
        }
        return .noContent
    }

    /// The live page or blog post named by `{id}`, or v1's 404.
    private func container(_ request: RouteRequest, in state: SandboxState) throws(APIError) -> ConfluenceContent {
        let id = request.parameter("id")
        guard let content = state.confluence.content(id: id), content.status != "trashed" else { throw .noContent(id: id) }
        return content
    }

    private func childPages(_ request: RouteRequest) throws -> SandboxResponse {
        let paging = try V1Paging(request, context: context, defaultLimit: 25, maxLimit: 250)
        let state = store.snapshot()
        let parent = try container(request, in: state)
        let page = paging.page(of: state.confluence.children(of: parent.id))
        let expand = Set(request.query.list("expand"))
        let renderer = renderer(state, request)
        return paging.response(results: page.items.map { renderer.v1Content($0, expand: expand) }, page: page)
    }

    private func childComments(_ request: RouteRequest) throws -> SandboxResponse {
        let paging = try V1Paging(request, context: context, defaultLimit: 25, maxLimit: 250)
        let state = store.snapshot()
        let parent = try container(request, in: state)
        let locations = request.query.list("location")
        var comments: [ConfluenceComment] = []
        if locations.isEmpty || locations.contains("footer") { comments += state.confluence.comments(on: parent.id) }
        if locations.isEmpty || locations.contains("inline") { comments += state.confluence.inlineComments(on: parent.id) }
        comments.sort { (Int($0.id) ?? 0) < (Int($1.id) ?? 0) }
        let page = paging.page(of: comments)
        let expand = Set(request.query.list("expand"))
        let renderer = renderer(state, request)
        return paging.response(results: page.items.map { renderer.v1Comment($0, expand: expand) }, page: page)
    }

    private func childAttachments(_ request: RouteRequest) throws -> SandboxResponse {
        let paging = try V1Paging(request, context: context, defaultLimit: 25, maxLimit: 250)
        let state = store.snapshot()
        let parent = try container(request, in: state)
        var attachments = state.confluence.attachments(on: parent.id)
        if let filename = request.query["filename"] { attachments = attachments.filter { $0.title == filename } }
        if let mediaType = request.query["mediaType"] { attachments = attachments.filter { $0.mediaType == mediaType } }
        let page = paging.page(of: attachments)
        let expand = Set(request.query.list("expand"))
        let renderer = renderer(state, request)
        return paging.response(results: page.items.map { renderer.v1Attachment($0, expand: expand) }, page: page)
    }

    /// Moves a page `before`, `after` or into (`append`) a target page; answers `{"pageId": id}`.
    private func movePage(_ request: RouteRequest) throws -> SandboxResponse {
        let id = request.parameter("id")
        let positionText = request.parameter("position")
        guard let position = ConfluenceState.MovePosition(rawValue: positionText) else {
            throw APIError.badRequest("Invalid position '\(positionText)'. Use before, after or append.")
        }
        try store.write { state throws(APIError) in
            try state.confluence.move(id, position, target: request.parameter("targetId"))
        }
        return .json(["pageId": .string(id)])
    }
}
