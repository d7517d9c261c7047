/// One thing an agent can do with an entity: its description, params, HTTP call and response shape.
public struct Action: Sendable {
    public let name: String
    public let description: String
    /// A one-line summary for tool definitions and search results, which the model re-reads on every turn
    /// (`describe` shows the full description). Without it, tools carry the condensed description.
    public let summary: String?
    public let safety: ActionSafety
    /// Extra words that find the action in a search, as a user would phrase the request ("close", "resolve").
    public let keywords: [String]
    /// The OAuth scopes the call needs (`read:jira-work`), as the API documents them; empty when not stated.
    /// Informational: for the operator choosing scopes for a login; never sent.
    public let scopes: [String]
    /// The params as the manifest declares them (before Switchyard adds `fields`, `limit`, `cursor`).
    public let declaredParams: JSONValue
    /// The compiled schema every call is validated against, including the control params.
    public let params: JSONSchema
    public let request: RequestTemplate
    /// A read made first to fill params the caller left out, such as the next version number.
    public let prefetch: Prefetch?
    public let response: ResponseSpec
    /// Retry settings for this action, over the connector's.
    public let retry: RetrySettings

    /// The longest summary a manifest may declare, and the longest a search match shows.
    public static let summaryLength = 140

    /// The names of the params the manifest declares.
    public var declaredParamNames: Set<String> {
        Set(declaredParams["properties"]?.objectValue?.map(\.key) ?? [])
    }

    /// Whether the action walks pages, and so takes `limit` and `cursor`.
    public var isPaginated: Bool { response.pagination != nil }

    /// Whether the action converts rich-text response fields, and so takes `text_format`.
    public var transformsText: Bool { !response.transforms.isEmpty }
}

/// What an action does to the remote service, for agents and for read-only mode.
public struct ActionSafety: Sendable, Hashable {
    /// Changes nothing remotely.
    public let readOnly: Bool
    /// Sending it twice has the same effect as once, so it is safe to retry.
    public let idempotent: Bool
    /// Deletes or overwrites data in a way that cannot be undone.
    public let destructive: Bool

    public init(readOnly: Bool, idempotent: Bool, destructive: Bool) {
        self.readOnly = readOnly
        self.idempotent = idempotent
        self.destructive = destructive
    }

    /// The defaults a method implies: GET/HEAD read-only and idempotent, PUT/DELETE idempotent, DELETE destructive.
    public static func implied(by method: HTTPMethodName) -> ActionSafety {
        switch method {
        case .get, .head: ActionSafety(readOnly: true, idempotent: true, destructive: false)
        case .put: ActionSafety(readOnly: false, idempotent: true, destructive: false)
        case .delete: ActionSafety(readOnly: false, idempotent: true, destructive: true)
        case .post, .patch: ActionSafety(readOnly: false, idempotent: false, destructive: false)
        }
    }
}

/// The HTTP methods a manifest may use.
public enum HTTPMethodName: String, Sendable, CaseIterable {
    case get = "GET", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE", head = "HEAD"
}
