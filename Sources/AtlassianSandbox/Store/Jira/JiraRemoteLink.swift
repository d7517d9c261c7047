import Switchyard

/// A link from an issue to something outside Jira (a pull request, a document, a Confluence page), as
/// `POST /issue/{key}/remotelink` stores it. A request with a `globalId` the issue already has updates that
/// link instead of adding one.
///
/// ```swift
/// JiraRemoteLink(id: "10700", issueId: "10004", globalId: nil, relationship: "mentioned in",
///                object: ["url": "https://example.com/doc", "title": "Design doc"], application: nil)
/// ```
struct JiraRemoteLink: Sendable {
    let id: String
    let issueId: String
    var globalId: String?
    var relationship: String?
    /// `url`, `title` and optionally `summary`, `icon` and `status`, as the request gave them.
    var object: JSONObject
    /// `type` and `name` of the remote application, when given.
    var application: JSONObject?
}
