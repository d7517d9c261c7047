/// Walks a paginated action's pages until it has `limit` records or the pages end, remembering for
/// every record where a cursor would restart at it.
struct PageWalker {
    /// What the walk gathered.
    struct Collected {
        /// Where to continue after the last record taken, when more remain.
        var next: PageCursor?
        /// Whether the walk stopped because a record did not fit the output budget.
        var stoppedByBudget = false
        var status = 200
    }

    let actionID: String
    let pagination: Pagination
    let connection: Connection
    let records: String?
    private(set) var pages = 0

    init(actionID: String, pagination: Pagination, connection: Connection, records: String?) {
        self.actionID = actionID
        self.pagination = pagination
        self.connection = connection
        self.records = records
    }

    /// Fetches pages, handing each record to `accept` until `limit` records were accepted, the pages end,
    /// or `accept` refuses one (the output budget is spent).
    mutating func collect(
        _ base: PreparedRequest, limit: Int, from cursor: PageCursor?, sender: inout RequestSender,
        accept: (JSONValue) -> Bool, progress: (ExecutionProgress) -> Void
    ) async throws(ExecutionError) -> Collected {
        var collected = Collected()
        var accepted = 0
        var position = cursor?.position ?? Paginator.firstPosition(of: pagination.kind)
        var skip = cursor?.skip ?? 0
        while accepted < limit {
            let remaining = limit - accepted
            let pageSize = Paginator.pageSize(for: pagination, wanted: remaining + skip)
            let request = try Paginator.request(for: position, base: base, pagination: pagination, pageSize: pageSize, connection: connection)
            let response = try await sender.send(request)
            collected.status = response.status
            pages += 1
            let body = try Self.decodeBody(response)
            let pageRecords = Self.records(of: body, at: records)
            let fresh = pageRecords.dropFirst(skip)
            var taken = 0
            for record in fresh.prefix(remaining) {
                guard accept(record) else {
                    collected.next = PageCursor(actionID: actionID, position: position, skip: skip + taken)
                    collected.stoppedByBudget = true
                    return collected
                }
                taken += 1
            }
            accepted += taken
            progress(ExecutionProgress(pages: pages, records: accepted, limit: limit))
            let following = Paginator.nextPosition(
                after: position, body: body, response: response, pageCount: pageRecords.count,
                pagination: pagination, requestedSize: pageSize, connection: connection
            )
            if taken < fresh.count {
                collected.next = PageCursor(actionID: actionID, position: position, skip: skip + taken)
                break
            }
            guard let following else { break }
            if accepted >= limit {
                collected.next = PageCursor(actionID: actionID, position: following)
                break
            }
            if pageRecords.isEmpty { break }
            position = following
            skip = 0
        }
        return collected
    }

    /// The records of a page body: the array at the dot path `records`, or the body itself.
    static func records(of body: JSONValue, at records: String?) -> [JSONValue] {
        if let path = records {
            return body.value(atDotPath: path)?.arrayValue ?? []
        }
        return body.arrayValue ?? (body.isNull ? [] : [body])
    }

    /// The body as JSON; an empty body is `null` and a non-JSON body a string.
    static func decodeBody(_ response: HTTPResponse) throws(ExecutionError) -> JSONValue {
        guard response.body.readableBytes > 0 else { return .null }
        guard response.looksLikeJSON else { return .string(response.bodyText) }
        do {
            return try JSONValue(parsing: response.body.readableBytesView)
        } catch {
            throw ExecutionError(
                kind: .upstream,
                message: "HTTP \(response.status) response is not valid JSON: \(error)",
                status: response.status,
                details: ["body_excerpt": .string(UpstreamError.textExcerpt(response.bodyText))],
                retryable: false
            )
        }
    }
}
