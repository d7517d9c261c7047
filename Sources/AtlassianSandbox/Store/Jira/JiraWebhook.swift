/// A registered webhook: where to POST which events, and the secret that signs them.
///
/// Both kinds live here: Cloud dynamic webhooks (`/rest/api/3/webhook`, no secret, a 30-day expiry) and
/// admin webhooks (`/rest/webhooks/1.0/webhook`, Data Center's API, optionally with a secret).
///
/// ```swift
/// JiraWebhook(id: 1, kind: .admin, name: "to switchyard", url: "http://127.0.0.1:8787/webhook",
///             events: ["jira:issue_created"], jqlFilter: nil, secret: "s3cret")
/// ```
struct JiraWebhook: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Registered through `/rest/api/3/webhook`.
        case dynamic
        /// Registered through `/rest/webhooks/1.0/webhook`.
        case admin
    }

    let id: Int
    let kind: Kind
    var name: String
    var url: String
    var events: [String]
    /// Only issues matching it are delivered (an unparsable filter matches nothing).
    var jqlFilter: String?
    var secret: String?
    var enabled = true
    var excludeBody = false
    var expirationDate: Timestamp?
}
