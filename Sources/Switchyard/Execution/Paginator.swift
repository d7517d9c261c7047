import Foundation

/// The pagination kinds as pure functions: where to start, how to ask for a page, and where the next
/// page is after a response.
enum Paginator {
    static func firstPosition(of kind: Pagination.Kind) -> PageCursor.Position {
        switch kind {
        case .offset: .offset(0)
        case .token: .token(nil)
        case .nextLink: .link(nil)
        case .pageNumber(_, let firstPage, _): .page(firstPage)
        }
    }

    /// How many records to ask for: no more than wanted, except that page numbers only stay meaningful
    /// while the page size stays the same.
    static func pageSize(for pagination: Pagination, wanted: Int) -> Int {
        if case .pageNumber = pagination.kind { return pagination.pageSize }
        return min(pagination.pageSize, wanted)
    }

    /// The request for the page at `position`, asking for `pageSize` records.
    static func request(
        for position: PageCursor.Position, base: PreparedRequest, pagination: Pagination, pageSize: Int, connection: Connection
    ) throws(ExecutionError) -> PreparedRequest {
        var request = base
        var params: [(String, JSONValue)] = []
        if let limitParam = pagination.limitParam {
            params.append((limitParam, .number(JSONNumber(pageSize))))
        }
        switch (pagination.kind, position) {
        case (.offset(let offsetParam, _, _), .offset(let offset)):
            params.append((offsetParam, .number(JSONNumber(offset))))
        case (.token(let tokenParam, _, _), .token(let token)):
            if let token { params.append((tokenParam, .string(token))) }
        case (.nextLink, .link(let link)):
            if let link {
                guard let sameOrigin = connection.origin.resolveSameOrigin(link, relativeTo: nil) else {
                    throw ExecutionError(kind: .validation, message: "the cursor points to another origin than \(connection.origin)")
                }
                request.absoluteURL = sameOrigin
                request.query = []
                params = []
            }
        case (.pageNumber(let pageParam, _, _), .page(let page)):
            params.append((pageParam, .number(JSONNumber(page))))
        default:
            throw ExecutionError(kind: .validation, message: "the cursor does not match this action's pagination")
        }
        place(params, in: &request, placement: pagination.placement)
        return request
    }

    private static func place(_ params: [(String, JSONValue)], in request: inout PreparedRequest, placement: Pagination.Placement) {
        switch placement {
        case .query:
            for (name, value) in params {
                request.query.removeAll { $0.name == name }
                request.query.append((name, value.displayText))
            }
        case .body:
            var object = JSONObject()
            if case .json(let existing)? = request.body, let members = existing.objectValue { object = members }
            for (name, value) in params { object[name] = value }
            if request.body == nil { request.headers.append(("Content-Type", "application/json")) }
            request.body = .json(.object(object))
        }
    }

    /// The position of the page after this one, or `nil` at the end.
    static func nextPosition(
        after position: PageCursor.Position, body: JSONValue, response: HTTPResponse, pageCount: Int,
        pagination: Pagination, requestedSize: Int, connection: Connection
    ) -> PageCursor.Position? {
        switch (pagination.kind, position) {
        case (.offset(_, let totalPath, let isLastPath), .offset(let offset)):
            if let isLastPath, body.value(atDotPath: isLastPath)?.boolValue == true { return nil }
            let nextOffset = offset + pageCount
            if let totalPath, let total = body.value(atDotPath: totalPath)?.intValue { return nextOffset < total ? .offset(nextOffset) : nil }
            if isLastPath == nil, pageCount < requestedSize { return nil }
            return pageCount == 0 ? nil : .offset(nextOffset)
        case (.token(_, let nextTokenPath, let isLastPath), .token):
            if let isLastPath, body.value(atDotPath: isLastPath)?.boolValue == true { return nil }
            guard let token = body.value(atDotPath: nextTokenPath)?.stringValue, !token.isEmpty else { return nil }
            return .token(token)
        case (.nextLink(let source, let nextPath, let basePath), .link):
            let link: String?
            switch source {
            case .body: link = nextPath.flatMap { body.value(atDotPath: $0)?.stringValue }
            case .header: link = response.header("Link").flatMap(LinkHeader.nextURL)
            }
            guard let link, !link.isEmpty else { return nil }
            let base = basePath.flatMap { body.value(atDotPath: $0)?.stringValue }
            guard let resolved = connection.origin.resolveSameOrigin(link, relativeTo: base) else { return nil }
            return .link(resolved)
        case (.pageNumber(_, _, let totalPagesPath), .page(let page)):
            if let totalPagesPath, let totalPages = body.value(atDotPath: totalPagesPath)?.intValue { return page < totalPages ? .page(page + 1) : nil }
            return pageCount < requestedSize || pageCount == 0 ? nil : .page(page + 1)
        default:
            return nil
        }
    }
}

/// Reads RFC 8288 `Link` headers.
enum LinkHeader {
    /// The target of the `rel="next"` link, if any.
    static func nextURL(_ header: String) -> String? {
        for link in header.split(separator: ",") {
            let parts = link.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let target = parts.first, target.hasPrefix("<"), target.hasSuffix(">") else { continue }
            let isNext = parts.dropFirst().contains { parameter in
                let lowered = parameter.lowercased().replacingOccurrences(of: " ", with: "")
                return lowered == "rel=\"next\"" || lowered == "rel=next"
            }
            if isNext { return String(target.dropFirst().dropLast()) }
        }
        return nil
    }
}
