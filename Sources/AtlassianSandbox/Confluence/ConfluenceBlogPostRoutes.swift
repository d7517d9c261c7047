import Switchyard

/// Confluence v2 blog posts: list, read, create, update (with version checks) and delete.
///
/// ```http
/// GET /wiki/api/v2/blogposts?space-id=65537&limit=2
/// → {"results":[{"id":"131073","status":"current","title":"Checkout redesign kick-off",...}],"_links":{"next":"...","base":".../wiki"}}
/// POST /wiki/api/v2/blogposts {"spaceId":"65537","status":"current","title":"Hello","body":{"representation":"storage","value":"<p>Hi</p>"}}
/// → 200 {"id":"131100",...}
/// ```
struct ConfluenceBlogPostRoutes: RouteGroup {
    let store: SandboxStore

    func register(on router: inout Router) {
        router.add(.GET, "/wiki/api/v2/blogposts", dialect: .confluenceV2) { try listBlogPosts($0) }
        router.add(.POST, "/wiki/api/v2/blogposts", dialect: .confluenceV2) { try createBlogPost($0) }
        router.add(.GET, "/wiki/api/v2/blogposts/{id}", dialect: .confluenceV2) { try getBlogPost($0) }
        router.add(.PUT, "/wiki/api/v2/blogposts/{id}", dialect: .confluenceV2) { try updateBlogPost($0) }
        router.add(.DELETE, "/wiki/api/v2/blogposts/{id}", dialect: .confluenceV2) { try deleteBlogPost($0) }
    }

    private func listBlogPosts(_ request: RouteRequest) throws -> SandboxResponse {
        let paging = try CursorPaging(request, defaultLimit: 25, maxLimit: 250)
        let bodyFormat = try request.bodyFormat()
        let state = store.snapshot()
        var posts = try PageQuery(request).apply(to: state.confluence.allContent.filter { $0.kind == .blogpost })
        let ids = request.query.list("id")
        if !ids.isEmpty { posts = posts.filter { ids.contains($0.id) } }
        let spaceIds = request.query.list("space-id")
        if !spaceIds.isEmpty { posts = posts.filter { spaceIds.contains($0.spaceId) } }
        let page = paging.page(of: posts)
        let renderer = ConfluenceRenderer(state: state, baseURL: request.baseURL)
        return paging.v2Response(results: page.items.map { renderer.page($0, bodyFormat: bodyFormat) }, page: page)
    }

    private func getBlogPost(_ request: RouteRequest) throws -> SandboxResponse {
        let id = try request.numericID("id")
        let bodyFormat = try request.bodyFormat(allowView: true)
        let state = store.snapshot()
        let statuses = request.query.list("status")
        guard let post = state.confluence.content(id: id), post.kind == .blogpost,
            post.status != "trashed" || statuses.contains("trashed")
        else { throw APIError.blogPostNotFound }
        let renderer = ConfluenceRenderer(state: state, baseURL: request.baseURL)
        return .json(renderer.page(post, bodyFormat: bodyFormat, includeBase: true))
    }

    private func createBlogPost(_ request: RouteRequest) throws -> SandboxResponse {
        let input = try PageInput(try request.jsonObjectBody())
        let actor = request.accountId ?? SandboxCredentials.accountId
        let created = try store.write { state throws(APIError) -> ConfluenceContent in
            guard let spaceId = input.spaceId else { throw .badRequest("spaceId is required") }
            guard let space = state.confluence.space(id: spaceId) else { throw .spaceNotFound }
            let status = input.status ?? "current"
            guard status == "current" || status == "draft" else { throw .badRequest("Invalid blog post status '\(status)'.") }
            let title = input.title ?? ""
            if status == "current", title.isEmpty { throw .badRequest("Title is required for a current blog post.") }
            let now = Timestamp.now()
            let post = ConfluenceContent(
                id: state.confluence.makeContentID(), kind: .blogpost, status: status, title: title, spaceId: space.id,
                parentId: nil, position: 0, authorId: actor, ownerId: actor, createdAt: now,
                version: .init(number: 1, message: input.versionMessage ?? "", minorEdit: false, authorId: actor, createdAt: now),
                body: input.body ?? ContentBody(.storage, "")
            )
            state.confluence.save(post)
            return post
        }
        if created.status == "current" {
            ConfluenceWebhookDeliveries(store: store).contentChanged(.created, content: created, actorId: actor, baseURL: request.baseURL)
        }
        let renderer = ConfluenceRenderer(state: store.snapshot(), baseURL: request.baseURL)
        return .json(renderer.page(created, bodyFormat: created.body.representation, includeBase: true))
    }

    private func updateBlogPost(_ request: RouteRequest) throws -> SandboxResponse {
        let id = try request.numericID("id")
        let input = try PageInput(try request.jsonObjectBody())
        if let missing = input.missingUpdateField { throw APIError.badRequest("\(missing) is required to update a blog post.") }
        let actor = request.accountId ?? SandboxCredentials.accountId
        let updated = try store.write { state throws(APIError) -> ConfluenceContent in
            guard input.id == id else { throw .badRequest("The id in the request body does not match the blog post id in the path.") }
            guard var post = state.confluence.content(id: id), post.kind == .blogpost, post.status != "trashed" else {
                throw .blogPostNotFound
            }
            let provided = input.versionNumber ?? 0
            guard provided == post.version.number + 1 else {
                throw .conflict(
                    "Version must be incremented when updating a blog post. Current Version: [\(post.version.number)]. Provided version: [\(provided)]"
                )
            }
            if let spaceId = input.spaceId, spaceId != post.spaceId {
                throw .badRequest("A blog post cannot be moved to another space with this operation.")
            }
            let title = input.title ?? post.title
            guard !title.isEmpty else { throw .badRequest("Title is required for a current blog post.") }
            post.title = title
            post.status = input.status ?? post.status
            post.body = input.body ?? post.body
            post.version = .init(number: provided, message: input.versionMessage ?? "", minorEdit: input.minorEdit, authorId: actor, createdAt: Timestamp.now())
            state.confluence.save(post)
            return post
        }
        ConfluenceWebhookDeliveries(store: store).contentChanged(.updated, content: updated, actorId: actor, baseURL: request.baseURL)
        let renderer = ConfluenceRenderer(state: store.snapshot(), baseURL: request.baseURL)
        return .json(renderer.page(updated, bodyFormat: updated.body.representation, includeBase: true))
    }

    /// Trashes a current blog post; `purge=true` removes one already in the trash.
    private func deleteBlogPost(_ request: RouteRequest) throws -> SandboxResponse {
        try ConfluencePageRoutes.trash(request, kind: .blogpost, notFound: .blogPostNotFound, in: store)
    }
}
