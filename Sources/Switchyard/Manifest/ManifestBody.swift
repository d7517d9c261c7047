import Foundation
import Synchronization

/// A manifest's entities and toolsets, decoded or still JSON until first read (``ManifestDecoding``).
///
/// ```swift
/// let body = ManifestBody(entities: entities, toolsets: [])
/// body.entities.count   // 3
/// ```
final class ManifestBody: Sendable {
    /// The JSON of a body not decoded yet, and what decoding it needs.
    struct Pending: Sendable {
        let entities: Entities
        let toolsets: JSONValue?
        let authCheck: (entity: String, action: String)?
        let source: String
        let report: @Sendable ([ManifestProblem]) -> Void
    }

    /// The `entities` member: parsed, or still the bytes of the manifest file, parsed on first use.
    enum Entities: Sendable {
        case parsed(JSONValue?)
        case unparsed(file: Data, range: Range<Int>)

        /// The parsed JSON, or the problem that stops it being read.
        func json(problems: inout ProblemList) -> JSONValue? {
            switch self {
            case .parsed(let json):
                return json
            case .unparsed(let file, let range):
                do {
                    return try JSONParser.withBytes(of: file) { buffer throws(JSONParseError) in try JSONParser.parse(buffer, in: range) }
                } catch {
                    problems.add(.root.appending("entities"), "not valid JSON: \(error)")
                    return JSONValue.object(JSONObject())
                }
            }
        }
    }

    private enum State: Sendable {
        case decoded(entities: [Entity], toolsets: [Toolset])
        case pending(Pending)
    }

    private let state: Mutex<State>

    init(entities: [Entity], toolsets: [Toolset]) {
        state = Mutex(.decoded(entities: entities, toolsets: toolsets))
    }

    init(pending: Pending) {
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
                    entities: pending.entities.json(problems: &problems), toolsets: pending.toolsets, authCheck: pending.authCheck, problems: &problems
                )
                state = .decoded(entities: entities, toolsets: toolsets)
                if !problems.isEmpty { pending.report(problems.problems) }
                return (entities, toolsets)
            }
        }
    }
}
