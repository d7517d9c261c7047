import Switchyard

/// Confluence v2 pages: list, read, create, update (with version checks), delete, children, ancestors and
/// versions.
///
/// ```http
/// GET /wiki/api/v2/pages?space-id=65537&limit=5&body-format=storage
/// → {"results":[...5 pages...],"_links":{"next":"/wiki/api/v2/pages?space-id=65537&limit=5&cursor=...","base":".../wiki"}}
/// ```
struct ConfluencePageRoutes: RouteGroup {
    let store: SandboxStore

    func register(on router: inout Router) {
        router.add(.GET, "/wiki/api/v2/pages", dialect: .confluenceV2) { try listPages($0) }
        router.add(.POST, "/wiki/api/v2/pages", dialect: .confluenceV2) { try createPage($0) }
        router.add(.GET, "/wiki/api/v2/pages/{id}", dialect: .confluenceV2) { try getPage($0) }
        router.add(.PUT, "/wiki/api/v2/pages/{id}", dialect: .confluenceV2) { try updatePage($0) }
        router.add(.DELETE, "/wiki/api/v2/pages/{id}", dialect: .confluenceV2) { try deletePage($0) }
        router.add(.GET, "/wiki/api/v2/pages/{id}/children", dialect: .confluenceV2) { try listChildren($0) }
        router.add(.GET, "/wiki/api/v2/pages/{id}/ancestors", dialect: .confluenceV2) { try listAncestors($0) }
        router.add(.GET, "/wiki/api/v2/pages/{id}/versions", dialect: .confluenceV2) { try listVersions($0) }
    }

    private func listPages(_ request: RouteRequest) throws -> SandboxResponse {
        let paging = try CursorPaging(request, defaultLimit: 25, maxLimit: 250)
        let bodyFormat = try request.bodyFormat()
        let state = store.snapshot()
        var pages = try PageQuery(request).apply(to: state.confluence.allContent.filter { $0.kind == .page })
        let ids = request.query.list("id")
        if !ids.isEmpty { pages = pages.filter { ids.contains($0.id) } }
        let spaceIds = request.query.list("space-id")
        if !spaceIds.isEmpty { pages = pages.filter { spaceIds.contains($0.spaceId) } }
        let page = paging.page(of: pages)
        let renderer = ConfluenceRenderer(state: state, baseURL: request.baseURL)
        return paging.v2Response(results: page.items.map { renderer.page($0, bodyFormat: bodyFormat) }, page: page)
    }

    private func getPage(_ request: RouteRequest) throws -> SandboxResponse {
        let id = try request.numericID("id")
        let bodyFormat = try request.bodyFormat(allowView: true)
        let state = store.snapshot()
        let statuses = request.query.list("status")
        guard let page = state.confluence.content(id: id), page.kind == .page,
            page.status != "trashed" || statuses.contains("trashed")
        else { throw APIError.pageNotFound }
        let renderer = ConfluenceRenderer(state: state, baseURL: request.baseURL)
        return .json(renderer.page(page, bodyFormat: bodyFormat, includeBase: true))
    }

    private func createPage(_ request: RouteRequest) throws -> SandboxResponse {
        let body = try request.jsonObjectBody()
        let input = try PageInput(body)
        let actor = request.accountId ?? SandboxCredentials.accountId
        let rootLevel = request.flag("root-level")
        let created = try store.write { state throws(APIError) -> ConfluenceContent in
            guard let spaceId = input.spaceId else { throw .badRequest("spaceId is required") }
            guard let space = state.confluence.space(id: spaceId) else { throw .spaceNotFound }
            let status = input.status ?? "current"
            guard status == "current" || status == "draft" else { throw .badRequest("Invalid page status '\(status)'.") }
            let title = input.title ?? ""
            if status == "current", title.isEmpty { throw .badRequest("Title is required for a current page.") }
            if !title.isEmpty, state.confluence.hasPage(titled: title, inSpace: space.id) { throw .duplicateTitle }
            let parentId = try input.parentId.map { parentId throws(APIError) in
                try state.confluence.validParent(parentId, inSpace: space.id)
            } ?? (rootLevel ? nil : space.homepageId)
            let now = Timestamp.now()
            let page = ConfluenceContent(
                id: state.confluence.makeContentID(), kind: .page, status: status, title: title, spaceId: space.id,
                parentId: parentId, position: state.confluence.nextChildPosition(under: parentId, inSpace: space.id),
                authorId: actor, ownerId: actor, createdAt: now,
                version: .init(number: 1, message: input.versionMessage ?? "", minorEdit: false, authorId: actor, createdAt: now),
                body: input.body ?? ContentBody(.storage, "")
            )
            state.confluence.save(page)
            return page
        }
        if created.status == "current" {
            ConfluenceWebhookDeliveries(store: store).contentChanged(.created, content: created, actorId: actor, baseURL: request.baseURL)
        }
        let renderer = ConfluenceRenderer(state: store.snapshot(), baseURL: request.baseURL)
        return .json(renderer.page(created, bodyFormat: created.body.representation, includeBase: true))
    }

    private func updatePage(_ request: RouteRequest) throws -> SandboxResponse {
        let id = try request.numericID("id")
        let body = try request.jsonObjectBody()
        let input = try PageInput(body)
        if let missing = input.missingUpdateField { throw APIError.badRequest("\(missing) is required to update a page.") }
        let actor = request.accountId ?? SandboxCredentials.accountId
        let updated = try store.write { state throws(APIError) -> ConfluenceContent in
            guard input.id == id else { throw .badRequest("The id in the request body does not match the page id in the path.") }
            guard var page = state.confluence.content(id: id), page.kind == .page, page.status != "trashed" else {
                throw .pageNotFound
            }
            let provided = input.versionNumber ?? 0
            guard provided == page.version.number + 1 else {
                throw .conflict(
                    "Version must be incremented when updating a page. Current Version: [\(page.version.number)]. Provided version: [\(provided)]"
                )
            }
            let title = input.title ?? page.title
            guard !title.isEmpty else { throw .badRequest("Title is required for a current page.") }
            if state.confluence.hasPage(titled: title, inSpace: page.spaceId, excluding: page.id) { throw .duplicateTitle }
            if let spaceId = input.spaceId, spaceId != page.spaceId {
                throw .badRequest("A page cannot be moved to another space with this operation.")
            }
            if let parentId = input.parentId, parentId != page.parentId {
                let parent = try state.confluence.validParent(parentId, inSpace: page.spaceId)
                guard parent != page.id, !state.confluence.ancestors(of: parent).contains(where: { $0.id == page.id }) else {
                    throw .badRequest("A page cannot be moved below itself or one of its descendants.")
                }
                page.parentId = parent
            }
            let now = Timestamp.now()
            page.title = title
            page.status = input.status ?? page.status
            page.body = input.body ?? page.body
            page.version = .init(number: provided, message: input.versionMessage ?? "", minorEdit: input.minorEdit, authorId: actor, createdAt: now)
            state.confluence.save(page)
            return page
        }
        ConfluenceWebhookDeliveries(store: store).contentChanged(.updated, content: updated, actorId: actor, baseURL: request.baseURL)
        let renderer = ConfluenceRenderer(state: store.snapshot(), baseURL: request.baseURL)
        return .json(renderer.page(updated, bodyFormat: updated.body.representation, includeBase: true))
    }

    private func deletePage(_ request: RouteRequest) throws -> SandboxResponse {
        try Self.trash(request, kind: .page, notFound: .pageNotFound, in: store)
    }

    /// `DELETE` of v2 content: trashes current content (a page's children move up to its parent), and with
    /// `purge=true` removes content already in the trash.
    static func trash(_ request: RouteRequest, kind: ConfluenceContent.Kind, notFound: APIError, in store: SandboxStore) throws -> SandboxResponse {
        let id = try request.numericID("id")
        let purge = request.flag("purge")
        let (content, change) = try store.write { state throws(APIError) -> (ConfluenceContent, ConfluenceWebhookDeliveries.Change) in
            guard var content = state.confluence.content(id: id), content.kind == kind else { throw notFound }
            if content.status == "trashed" {
                guard purge else { throw notFound }
                state.confluence.removeContent(id: id)
                return (content, .removed)
            }
            for var child in state.confluence.children(of: id) {
                child.parentId = content.parentId
                state.confluence.save(child)
            }
            content.status = "trashed"
            state.confluence.save(content)
            return (content, .trashed)
        }
        ConfluenceWebhookDeliveries(store: store).contentChanged(
            change, content: content, actorId: request.accountId ?? SandboxCredentials.accountId, baseURL: request.baseURL
        )
        return .noContent
    }

    private func listChildren(_ request: RouteRequest) throws -> SandboxResponse {
        let id = try request.numericID("id")
        let paging = try CursorPaging(request, defaultLimit: 25, maxLimit: 250)
        let state = store.snapshot()
        guard let page = state.confluence.content(id: id), page.kind == .page, page.status != "trashed" else {
            throw APIError.pageNotFound
        }
        let children = paging.page(of: state.confluence.children(of: page.id))
        let renderer = ConfluenceRenderer(state: state, baseURL: request.baseURL)
        return paging.v2Response(results: children.items.map(renderer.childPage), page: children)
    }

    private func listAncestors(_ request: RouteRequest) throws -> SandboxResponse {
        let id = try request.numericID("id")
        let limit = min(max(try request.integer("limit", default: 25), 1), 250)
        let state = store.snapshot()
        guard let page = state.confluence.content(id: id), page.kind == .page, page.status != "trashed" else {
            throw APIError.pageNotFound
        }
        let ancestors = state.confluence.ancestors(of: page.id).prefix(limit)
        return .json([
            "results": .array(ancestors.map { ["id": .string($0.id), "type": "page"] }),
            "_links": ["base": .string("\(request.baseURL)/wiki")],
        ])
    }

    /// `PageVersion`s, oldest first unless `sort=-modified-date`; each names the page it belongs to.
    private func listVersions(_ request: RouteRequest) throws -> SandboxResponse {
        let id = try request.numericID("id")
        let paging = try CursorPaging(request, defaultLimit: 25, maxLimit: 250)
        let state = store.snapshot()
        guard let page = state.confluence.content(id: id), page.kind == .page, page.status != "trashed" else {
            throw APIError.pageNotFound
        }
        var versions = state.confluence.versions(of: page)
        switch request.query["sort"] ?? "modified-date" {
        case "modified-date": break
        case "-modified-date": versions.reverse()
        case let sort: throw APIError.badRequest("Invalid sort value '\(sort)'. Use modified-date or -modified-date.")
        }
        let renderer = ConfluenceRenderer(state: state, baseURL: request.baseURL)
        let slice = paging.page(of: versions)
        return paging.v2Response(
            results: slice.items.map { version in
                var object = renderer.version(version).objectValue ?? [:]
                object["page"] = ["id": .string(page.id), "title": .string(page.title)]
                return .object(object)
            },
            page: slice
        )
    }
}
