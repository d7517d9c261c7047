/// The raw requests of one read action with fixed params, for callers that walk its pages themselves, one
/// at a time, such as an export: params are validated, scope-filtered and filled once, and every page or
/// single read goes through the same authenticated, rate-limited, retrying sender as an execute.
///
/// Records come back as the API sent them: no transforms, no field selection, no output budget.
struct ActionRequests {
    let runtime: SwitchyardRuntime
    let manifest: ConnectorManifest
    let action: Action
    let connection: Connection
    let actionID: String
    private let base: PreparedRequest
    private let policy: RetryPolicy

    init(runtime: SwitchyardRuntime, request: ExecuteRequest) throws(ExecutionError) {
        let (manifest, action) = try runtime.catalog.resolve(request)
        guard action.safety.readOnly else {
            throw ExecutionError(kind: .validation, message: "\(request.connector) \(request.entity) \(request.action) is not read-only and cannot be used to read records")
        }
        guard action.prefetch == nil else {
            throw ExecutionError(kind: .config, message: "\(request.connector) \(request.entity) \(request.action) needs a prefetch and cannot be used to read records")
        }
        let connection = try runtime.connection(for: manifest)
        guard case .object = request.params else {
            throw ExecutionError(kind: .validation, message: "params must be a JSON object, got \(request.params.typeName)")
        }
        let violations = action.params.validate(request.params)
        if !violations.isEmpty {
            throw ExecutionError(
                kind: .validation,
                message: "invalid params for \(request.connector) \(request.entity) \(request.action): \(violations.map(\.message).joined(separator: "; "))"
            )
        }
        var params = action.params.applyingDefaults(to: request.params).objectValue ?? JSONObject()
        for name in ControlParams.names(for: action) { params[name] = nil }
        if let filter = runtime.scopeFilters[manifest.name] {
            try filter.apply(to: &params, declared: action.declaredParamNames)
        }
        self.runtime = runtime
        self.manifest = manifest
        self.action = action
        self.connection = connection
        actionID = "\(manifest.name)/\(request.entity)/\(action.name)"
        base = try RequestBuilder.build(action.request, params: params, baseURL: connection.baseURL, connectorHeaders: manifest.headers)
        policy = RetrySettings.policy(base: runtime.retryPolicy, connector: manifest.retry, action: action.retry)
    }

    /// A sender with a fresh deadline: each request of a long walk gets the whole time budget of one call.
    private func sender() -> RequestSender {
        RequestSender(
            transport: runtime.transport, connection: connection, policy: policy, deadline: .now + policy.deadline,
            limiter: runtime.rateLimiter(for: manifest), idempotent: action.safety.idempotent,
            logger: runtime.logger, label: actionID, connector: manifest.name
        )
    }

    /// The whole response body of a single read.
    func read() async throws(ExecutionError) -> JSONValue {
        var sender = sender()
        return try PageWalker.decodeBody(try await sender.send(base))
    }

    /// One page of a paginated action: its records, the position of the page after it (`nil` at the end) and
    /// the total the API reports, if it does.
    /// `pageSize` replaces the manifest's page size, except for page numbers, which need the same size throughout.
    func page(at position: PageCursor.Position, pageSize: Int?) async throws(ExecutionError) -> (records: [JSONValue], next: PageCursor.Position?, total: Int?) {
        guard let pagination = action.response.pagination else {
            throw ExecutionError(kind: .config, message: "\(actionID) is not paginated")
        }
        var size = pagination.pageSize
        if let pageSize, !pagination.kind.isPageNumber { size = pageSize }
        let request = try Paginator.request(for: position, base: base, pagination: pagination, pageSize: size, connection: connection)
        var sender = sender()
        let response = try await sender.send(request)
        let body = try PageWalker.decodeBody(response)
        let records = PageWalker.records(of: body, at: action.response.records)
        let next = Paginator.nextPosition(
            after: position, body: body, response: response, pageCount: records.count,
            pagination: pagination, requestedSize: size, connection: connection
        )
        var total: Int?
        if case .offset(_, let totalPath?, _) = pagination.kind { total = body.value(atDotPath: totalPath)?.intValue }
        return (records, records.isEmpty ? nil : next, total)
    }
}
