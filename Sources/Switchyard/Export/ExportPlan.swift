import Foundation

/// An export request resolved against the catalog: the entity and its export section, the query with its
/// selectors and since bound, the listing's params, and where to start.
struct ExportPlan: Sendable {
    let connector: String
    let entity: String
    let spec: ExportSpec
    let query: String
    let listParams: JSONObject
    let fetchParams: JSONObject?
    let builder: DocumentBuilder
    /// The checkpoint a resumed run continues from (counts and high-water mark carried over).
    let start: ExportCheckpoint
    /// The listing's params for the walk over the whole selection that finds deleted records, when this
    /// run ends with one: an incremental run that tracks deletions.
    let deletionWalkParams: JSONObject?

    init(_ request: ExportRequest, runtime: SwitchyardRuntime) throws(ExecutionError) {
        let manifest = try runtime.catalog.requireConnector(request.connector)
        let entity = try Self.entity(request.entity, of: manifest, catalog: runtime.catalog)
        guard let spec = entity.export else {
            throw ExecutionError(kind: .validation, message: "\(manifest.name) \(entity.name) has no export section; entities that export: \(Self.exporting(manifest))")
        }
        let selectorNames = spec.selectors.map(\.name)
        for selector in request.selectors where spec.selector(selector.name) == nil {
            throw ExecutionError(
                kind: .validation,
                message: "\(manifest.name) \(entity.name) cannot be exported by '\(selector.name)'; its selectors are \(selectorNames.joined(separator: ", "))",
                details: ["selector": .string(selector.name), "selectors": .array(selectorNames.map(JSONValue.string))]
            )
        }
        if request.selectors.isEmpty, !spec.selectors.isEmpty {
            throw ExecutionError(
                kind: .validation,
                message: "choose what to export from \(manifest.name) \(entity.name) with at least one selector: \(selectorNames.joined(separator: ", "))",
                details: ["selectors": .array(selectorNames.map(JSONValue.string))]
            )
        }
        if request.comments, spec.document.comments == nil {
            throw ExecutionError(kind: .validation, message: "\(manifest.name) \(entity.name) exports no comments: its export section has no document.comments")
        }
        if request.attachments, spec.document.attachments == nil {
            throw ExecutionError(kind: .validation, message: "\(manifest.name) \(entity.name) exports no attachments: its export section has no document.attachments")
        }

        let previous = request.checkpoint
        if let previous, previous.connector != manifest.name || previous.entity != entity.name {
            throw ExecutionError(kind: .validation, message: "the checkpoint belongs to an export of \(previous.connector) \(previous.entity), not \(manifest.name) \(entity.name)")
        }
        let resuming = previous.map { !$0.finished } ?? false
        var since: String?
        if resuming {
            since = previous?.since
        } else if let date = request.since ?? previous?.highWater.flatMap(ExportTimestamp.parse) {
            since = ExportTimestamp.queryMinute(date)
        }
        if since != nil, spec.query.since == nil {
            throw ExecutionError(kind: .validation, message: "\(manifest.name) \(entity.name) cannot export incrementally: its export section has no query.since")
        }
        let query = Self.query(spec, selectors: request.selectors, since: since)
        if resuming, let previous, previous.query != query {
            throw ExecutionError(
                kind: .validation,
                message: "the checkpoint continues an export of `\(previous.query)`, not `\(query)`; run with the same selectors, or start over without the checkpoint",
                details: ["checkpoint_query": .string(previous.query), "query": .string(query)]
            )
        }

        var listParams = Self.fill(spec.list.params, query: query)
        var fetchParams = spec.fetch?.params
        for extra in [request.comments ? spec.document.comments?.params : nil, request.attachments ? spec.document.attachments?.params : nil] {
            guard let extra else { continue }
            if let current = fetchParams { fetchParams = Self.merge(extra, into: current) } else { listParams = Self.merge(extra, into: listParams) }
        }
        connector = manifest.name
        self.entity = entity.name
        self.spec = spec
        self.query = query
        self.listParams = listParams
        self.fetchParams = fetchParams
        builder = DocumentBuilder(
            mapping: spec.document, source: ["connector": .string(manifest.name), "entity": .string(entity.name)],
            baseURL: try runtime.connection(for: manifest).baseURL, comments: request.comments, attachments: request.attachments
        )
        let tracksDeletions = spec.deletions != nil
            && (request.tracksDeletions || previous?.ids != nil || previous?.cursor == ExportRun.deletionWalkCursor)
        let chosen = request.selectors.map { ExportRequest.Selector(name: $0.name, value: $0.value) }
        if resuming, var resumed = previous {
            resumed.selectors = chosen
            start = resumed
        } else {
            // A full run knows every id it exports; an incremental one starts from the ids the last run knew.
            let ids = tracksDeletions ? (since == nil ? [] : previous?.ids) : nil
            start = ExportCheckpoint(
                connector: manifest.name, entity: entity.name,
                selectors: chosen, query: query, since: since,
                cursor: nil, pages: 0, documents: 0, highWater: previous?.highWater, ids: ids
            )
        }
        if let deletions = spec.deletions, tracksDeletions, since != nil {
            var walk = Self.fill(spec.list.params, query: Self.query(spec, selectors: request.selectors, since: nil))
            for member in deletions.params { walk[member.key] = member.value }
            deletionWalkParams = walk
        } else {
            deletionWalkParams = nil
        }
    }

    private static func entity(_ name: String?, of manifest: ConnectorManifest, catalog: ConnectorCatalog) throws(ExecutionError) -> Entity {
        if let name { return try catalog.requireEntity(name, of: manifest) }
        let exporting = manifest.entities.filter { $0.export != nil }
        guard exporting.count == 1 else {
            throw ExecutionError(
                kind: .validation,
                message: exporting.isEmpty ? "connector '\(manifest.name)' has no entity with an export section" : "name the entity to export from \(manifest.name): \(exporting.map(\.name).joined(separator: ", "))"
            )
        }
        return exporting[0]
    }

    private static func exporting(_ manifest: ConnectorManifest) -> String {
        let names = manifest.entities.filter { $0.export != nil }.map(\.name)
        return names.isEmpty ? "none" : names.joined(separator: ", ")
    }

    /// The base clause, the selectors' clauses and the since clause, joined; each clause is parenthesised
    /// when there is more than one, so an `OR` inside a user's query stays inside it.
    static func query(_ spec: ExportSpec, selectors: [(name: String, value: String)], since: String?) -> String {
        var clauses: [String] = []
        if let base = spec.query.base { clauses.append(base) }
        for selector in selectors {
            if let clause = spec.selector(selector.name)?.clause.render(variables: ["value": selector.value]) { clauses.append(clause) }
        }
        if let since, let clause = spec.query.since?.render(variables: ["since": since]) { clauses.append(clause) }
        guard clauses.count > 1 else { return clauses.first ?? "" }
        return clauses.map { "(\($0))" }.joined(separator: spec.query.join)
    }

    private static func fill(_ params: JSONObject, query: String) -> JSONObject {
        JSONObject(params.map { member in
            (member.key, member.value.stringValue.map { .string($0.replacingOccurrences(of: "{query}", with: query)) } ?? member.value)
        })
    }

    /// `extra` laid over `params`: arrays are appended (one more field to ask for), other values replaced.
    private static func merge(_ extra: JSONObject, into params: JSONObject) -> JSONObject {
        var merged = params
        for member in extra {
            if case .array(let existing)? = merged[member.key], case .array(let added) = member.value {
                merged[member.key] = .array(existing + added.filter { !existing.contains($0) })
            } else {
                merged[member.key] = member.value
            }
        }
        return merged
    }
}
