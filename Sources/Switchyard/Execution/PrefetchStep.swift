/// The prefetch of one execute: the read it sends and the params it fills from the answer.
///
/// It exists only when the caller left out a param the prefetch fills. A failed read is the service's own
/// error (`not_found` for a missing page), with a message and `details.step` naming the prefetch.
struct PrefetchStep {
    /// The read, filled from the call's params.
    let request: PreparedRequest
    /// The values the caller left out, which this step fills.
    let missing: [PrefetchValue]

    /// `nil` when the action has no prefetch, or the caller gave every param it would fill.
    init?(_ prefetch: Prefetch?, params: JSONObject, baseURL: String, connectorHeaders: [(name: String, value: Template)]) throws(ExecutionError) {
        guard let prefetch else { return nil }
        let missing = prefetch.values.filter { params[$0.param]?.isNull ?? true }
        guard !missing.isEmpty else { return nil }
        self.missing = missing
        self.request = try RequestBuilder.build(prefetch.request, params: params, baseURL: baseURL, connectorHeaders: connectorHeaders)
    }

    /// `GET /wiki/api/v2/pages/123`, for messages.
    var label: String { "prefetch \(request.method.rawValue) \(request.path)" }

    /// The params with each missing value shown as what will fill it, for dry runs and confirmation tokens:
    /// the request a dry run shows does not depend on the service's state.
    func withPlaceholders(_ params: JSONObject) -> JSONObject {
        var shown = params
        for value in missing { shown[value.param] = .string("<prefetched: \(value.description)>") }
        return shown
    }

    /// Sends the read (retried as any read may be) and returns the params with the missing values filled.
    func run(_ params: JSONObject, sender: inout RequestSender) async throws(ExecutionError) -> JSONObject {
        let body: JSONValue
        do {
            body = try PageWalker.decodeBody(try await sender.send(request, idempotent: true))
        } catch {
            throw named(error)
        }
        var filled = params
        for value in missing {
            guard let found = body.value(at: value.pointer), !found.isNull else {
                throw ExecutionError(
                    kind: .upstream, message: "\(label) answered without a value at \(value.pointer) to fill param '\(value.param)'",
                    details: ["step": "prefetch", "param": .string(value.param), "pointer": .string(value.pointer.description)]
                )
            }
            guard let add = value.add else {
                filled[value.param] = found
                continue
            }
            guard let number = found.intValue, found.typeName == "integer" else {
                throw ExecutionError(
                    kind: .upstream, message: "\(label) answered \(found.displayText) at \(value.pointer), not an integer to add \(add) to for param '\(value.param)'",
                    details: ["step": "prefetch", "param": .string(value.param), "pointer": .string(value.pointer.description)]
                )
            }
            filled[value.param] = .number(JSONNumber(number + add))
        }
        return filled
    }

    /// What a dry run shows: the read, secrets masked, and what fills which param.
    func describe(credential: Credential) -> JSONValue {
        var object = RequestDescription.describe(request, credential: credential).objectValue ?? JSONObject()
        object["body"] = nil
        object["fills"] = .object(JSONObject(missing.map { ($0.param, JSONValue.string($0.description)) }))
        return .object(object)
    }

    private func named(_ error: ExecutionError) -> ExecutionError {
        var details = error.details.objectValue ?? JSONObject()
        details["step"] = "prefetch"
        return ExecutionError(
            kind: error.kind, message: "\(label) failed: \(error.message)", status: error.status, details: .object(details), retryable: error.retryable
        )
    }
}
