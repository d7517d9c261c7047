import Foundation
import NIOCore

/// One execute of one action: validate, fill, authenticate, send, paginate, extract, shape, fit.
struct ActionExecution {
    let runtime: SwitchyardRuntime
    let manifest: ConnectorManifest
    let entityName: String
    let action: Action
    let connection: Connection
    let started: ContinuousClock.Instant
    let progress: ProgressHandler?
    /// What happened, kept up to date even when the execute fails.
    private(set) var facts = ExecutionFacts()

    init(
        runtime: SwitchyardRuntime, manifest: ConnectorManifest, entityName: String, action: Action,
        connection: Connection, started: ContinuousClock.Instant, progress: ProgressHandler?
    ) {
        self.runtime = runtime
        self.manifest = manifest
        self.entityName = entityName
        self.action = action
        self.connection = connection
        self.started = started
        self.progress = progress
    }

    var actionID: String { "\(manifest.name)/\(entityName)/\(action.name)" }

    mutating func run(params rawParams: JSONValue) async throws(ExecutionError) -> ExecutionResult {
        var params = try validatedParams(rawParams)
        let options = try CallOptions.extract(from: &params, action: action)
        if let filter = runtime.scopeFilters[manifest.name] {
            try filter.apply(to: &params, declared: action.declaredParamNames)
        }
        let prefetch = try PrefetchStep(action.prefetch, params: params, baseURL: connection.baseURL, connectorHeaders: manifest.headers)
        // With a prefetch, what is shown and confirmed is the request with the values still to be read.
        let shown = try RequestBuilder.build(
            action.request, params: prefetch?.withPlaceholders(params) ?? params, baseURL: connection.baseURL, connectorHeaders: manifest.headers
        )
        facts.method = shown.method.rawValue
        facts.path = shown.path

        if options.dryRun {
            facts.dryRun = true
            return dryRun(shown, prefetch: prefetch)
        }
        if runtime.settings.confirmDestructive, action.safety.destructive {
            guard let token = options.confirmation else {
                throw ExecutionError(
                    kind: .validation,
                    message: "\(manifest.name) \(entityName) \(action.name) is destructive and this server requires confirmation: call it with dry_run: true, show the request to a human, then repeat the call with 'confirmation' set to the token the dry run returned"
                )
            }
            try runtime.confirmationTokens.verify(token, for: shown)
        }

        let policy = RetrySettings.policy(base: runtime.retryPolicy, connector: manifest.retry, action: action.retry)
        let deadline = started + (options.timeout ?? policy.deadline)
        var sender = RequestSender(
            transport: runtime.transport, connection: connection, policy: policy, deadline: deadline,
            limiter: runtime.rateLimiter(for: manifest), idempotent: action.safety.idempotent,
            logger: runtime.logger, label: actionID, connector: manifest.name
        )
        defer {
            facts.attempts = sender.attempts
            facts.waited = sender.waited
            facts.bytes = sender.bytesReceived
            facts.status = sender.lastStatus
        }
        var base = shown
        if let prefetch {
            let filled = try await prefetch.run(params, sender: &sender)
            base = try RequestBuilder.build(action.request, params: filled, baseURL: connection.baseURL, connectorHeaders: manifest.headers)
        }
        let shaping = RecordShaping(selection: options.selection, transforms: options.rawText ? [] : action.response.transforms)
        let budget = OutputBudget(maximumBytes: options.maximumOutputBytes)

        var result: ExecutionResult
        if let pagination = action.response.pagination {
            let cursor = try options.cursor.map { text throws(ExecutionError) in
                try PageCursor(decoding: text, actionID: actionID, kind: pagination.kind)
            }
            var walker = PageWalker(actionID: actionID, pagination: pagination, connection: connection, records: action.response.records)
            var accumulator = OutputBudget.ListAccumulator(budget: budget)
            let page = try await walker.collect(
                base, limit: options.limit, from: cursor, sender: &sender,
                accept: { accumulator.append(shaping.apply(to: $0)) },
                progress: { [progress] step in progress?(step) }
            )
            facts.pages = walker.pages
            var outcome = OutputBudget.Outcome(data: .array(accumulator.records), shortenedStrings: accumulator.shortenedStrings)
            if page.stoppedByBudget { outcome.keptRecords = accumulator.records.count }
            result = ExecutionResult(
                status: page.status, data: outcome.data, next: page.next?.encoded, truncated: outcome.truncated,
                meta: ["pages": .number(JSONNumber(walker.pages)), "records": .number(JSONNumber(accumulator.records.count))]
            )
            if outcome.truncated {
                result.meta["truncation"] = truncationNote(outcome, budget: budget, total: nil, hasNext: page.next != nil)
            }
        } else {
            let response = try await sender.send(base)
            let body = try PageWalker.decodeBody(response)
            var data = body
            if let records = action.response.records {
                data = body.value(atDotPath: records) ?? .array([])
            }
            let outcome: OutputBudget.Outcome
            if case .array(let elements) = data {
                outcome = budget.fitList(elements.map(shaping.apply))
            } else if response.status != 204, !body.isNull {
                outcome = budget.fitObject(shaping.apply(to: data))
            } else {
                outcome = OutputBudget.Outcome(data: data)
            }
            result = ExecutionResult(status: response.status, data: outcome.data, next: nil, truncated: outcome.truncated, meta: [:])
            if outcome.truncated {
                result.meta["truncation"] = truncationNote(outcome, budget: budget, total: data.arrayValue?.count, hasNext: false)
            }
        }
        result.meta["attempts"] = .number(JSONNumber(sender.attempts))
        if sender.waited > .zero { result.meta["waited_ms"] = .number(JSONNumber(sender.waited.milliseconds)) }
        return result
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

    // MARK: Shaping the result

    private func dryRun(_ request: PreparedRequest, prefetch: PrefetchStep?) -> ExecutionResult {
        var description = RequestDescription.describe(request, credential: connection.credential).objectValue ?? JSONObject()
        if let prefetch { description["prefetch"] = prefetch.describe(credential: connection.credential) }
        if runtime.settings.confirmDestructive, action.safety.destructive {
            let issued = runtime.confirmationTokens.issue(for: request)
            description["confirmation"] = .string(issued.token)
            description["confirmation_expires_at"] = .string(ISO8601DateFormatter().string(from: issued.expires))
        }
        return ExecutionResult(status: nil, data: .object(description), next: nil, truncated: false, meta: ["dry_run": true])
    }

    private func truncationNote(_ outcome: OutputBudget.Outcome, budget: OutputBudget, total: Int?, hasNext: Bool) -> JSONValue {
        var note: JSONObject = ["max_output_bytes": .number(JSONNumber(budget.maximumBytes))]
        if let kept = outcome.keptRecords, let total { note["omitted_records"] = .number(JSONNumber(total - kept)) }
        if outcome.shortenedStrings > 0 { note["shortened_strings"] = .number(JSONNumber(outcome.shortenedStrings)) }
        note["hint"] = .string(budget.hint(for: outcome, hasNext: hasNext))
        return .object(note)
    }
}
