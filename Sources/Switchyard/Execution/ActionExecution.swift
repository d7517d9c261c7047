import NIOCore

/// One execute of one action: validate, fill, authenticate, send, paginate, extract, select.
struct ActionExecution {
    let runtime: SwitchyardRuntime
    let manifest: ConnectorManifest
    let entityName: String
    let action: Action
    let connection: Connection
    let deadline: ContinuousClock.Instant
    let progress: ProgressHandler?
    private(set) var attempts = 0
    private(set) var pages = 0

    init(
        runtime: SwitchyardRuntime, manifest: ConnectorManifest, entityName: String, action: Action,
        connection: Connection, deadline: ContinuousClock.Instant, progress: ProgressHandler?
    ) {
        self.runtime = runtime
        self.manifest = manifest
        self.entityName = entityName
        self.action = action
        self.connection = connection
        self.deadline = deadline
        self.progress = progress
    }

    var actionID: String { "\(manifest.name)/\(entityName)/\(action.name)" }

    mutating func run(params rawParams: JSONValue) async throws(ExecutionError) -> ExecutionResult {
        let params = try validatedParams(rawParams)
        let shaping = RecordShaping(
            selection: try fieldSelection(params[ControlParams.fields]),
            transforms: params[ControlParams.textFormat] == "raw" ? [] : action.response.transforms
        )
        var apiParams = params
        for name in ControlParams.names(paginated: action.isPaginated, transformsText: action.transformsText) { apiParams[name] = nil }
        let base = try RequestBuilder.build(action.request, params: apiParams, baseURL: connection.baseURL, connectorHeaders: manifest.headers)

        let result: ExecutionResult
        if let pagination = action.response.pagination {
            let limit = params[ControlParams.limit]?.intValue ?? ControlParams.defaultLimit
            let cursor = try params[ControlParams.cursor]?.stringValue.map { text throws(ExecutionError) in
                try PageCursor(decoding: text, actionID: actionID, kind: pagination.kind)
            }
            result = try await paginate(base, pagination: pagination, limit: limit, cursor: cursor, shaping: shaping)
        } else {
            let response = try await send(base)
            let body = try decodeBody(response)
            var data = body
            if let records = action.response.records {
                data = body.value(atDotPath: records) ?? .array([])
            }
            if case .array(let elements) = data {
                data = .array(elements.map(shaping.apply))
            } else if response.status != 204, !body.isNull {
                data = shaping.apply(to: data)
            }
            result = ExecutionResult(status: response.status, data: data, next: nil, truncated: false, meta: [:])
        }
        var meta = result.meta
        meta["attempts"] = .number(JSONNumber(attempts))
        return ExecutionResult(status: result.status, data: result.data, next: result.next, truncated: result.truncated, meta: meta)
    }

    // MARK: Params

    private func validatedParams(_ raw: JSONValue) throws(ExecutionError) -> JSONObject {
        guard case .object = raw else {
            throw ExecutionError(kind: .validation, message: "params must be a JSON object, got \(raw.typeName)")
        }
        let violations = action.params.validate(raw)
        if !violations.isEmpty {
            let message = violations.map(\.message).joined(separator: "; ")
            let details: [JSONValue] = violations.map { violation in
                var object: JSONObject = ["param": .string(violation.path), "problem": .string(violation.message), "keyword": .string(violation.keyword)]
                if let expected = violation.expected { object["expected"] = .string(expected) }
                return .object(object)
            }
            throw ExecutionError(
                kind: .validation,
                message: "invalid params for \(manifest.name) \(entityName) \(action.name): \(message)",
                details: ["violations": .array(details)]
            )
        }
        return action.params.applyingDefaults(to: raw).objectValue ?? JSONObject()
    }

    private func fieldSelection(_ value: JSONValue?) throws(ExecutionError) -> FieldSelection {
        switch value {
        case nil:
            return FieldSelection(paths: action.response.fields)
        case .string(let text)?:
            return FieldSelection(paths: text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        case .array(let elements)?:
            return FieldSelection(paths: elements.compactMap(\.stringValue))
        default:
            throw ExecutionError(kind: .validation, message: "param 'fields' must be an array of dot paths or a comma-separated string")
        }
    }

    // MARK: Pagination

    private mutating func paginate(
        _ base: PreparedRequest, pagination: Pagination, limit: Int, cursor: PageCursor?, shaping: RecordShaping
    ) async throws(ExecutionError) -> ExecutionResult {
        var position = cursor?.position ?? Paginator.firstPosition(of: pagination.kind)
        var skip = cursor?.skip ?? 0
        var records: [JSONValue] = []
        var status = 200
        var next: PageCursor?
        while records.count < limit {
            let remaining = limit - records.count
            let pageSize = Paginator.pageSize(for: pagination, wanted: remaining + skip)
            let request = try Paginator.request(for: position, base: base, pagination: pagination, pageSize: pageSize, connection: connection)
            let response = try await send(request)
            status = response.status
            pages += 1
            let body = try decodeBody(response)
            let pageRecords = extractRecords(body)
            let fresh = Array(pageRecords.dropFirst(skip))
            let taken = Array(fresh.prefix(remaining))
            records += taken
            progress?(ExecutionProgress(pages: pages, records: records.count, limit: limit))
            let following = Paginator.nextPosition(
                after: position, body: body, response: response, pageCount: pageRecords.count,
                pagination: pagination, requestedSize: pageSize, connection: connection
            )
            if taken.count < fresh.count {
                next = PageCursor(actionID: actionID, position: position, skip: skip + taken.count)
                break
            }
            guard let following else { break }
            if records.count >= limit {
                next = PageCursor(actionID: actionID, position: following)
                break
            }
            if pageRecords.isEmpty { break }
            position = following
            skip = 0
        }
        let data = JSONValue.array(records.map(shaping.apply))
        let meta: JSONObject = ["pages": .number(JSONNumber(pages)), "records": .number(JSONNumber(records.count))]
        return ExecutionResult(status: status, data: data, next: next?.encoded, truncated: false, meta: meta)
    }

    private func extractRecords(_ body: JSONValue) -> [JSONValue] {
        if let path = action.response.records {
            return body.value(atDotPath: path)?.arrayValue ?? []
        }
        return body.arrayValue ?? (body.isNull ? [] : [body])
    }

    // MARK: Sending

    /// Sends with auth, following same-origin redirects with credentials and cross-origin ones without,
    /// retrying what the retry policy allows, within the deadline.
    private mutating func send(_ request: PreparedRequest) async throws(ExecutionError) -> HTTPResponse {
        let policy = runtime.retryPolicy
        var attempt = 0
        while true {
            attempt += 1
            attempts += 1
            do {
                return try await sendFollowingRedirects(request)
            } catch {
                guard policy.shouldRetry(error, idempotent: action.safety.idempotent, attempt: attempt) else { throw error }
                let wait = policy.delay(after: error, attempt: attempt)
                guard ContinuousClock.now + wait < deadline else { throw error }
                runtime.logger.debug("retrying \(actionID) after \(error.kind.rawValue), waiting \(wait)")
                do {
                    try await Task.sleep(for: wait)
                } catch {
                    throw ExecutionError(kind: .timeout, message: "the call was cancelled while waiting to retry", retryable: false)
                }
            }
        }
    }

    private func sendFollowingRedirects(_ original: PreparedRequest) async throws(ExecutionError) -> HTTPResponse {
        var request = original
        var authenticated = true
        for _ in 0..<6 {
            var outgoing = request
            if authenticated { connection.credential.apply(to: &outgoing) }
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else {
                throw ExecutionError(kind: .timeout, message: "the call ran out of its time budget before \(request.method.rawValue) \(request.path) could be sent")
            }
            let timeout = min(remaining, runtime.retryPolicy.attemptTimeout)
            let response = try await runtime.transport.send(outgoing, timeout: .milliseconds(Int64(timeout.milliseconds)))
            if [301, 302, 303, 307, 308].contains(response.status), let location = response.header("Location") {
                guard let target = URLOrigin(request.url)?.resolveAny(location) else {
                    throw ExecutionError(kind: .upstream, message: "HTTP \(response.status) redirect to an unusable location", status: response.status)
                }
                authenticated = authenticated && URLOrigin(target) == connection.origin
                request.absoluteURL = target
                request.query = []
                if response.status == 303 || ((response.status == 301 || response.status == 302) && request.method == .post) {
                    request.method = .get
                    request.body = nil
                    request.headers.removeAll { $0.name.lowercased() == "content-type" }
                }
                continue
            }
            guard (200..<300).contains(response.status) else {
                throw UpstreamError.executionError(for: response)
            }
            return response
        }
        throw ExecutionError(kind: .upstream, message: "too many redirects for \(original.method.rawValue) \(original.path)")
    }

    private func decodeBody(_ response: HTTPResponse) throws(ExecutionError) -> JSONValue {
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

extension URLOrigin {
    /// Resolves a redirect `Location`, absolute or origin-relative, against this origin (any origin allowed).
    func resolveAny(_ location: String) -> String? {
        if location.hasPrefix("http://") || location.hasPrefix("https://") { return URLOrigin(location) != nil ? location : nil }
        if location.hasPrefix("/"), !location.hasPrefix("//") { return description + location }
        return nil
    }
}
