import Switchyard

/// The native `export` method: documents stream out as `export/page` notifications, one per page with the
/// checkpoint after it, and `notifications/progress` when the request carries a progress token; the reply
/// comes at the end with the totals and the final checkpoint. Not an MCP tool: a corpus does not fit a
/// tool result.
extension ServerSession {
    func export(_ context: RequestContext, state: ServingState) async throws(JSONRPCError) -> JSONValue {
        let runtime = state.runtime
        let request = try ExportParams.request(from: context.paramsObject)
        if RequestNarrowing.current.map({ !$0.isEmpty }) == true {
            // A narrowed request exports only from what its headers leave in.
            do throws(ExecutionError) {
                let view = try state.view()
                guard let manifest = view.catalog.connector(request.connector), request.entity.map({ manifest.entity($0) != nil }) ?? true else {
                    throw ExecutionError(kind: .permission, message: "this request's X-Switchyard-* headers leave out \(request.connector)\(request.entity.map { " \($0)" } ?? "")")
                }
            } catch {
                throw .invalidParams(error.message, data: error.json)
            }
        }
        let run: ExportRun
        do {
            run = try runtime.export(request)
        } catch {
            throw .invalidParams(error.message, data: error.json)
        }
        var checkpoint = run.start
        var progress = ExportProgress(pages: checkpoint.pages, documents: checkpoint.documents, total: nil)
        do throws(ExecutionError) {
            for try await page in run {
                if Task.isCancelled {
                    throw ExecutionError(kind: .timeout, message: "the export was cancelled after \(progress.documents) documents", retryable: false)
                }
                context.notify("export/page", [
                    "requestId": context.id, "documents": .array(page.documents),
                    "checkpoint": page.checkpoint.json, "progress": page.progress.json,
                ])
                if let token = context.progressToken {
                    var params: JSONObject = [
                        "progressToken": token, "progress": .number(JSONNumber(page.progress.documents)),
                        "message": .string("\(page.progress.documents) documents from \(page.progress.pages) pages"),
                    ]
                    if let total = page.progress.total { params["total"] = .number(JSONNumber(total)) }
                    context.notify("notifications/progress", .object(params))
                }
                checkpoint = page.checkpoint
                progress = page.progress
            }
        } catch {
            // The checkpoint of the last page delivered lets the caller continue where the export stopped.
            var data = error.json.objectValue ?? JSONObject()
            data["checkpoint"] = checkpoint.json
            throw JSONRPCError(code: -32000, message: error.message, data: .object(data))
        }
        return ["query": .string(run.query), "pages": .number(JSONNumber(progress.pages)),
                "documents": .number(JSONNumber(progress.documents)), "checkpoint": checkpoint.json]
    }
}
