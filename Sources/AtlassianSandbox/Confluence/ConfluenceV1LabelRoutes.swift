import Switchyard

/// Confluence REST v1 labels of a page or blog post, under `/wiki` (Cloud) or no context (Data Center).
///
/// ```http
/// POST   /wiki/rest/api/content/98311/label [{"prefix":"global","name":"payments"}]   → 200 {"results":[...all labels...],"size":3}
/// GET    /wiki/rest/api/content/98311/label
/// DELETE /wiki/rest/api/content/98311/label?name=payments                            → 204
/// DELETE /wiki/rest/api/content/98311/label/payments                                 → 204
/// ```
struct ConfluenceV1LabelRoutes: RouteGroup {
    let store: SandboxStore
    let context: String

    /// Characters Confluence refuses in label names.
    private static let forbidden = Set("!#&()*,.:;<>?@[]^")

    func register(on router: inout Router) {
        let base = "\(context)/rest/api/content/{id}/label"
        router.add(.GET, base, dialect: .confluenceV1) { try listLabels($0) }
        router.add(.POST, base, dialect: .confluenceV1) { try addLabels($0) }
        router.add(.DELETE, base, dialect: .confluenceV1) { request in
            guard let name = request.query["name"], !name.isEmpty else {
                throw APIError.badRequest("The query parameter 'name' is required.")
            }
            return try removeLabel(name, request)
        }
        router.add(.DELETE, "\(base)/{label}", dialect: .confluenceV1) { try removeLabel($0.parameter("label"), $0) }
    }

    private func labelArray(_ labels: [ConfluenceLabel], _ request: RouteRequest, state: SandboxState) throws(APIError) -> SandboxResponse {
        let paging = try V1Paging(request, context: context, defaultLimit: 200, maxLimit: 200)
        let page = paging.page(of: labels)
        let renderer = ConfluenceRenderer(state: state, baseURL: request.baseURL, context: context)
        return paging.response(results: page.items.map(renderer.v1Label), page: page)
    }

    private func content(_ id: String, in state: SandboxState) throws(APIError) -> ConfluenceContent {
        guard let content = state.confluence.content(id: id), content.status != "trashed" else { throw .noContent(id: id) }
        return content
    }

    private func listLabels(_ request: RouteRequest) throws -> SandboxResponse {
        let state = store.snapshot()
        let content = try content(request.parameter("id"), in: state)
        var labels = state.confluence.labels(on: content.id)
        if let prefix = request.query["prefix"] { labels = labels.filter { $0.prefix == prefix } }
        return try labelArray(labels, request, state: state)
    }

    private func addLabels(_ request: RouteRequest) throws -> SandboxResponse {
        let body = try request.jsonBody()
        let entries: [JSONValue]
        switch body {
        case .array(let items): entries = items
        case .object: entries = [body]
        default: throw APIError.badRequest("The body must be a label {\"prefix\",\"name\"} or an array of them.")
        }
        guard !entries.isEmpty else { throw APIError.badRequest("At least one label is required.") }
        var labels: [(prefix: String, name: String)] = []
        for entry in entries {
            guard let name = entry["name"]?.stringValue?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
                throw APIError.badRequest("Each label needs a name.")
            }
            if name.contains(where: { $0.isWhitespace }) || name.contains(where: Self.forbidden.contains) || name.count > 255 {
                throw APIError.badRequest("Invalid label name '\(name)': labels cannot contain spaces or any of !#&()*,.:;<>?@[]^.")
            }
            let prefix = entry["prefix"]?.stringValue ?? "global"
            guard ConfluenceLabel.prefixes.contains(prefix) else {
                throw APIError.badRequest("Invalid label prefix '\(prefix)'; use global, my or team.")
            }
            labels.append((prefix, name.lowercased()))
        }
        let id = request.parameter("id")
        try store.write { state throws(APIError) in
            let content = try content(id, in: state)
            for label in labels { state.confluence.addLabel(label.name, prefix: label.prefix, to: content.id) }
        }
        let state = store.snapshot()
        return try labelArray(state.confluence.labels(on: id), request, state: state)
    }

    private func removeLabel(_ name: String, _ request: RouteRequest) throws -> SandboxResponse {
        let id = request.parameter("id")
        try store.write { state throws(APIError) in
            let content = try content(id, in: state)
            guard state.confluence.removeLabel(named: name.lowercased(), from: content.id) else {
                throw .notFound("The label '\(name)' is not on content \(id).")
            }
        }
        return .noContent
    }
}
