import Switchyard

/// Confluence v2 inline comments: comments anchored to highlighted text of a page or blog post.
///
/// ```http
/// POST /wiki/api/v2/inline-comments {"pageId":"98311","body":{"representation":"storage","value":"<p>Which timeout?</p>"},
///      "inlineCommentProperties":{"textSelection":"Payment provider timeout","textSelectionMatchCount":1,"textSelectionMatchIndex":0}}
/// → 201 {"id":"131095","pageId":"98311","resolutionStatus":"open","properties":{"inlineOriginalSelection":"Payment provider timeout",...}}
/// GET  /wiki/api/v2/pages/98311/inline-comments?body-format=storage&resolution-status=open
/// ```
struct ConfluenceInlineCommentRoutes: RouteGroup {
    let store: SandboxStore

    func register(on router: inout Router) {
        for (collection, kind) in [("pages", ConfluenceContent.Kind.page), ("blogposts", .blogpost)] {
            router.add(.GET, "/wiki/api/v2/\(collection)/{id}/inline-comments", dialect: .confluenceV2) { try listComments($0, kind: kind) }
        }
        router.add(.POST, "/wiki/api/v2/inline-comments", dialect: .confluenceV2) { try createComment($0) }
        router.add(.GET, "/wiki/api/v2/inline-comments/{id}", dialect: .confluenceV2) { request in
            let id = try request.numericID("id")
            let state = store.snapshot()
            guard let comment = state.confluence.comment(id: id), comment.status == "current", comment.inline != nil else {
                throw APIError.notFound("Cannot find comment with the given id.")
            }
            let renderer = ConfluenceRenderer(state: state, baseURL: request.baseURL)
            return .json(renderer.inlineComment(comment, bodyFormat: try request.bodyFormat(allowView: true)))
        }
    }

    private func listComments(_ request: RouteRequest, kind: ConfluenceContent.Kind) throws -> SandboxResponse {
        let paging = try CursorPaging(request, defaultLimit: 25, maxLimit: 250)
        let bodyFormat = try request.bodyFormat()
        let resolutions = request.query.list("resolution-status")
        let known = ["open", "reopened", "resolved", "dangling"]
        if let unknown = resolutions.first(where: { !known.contains($0) }) {
            throw APIError.badRequest("Invalid resolution-status '\(unknown)'. Use open, reopened, resolved or dangling.")
        }
        let state = store.snapshot()
        let id = try request.numericID("id")
        guard let content = state.confluence.content(id: id), content.kind == kind, content.status != "trashed" else {
            throw kind == .page ? APIError.pageNotFound : APIError.blogPostNotFound
        }
        var comments = state.confluence.inlineComments(on: content.id)
        if !resolutions.isEmpty { comments = comments.filter { resolutions.contains($0.inline?.resolutionStatus ?? "") } }
        switch request.query["sort"] ?? "created-date" {
        case "created-date", "modified-date": break
        case "-created-date", "-modified-date": comments.reverse()
        case let sort: throw APIError.badRequest("Invalid sort value '\(sort)'. Use created-date or modified-date, optionally prefixed with '-'.")
        }
        let page = paging.page(of: comments)
        let renderer = ConfluenceRenderer(state: state, baseURL: request.baseURL)
        return paging.v2Response(results: page.items.map { renderer.inlineComment($0, bodyFormat: bodyFormat) }, page: page)
    }

    /// A top-level inline comment needs a `textSelection` found in the content's text; a reply inherits its
    /// parent's anchor.
    private func createComment(_ request: RouteRequest) throws -> SandboxResponse {
        let body = try request.jsonObjectBody()
        let pageId = body["pageId"].flatMap(ConfluenceV2ExtrasRoutes.identifier)
        let blogPostId = body["blogPostId"].flatMap(ConfluenceV2ExtrasRoutes.identifier)
        let parentCommentId = body["parentCommentId"].flatMap(ConfluenceV2ExtrasRoutes.identifier)
        guard [pageId, blogPostId, parentCommentId].compactMap({ $0 }).count == 1 else {
            throw APIError.badRequest("Exactly one of pageId, blogPostId or parentCommentId must be provided.")
        }
        guard let bodyValue = body["body"], let commentBody = try ConfluenceV2ExtrasRoutes.commentBody(bodyValue) else {
            throw APIError.badRequest("A comment body is required.")
        }
        let properties = body["inlineCommentProperties"]
        let selection = properties?["textSelection"]?.stringValue
        let matchIndex = properties?["textSelectionMatchIndex"]?.intValue ?? 0
        let actor = request.accountId ?? SandboxCredentials.accountId
        let created = try store.write { state throws(APIError) -> ConfluenceComment in
            let container: ConfluenceContent
            let inherited: ConfluenceComment.InlineAnchor?
            if let parentCommentId {
                guard let parent = state.confluence.comment(id: parentCommentId), parent.status == "current",
                    let parentAnchor = parent.inline, let content = state.confluence.content(id: parent.containerId)
                else { throw .notFound("Cannot find the parent comment with the given id.") }
                container = content
                inherited = parentAnchor
            } else {
                let expected: ConfluenceContent.Kind = pageId != nil ? .page : .blogpost
                guard let content = state.confluence.content(id: pageId ?? blogPostId ?? ""), content.kind == expected,
                    content.status != "trashed"
                else { throw expected == .page ? .pageNotFound : .blogPostNotFound }
                guard let selection, !selection.isEmpty else {
                    throw .badRequest("inlineCommentProperties.textSelection is required for a top-level inline comment.")
                }
                let occurrences = BodyConverter.plainText(of: content.body).components(separatedBy: selection).count - 1
                guard matchIndex >= 0, matchIndex < occurrences else {
                    throw .badRequest("Text selection '\(selection)' (match \(matchIndex)) was not found in the content; it occurs \(occurrences) times.")
                }
                container = content
                inherited = nil
            }
            let id = state.confluence.makeContentID()
            let now = Timestamp.now()
            let comment = ConfluenceComment(
                id: id, containerId: container.id, containerKind: container.kind, parentCommentId: parentCommentId,
                status: "current", authorId: actor, createdAt: now,
                version: .init(number: 1, message: "", minorEdit: false, authorId: actor, createdAt: now), body: commentBody,
                inline: inherited ?? .init(markerRef: Self.markerRef(commentId: id), selection: selection ?? "", resolutionStatus: "open")
            )
            state.confluence.save(comment)
            return comment
        }
        let renderer = ConfluenceRenderer(state: store.snapshot(), baseURL: request.baseURL)
        return .json(renderer.inlineComment(created, bodyFormat: created.body.representation, includeBase: true), status: .created)
    }

    /// A UUID-shaped marker reference, stable for a comment id.
    private static func markerRef(commentId: String) -> String {
        let digits = String(repeating: "0", count: max(0, 12 - commentId.count)) + commentId
        return "5f1c7a2e-0b3d-4e9a-8c61-\(digits.suffix(12))"
    }
}
