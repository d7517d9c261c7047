import Switchyard

/// Confluence v2 comment edits: update (a new version of the body), resolve or reopen (inline comments), and
/// delete, for footer and inline comments alike.
///
/// ```http
/// PUT    /wiki/api/v2/footer-comments/131085 {"version":{"number":2},"body":{"representation":"storage","value":"<p>Edited</p>"}}
/// PUT    /wiki/api/v2/inline-comments/131095 {"version":{"number":2},"resolved":true}   → "resolutionStatus":"resolved"
/// DELETE /wiki/api/v2/footer-comments/131085                                            → 204
/// ```
struct ConfluenceCommentEditRoutes: RouteGroup {
    let store: SandboxStore

    func register(on router: inout Router) {
        for (collection, inline) in [("footer-comments", false), ("inline-comments", true)] {
            router.add(.PUT, "/wiki/api/v2/\(collection)/{id}", dialect: .confluenceV2) { try update($0, inline: inline) }
            router.add(.DELETE, "/wiki/api/v2/\(collection)/{id}", dialect: .confluenceV2) { try delete($0, inline: inline) }
        }
    }

    /// The live comment of the path's kind; a 404 otherwise.
    private func comment(_ id: String, inline: Bool, in state: SandboxState) throws(APIError) -> ConfluenceComment {
        guard let comment = state.confluence.comment(id: id), comment.status == "current", (comment.inline != nil) == inline else {
            throw .notFound("Cannot find comment with the given id.")
        }
        return comment
    }

    /// A new version needs `version.number` = current + 1 (409 otherwise); `resolved` applies to top-level
    /// inline comments only.
    private func update(_ request: RouteRequest, inline: Bool) throws -> SandboxResponse {
        let id = try request.numericID("id")
        let body = try request.jsonObjectBody()
        let newBody = try body["body"].flatMap { value throws(APIError) in try ConfluenceV2ExtrasRoutes.commentBody(value) }
        let resolved = body["resolved"]?.boolValue
        if resolved != nil, !inline { throw APIError.badRequest("Only inline comments can be resolved.") }
        guard newBody != nil || resolved != nil else { throw APIError.badRequest("Give a new body, or resolved for an inline comment.") }
        let provided = body["version"]?["number"]?.intValue
        let actor = request.accountId ?? SandboxCredentials.accountId
        let updated = try store.write { state throws(APIError) -> ConfluenceComment in
            var comment = try comment(id, inline: inline, in: state)
            guard let provided, provided == comment.version.number + 1 else {
                throw .conflict("Version must be incremented when updating a comment. Current Version: [\(comment.version.number)]. Provided version: [\(provided.map(String.init) ?? "none")]")
            }
            if let resolved, var anchor = comment.inline {
                guard comment.parentCommentId == nil else { throw .badRequest("Replies cannot be resolved; resolve the top-level comment.") }
                guard anchor.resolutionStatus != "dangling" else { throw .badRequest("A dangling comment cannot be updated.") }
                let isResolved = anchor.resolutionStatus == "resolved"
                if resolved != isResolved { anchor.resolutionStatus = resolved ? "resolved" : "reopened" }
                comment.inline = anchor
            }
            if let newBody { comment.body = newBody }
            comment.version = .init(
                number: provided, message: body["version"]?["message"]?.stringValue ?? "", minorEdit: false, authorId: actor, createdAt: Timestamp.now()
            )
            state.confluence.save(comment)
            return comment
        }
        let renderer = ConfluenceRenderer(state: store.snapshot(), baseURL: request.baseURL)
        let bodyFormat = updated.body.representation
        return .json(inline
            ? renderer.inlineComment(updated, bodyFormat: bodyFormat, includeBase: true)
            : renderer.footerComment(updated, bodyFormat: bodyFormat, includeBase: true))
    }

    /// Deletes a comment and its replies permanently, as Confluence does.
    private func delete(_ request: RouteRequest, inline: Bool) throws -> SandboxResponse {
        let id = try request.numericID("id")
        try store.write { state throws(APIError) in
            let target = try comment(id, inline: inline, in: state)
            for reply in state.confluence.comments where reply.parentCommentId == target.id {
                state.confluence.removeComment(id: reply.id)
            }
            state.confluence.removeComment(id: target.id)
        }
        return .noContent
    }
}
