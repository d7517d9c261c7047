/// Decodes a `pagination` block, checking that its kind has the fields it needs.
enum PaginationDecoder {
    static let kinds = ["offset", "token", "next_link", "page_number"]

    static func decode(_ json: JSONValue, at pointer: JSONPointer, problems: inout ProblemList) -> Pagination? {
        guard var reader = ObjectReader(json, at: pointer, what: "'pagination'", problems: &problems) else { return nil }
        let kindName = reader.string("kind", required: true, problems: &problems)
        let placementName = reader.string("in", problems: &problems) ?? "query"
        let placement = Pagination.Placement(rawValue: placementName)
        if placement == nil { problems.add(pointer.appending("in"), "'in' must be 'query' or 'body'") }
        let limitParam = reader.string("limit_param", problems: &problems)
        let pageSize = reader.integer("page_size", minimum: 1, problems: &problems)
        var kind: Pagination.Kind?

        func requiredString(_ key: String, _ reader: inout ObjectReader) -> String? {
            let value = reader.string(key, problems: &problems)
            if value == nil, reader.object[key] == nil {
                problems.add(pointer, "pagination kind '\(kindName ?? "")' needs '\(key)'")
            }
            return value
        }

        switch kindName {
        case "offset":
            let offsetParam = requiredString("offset_param", &reader)
            let total = reader.string("total", problems: &problems)
            let isLast = reader.string("is_last", problems: &problems)
            if limitParam == nil { problems.add(pointer, "pagination kind 'offset' needs 'limit_param'") }
            if let offsetParam { kind = .offset(offsetParam: offsetParam, total: total, isLast: isLast) }
        case "token":
            let tokenParam = requiredString("token_param", &reader)
            let nextToken = requiredString("next_token", &reader)
            let isLast = reader.string("is_last", problems: &problems)
            if let tokenParam, let nextToken { kind = .token(tokenParam: tokenParam, nextToken: nextToken, isLast: isLast) }
        case "next_link":
            let sourceName = reader.string("source", problems: &problems) ?? "body"
            let source = Pagination.LinkSource(rawValue: sourceName)
            if source == nil { problems.add(pointer.appending("source"), "'source' must be 'body' or 'header'") }
            let next = reader.string("next", problems: &problems)
            let base = reader.string("base", problems: &problems)
            if source == .body, next == nil { problems.add(pointer, "pagination kind 'next_link' with source 'body' needs 'next'") }
            if let source { kind = .nextLink(source: source, next: next, base: base) }
        case "page_number":
            let pageParam = requiredString("page_param", &reader)
            let firstPage = reader.integer("first_page", minimum: 0, problems: &problems) ?? 1
            let totalPages = reader.string("total_pages", problems: &problems)
            if let pageParam { kind = .pageNumber(pageParam: pageParam, firstPage: firstPage, totalPages: totalPages) }
        case let other?:
            problems.add(pointer.appending("kind"), "unknown pagination kind '\(other)'; expected one of \(kinds.joined(separator: ", "))")
        case nil:
            break
        }
        if pageSize == nil, reader.object["page_size"] == nil, kind != nil {
            problems.add(pointer, "pagination kind '\(kindName ?? "")' needs 'page_size'")
        }
        reader.reportUnknownFields(&problems)
        guard let kind, let placement, let pageSize else { return nil }
        return Pagination(kind: kind, placement: placement, limitParam: limitParam, pageSize: pageSize)
    }
}
