import Synchronization

/// A manifest's entities and toolsets, decoded or still JSON until first read (``ManifestDecoding``).
///
/// ```swift
/// let body = ManifestBody(entities: entities, toolsets: [])
/// body.actionCount   // 12
/// ```
final class ManifestBody: Sendable {
    /// The JSON of a body not decoded yet, and what decoding it needs.
    struct Pending: Sendable {
        let entities: JSONValue?
        let toolsets: JSONValue?
        let authCheck: (entity: String, action: String)?
        let source: String
        let report: @Sendable ([ManifestProblem]) -> Void
    }

    private enum State: Sendable {
        case decoded(entities: [Entity], toolsets: [Toolset])
        case pending(Pending)
    }

    let actionCount: Int
    private let state: Mutex<State>

    init(entities: [Entity], toolsets: [Toolset]) {
        actionCount = entities.reduce(0) { $0 + $1.actions.count }
        state = Mutex(.decoded(entities: entities, toolsets: toolsets))
    }

    init(pending: Pending) {
        actionCount = pending.entities?.objectValue?.reduce(0) { count, entity in
            count + (entity.value["actions"]?.objectValue?.count ?? 0)
        } ?? 0
        state = Mutex(.pending(pending))
    }

    var entities: [Entity] { decoded().entities }
    var toolsets: [Toolset] { decoded().toolsets }

    /// Decodes a pending body once; other readers wait for it.
    private func decoded() -> (entities: [Entity], toolsets: [Toolset]) {
        state.withLock { state in
            switch state {
            case .decoded(let entities, let toolsets):
                return (entities, toolsets)
            case .pending(let pending):
                var problems = ProblemList(file: pending.source)
                let (entities, toolsets) = ManifestDecoder.decodeBody(
                    entities: pending.entities, toolsets: pending.toolsets, authCheck: pending.authCheck, problems: &problems
                )
                state = .decoded(entities: entities, toolsets: toolsets)
                if !problems.isEmpty { pending.report(problems.problems) }
                return (entities, toolsets)
            }
        }
    }
}
