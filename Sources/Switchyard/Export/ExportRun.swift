import Foundation

/// An export in progress, as an `AsyncSequence` of pages: each iteration fetches one page of the listing
/// (and, when the export says, each record in full), maps the records to documents and returns them with
/// the checkpoint after them. Only one page is held at a time, so memory stays flat whatever the corpus.
///
/// ```swift
/// let run = try runtime.export(ExportRequest(connector: "jira", selectors: [("jql", "project = DEMO")]))
/// for try await page in run {
///     for document in page.documents { print(document.serialized()) }
/// }
/// ```
public struct ExportRun: AsyncSequence, Sendable {
    public typealias Element = ExportPage
    public typealias Failure = ExecutionError

    let runtime: SwitchyardRuntime
    let plan: ExportPlan

    /// The query the run sends, with selectors and since bound filled in.
    public var query: String { plan.query }
    /// Where the run starts: a fresh checkpoint, or the one it continues.
    public var start: ExportCheckpoint { plan.start }

    public func makeAsyncIterator() -> Iterator {
        Iterator(runtime: runtime, plan: plan)
    }

    /// The cursor of a run whose listing is done and whose walk for deleted records comes next.
    static let deletionWalkCursor = "deletions"

    /// Fetches the pages one by one.
    public struct Iterator: AsyncIteratorProtocol {
        let runtime: SwitchyardRuntime
        let plan: ExportPlan
        private var checkpoint: ExportCheckpoint
        private var position: PageCursor.Position?
        private var list: ActionRequests?
        private var highWater: Date?
        /// The ids in `checkpoint.ids`, for finding one fast.
        private var knownIDs: Set<String>
        private var done = false

        init(runtime: SwitchyardRuntime, plan: ExportPlan) {
            self.runtime = runtime
            self.plan = plan
            checkpoint = plan.start
            highWater = plan.start.highWater.flatMap(ExportTimestamp.parse)
            knownIDs = Set(plan.start.ids ?? [])
        }

        public mutating func next() async throws(ExecutionError) -> ExportPage? {
            guard !done else { return nil }
            if checkpoint.cursor == ExportRun.deletionWalkCursor {
                done = true
                return try await deletionsPage()
            }
            if list == nil {
                let (requests, kind) = try listing(params: plan.listParams)
                if let cursor = checkpoint.cursor {
                    position = try PageCursor(decoding: cursor, actionID: requests.actionID, kind: kind).position
                } else {
                    position = Paginator.firstPosition(of: kind)
                }
                list = requests
            }
            guard let list, let position else { return nil }
            let page = try await list.page(at: position, pageSize: plan.spec.pageSize)
            var documents: [JSONValue] = []
            documents.reserveCapacity(page.records.count)
            for listed in page.records {
                let record = try await fetched(listed)
                let built = try plan.builder.document(from: record)
                documents.append(built.document)
                if let updated = built.updated, highWater.map({ updated > $0 }) ?? true { highWater = updated }
                if checkpoint.ids != nil, let id = built.document["id"]?.stringValue, knownIDs.insert(id).inserted {
                    checkpoint.ids?.append(id)
                }
            }
            self.position = page.next
            checkpoint.pages += 1
            checkpoint.documents += documents.count
            if let next = page.next {
                checkpoint.cursor = PageCursor(actionID: list.actionID, position: next).encoded
            } else {
                checkpoint.cursor = plan.deletionWalkParams == nil ? nil : ExportRun.deletionWalkCursor
                done = checkpoint.cursor == nil
            }
            checkpoint.highWater = highWater.map(ExportTimestamp.iso) ?? checkpoint.highWater
            return ExportPage(
                documents: documents, checkpoint: checkpoint,
                progress: ExportProgress(pages: checkpoint.pages, documents: checkpoint.documents, total: page.total, deleted: checkpoint.deleted)
            )
        }

        /// The last page of an incremental run that tracks deletions: the listing walked once more over the
        /// whole selection for ids only, and a tombstone for each id the corpus held that it no longer finds.
        /// The ids found become the corpus's. A run killed during the walk does it again when resumed.
        private mutating func deletionsPage() async throws(ExecutionError) -> ExportPage {
            guard let params = plan.deletionWalkParams, let deletions = plan.spec.deletions else {
                throw ExecutionError(kind: .validation, message: "the checkpoint continues with a walk for deleted records, which \(plan.connector) \(plan.entity) does not declare (export.deletions)")
            }
            let (walk, kind) = try listing(params: params)
            var found: [String] = []
            var seen: Set<String> = []
            var position: PageCursor.Position? = Paginator.firstPosition(of: kind)
            while let current = position {
                let page = try await walk.page(at: current, pageSize: deletions.pageSize ?? plan.spec.pageSize)
                for record in page.records {
                    let id = try DocumentBuilder.id(of: record, at: deletions.id, field: "deletions.id")
                    if seen.insert(id).inserted { found.append(id) }
                }
                position = page.next
            }
            let tombstones = (checkpoint.ids ?? []).filter { !seen.contains($0) }.map(plan.builder.tombstone)
            checkpoint.ids = found
            knownIDs = seen
            checkpoint.deleted += tombstones.count
            checkpoint.cursor = nil
            return ExportPage(
                documents: tombstones, checkpoint: checkpoint,
                progress: ExportProgress(pages: checkpoint.pages, documents: checkpoint.documents, total: nil, deleted: checkpoint.deleted)
            )
        }

        /// The listing action with `params`, and its kind of pagination.
        private func listing(params: JSONObject) throws(ExecutionError) -> (ActionRequests, Pagination.Kind) {
            let requests = try ActionRequests(
                runtime: runtime,
                request: ExecuteRequest(connector: plan.connector, entity: plan.spec.list.entity, action: plan.spec.list.action, params: .object(params))
            )
            guard let pagination = requests.action.response.pagination else {
                throw ExecutionError(kind: .config, message: "\(requests.actionID) is not paginated")
            }
            return (requests, pagination.kind)
        }

        /// The record in full, read by the export's fetch action, or the listed record when there is none.
        private func fetched(_ listed: JSONValue) async throws(ExecutionError) -> JSONValue {
            guard let fetch = plan.spec.fetch, let params = plan.fetchParams else { return listed }
            var filled = JSONObject()
            for member in params {
                guard let text = member.value.stringValue else {
                    filled[member.key] = member.value
                    continue
                }
                let template = try? RecordTemplate(parsing: text, variables: [])
                guard let value = template?.render(record: listed) else {
                    throw ExecutionError(kind: .upstream, message: "a listed record has no value for the fetch param '\(member.key)' (\(text))", retryable: false)
                }
                filled[member.key] = .string(value)
            }
            let request = ExecuteRequest(connector: plan.connector, entity: fetch.entity, action: fetch.action, params: .object(filled))
            return try await ActionRequests(runtime: runtime, request: request).read()
        }
    }
}

extension SwitchyardRuntime {
    /// Starts an export: resolves the entity's export section, the selectors and the checkpoint, and
    /// returns the pages to iterate. Errors in the request (an unknown selector, a checkpoint of another
    /// query) are thrown here, before any request is sent.
    public func export(_ request: ExportRequest) throws(ExecutionError) -> ExportRun {
        ExportRun(runtime: self, plan: try ExportPlan(request, runtime: self))
    }
}
