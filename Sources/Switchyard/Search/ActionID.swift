/// The name of one action across a catalog: `connector/entity/action`, e.g. `jira/issues/transition`.
///
/// Connector names use lowercase letters, digits and `-`; entity and action names use letters, digits and
/// `_`. None can hold a `/`, so the text form is unambiguous and ``init(_:)`` parses back what
/// ``description`` writes. Search results, `describe_action` and `execute_action` all use this form.
///
/// ```swift
/// let id = ActionID(connector: "jira", entity: "issues", action: "get")
/// id.description                              // "jira/issues/get"
/// ActionID("jira/issues/get") == id           // true
/// try ActionID.parse("jira/issues")           // throws a validation ExecutionError
/// ```
public struct ActionID: Sendable, Hashable, Comparable, LosslessStringConvertible {
    public let connector: String
    public let entity: String
    public let action: String

    public init(connector: String, entity: String, action: String) {
        self.connector = connector
        self.entity = entity
        self.action = action
    }

    /// Parses `connector/entity/action`; `nil` unless there are exactly three valid names.
    public init?(_ description: String) {
        let parts = description.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, ManifestDecoder.isValidConnectorName(parts[0]),
              ManifestDecoder.isValidName(parts[1]), ManifestDecoder.isValidName(parts[2]) else { return nil }
        self.init(connector: parts[0], entity: parts[1], action: parts[2])
    }

    /// Parses `connector/entity/action`, or throws a validation error that shows the expected form.
    public static func parse(_ text: String) throws(ExecutionError) -> ActionID {
        guard let id = ActionID(text) else {
            throw ExecutionError(
                kind: .validation,
                message: "'\(text)' is not an action id; expected connector/entity/action, e.g. jira/issues/get",
                details: ["id": .string(text)]
            )
        }
        return id
    }

    public var description: String { "\(connector)/\(entity)/\(action)" }

    /// Orders by the text form, so equal-scoring matches always list in the same order.
    public static func < (lhs: ActionID, rhs: ActionID) -> Bool {
        lhs.description < rhs.description
    }

    /// The execute request for this action with `params`.
    public func request(params: JSONValue = .object(JSONObject())) -> ExecuteRequest {
        ExecuteRequest(connector: connector, entity: entity, action: action, params: params)
    }
}
