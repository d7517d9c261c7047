/// Which Jira a request addresses. Jira Cloud lives at the site root; Jira Data Center is reached under the
/// `/jira` context path, as many installations are (`https://intranet.example.com/jira`). Both reach the same
/// routes and data; what differs is what the server says about itself (`GET /rest/api/{2,3}/serverInfo`),
/// the base of its `self` links, and that Data Center has no REST v3 (404). REST v2 bodies have the
/// Server/Data Center user shape (`name`/`key`) in both places.
///
/// ```swift
/// JiraDeployment(uri: "/jira/rest/api/2/serverInfo")   // (.dataCenter, "/rest/api/2/serverInfo")
/// JiraDeployment(uri: "/rest/api/3/serverInfo")        // (.cloud, "/rest/api/3/serverInfo")
/// ```
enum JiraDeployment: Sendable {
    case cloud
    case dataCenter

    /// The context path Data Center requests carry before `/rest/...`.
    static let dataCenterContextPath = "/jira"

    /// The deployment `uri` addresses, and the request target with the context path taken off.
    static func split(uri: String) -> (deployment: JiraDeployment, innerURI: String) {
        let prefix = dataCenterContextPath + "/rest/"
        guard uri.hasPrefix(prefix) else { return (.cloud, uri) }
        return (.dataCenter, String(uri.dropFirst(dataCenterContextPath.count)))
    }

    /// What `self` links put between the host and `/rest/...`.
    var contextPath: String {
        self == .dataCenter ? Self.dataCenterContextPath : ""
    }
}
