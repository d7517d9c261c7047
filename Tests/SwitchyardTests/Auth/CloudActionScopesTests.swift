import Testing
@testable import Switchyard

/// Every curated Cloud action declares the OAuth 2.0 scopes its call needs, exactly as Atlassian's
/// published OpenAPI states them (`x-atlassian-oauth2-scopes`, else the operation's OAuth `security`).
@Suite("OAuth scopes of the Cloud actions")
struct CloudActionScopesTests {
    /// Operations whose spec states no scope; the action's scopes come from Atlassian's scope documentation.
    static let documented: [String: [String]] = [
        "jira boards list": ["read:board-scope:jira-software", "read:project:jira"],
        // CQL user search: the scope of CQL search (`/search`) and of reading users (`/user`).
        "confluence users search": ["search:confluence", "read:confluence-user"],
    ]

    /// Jira Service Management actions: no JSM spec is beside the repo, so their scopes are checked against
    /// the classic scopes its REST reference lists for each operation
    /// (developer.atlassian.com/cloud/jira/service-desk/rest: reads need read:servicedesk-request, raising a
    /// request write:servicedesk-request).
    static let serviceManagement: [String: [String]] = [
        "jira service_desks list": ["read:servicedesk-request"],
        "jira service_desks get": ["read:servicedesk-request"],
        "jira queues list": ["read:servicedesk-request"],
        "jira queues issues": ["read:servicedesk-request"],
        "jira request_types list": ["read:servicedesk-request"],
        "jira request_types fields": ["read:servicedesk-request"],
        "jira customer_requests create": ["write:servicedesk-request"],
        "jira customer_requests get": ["read:servicedesk-request"],
        "jira customer_requests sla": ["read:servicedesk-request"],
    ]

    @Test("each Cloud action's scopes are the spec's for its operation", .enabled(if: OpenAPISpecs.available, "needs ../shared/specs"))
    func scopesMatchTheSpec() throws {
        let catalog = ConnectorCatalog.load(directories: [SandboxHarness.manifestsDirectory])
        var checked = 0
        var checkedServiceManagement = 0
        var problems: [String] = []
        for name in ["jira", "confluence"] {
            let manifest = try catalog.requireConnector(name)
            for entity in manifest.entities {
                for action in entity.actions {
                    let label = "\(name) \(entity.name) \(action.name)"
                    let method = action.request.method.rawValue
                    if action.request.path.source.hasPrefix("/rest/servicedeskapi/") {
                        if action.scopes != Self.serviceManagement[label] {
                            problems.append("\(label): declares \(action.scopes), the JSM reference says \(Self.serviceManagement[label] ?? [])")
                        }
                        checkedServiceManagement += 1
                        continue
                    }
                    guard let spec = OpenAPISpecs.spec(forPath: action.request.path.source),
                          case .found(_, let operation, _) = spec.operation(method: method, rawPath: action.request.path.source) else {
                        problems.append("\(label): no operation in the specs for \(method) \(action.request.path.source)")
                        continue
                    }
                    let expected = Self.scopes(of: operation) ?? Self.documented[label]
                    if expected == nil { problems.append("\(label): the spec states no scope; add it to `documented` with its source") }
                    if action.scopes != expected ?? [] {
                        problems.append("\(label): declares \(action.scopes), the spec says \(expected ?? [])")
                    }
                    checked += 1
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(checked >= 110)
        #expect(checkedServiceManagement == Self.serviceManagement.count, "every entry of serviceManagement names a Cloud action")
    }

    /// The "Current" scopes of `x-atlassian-oauth2-scopes`, else the scopes of an OAuth entry of `security`.
    static func scopes(of operation: JSONValue) -> [String]? {
        for entry in operation["x-atlassian-oauth2-scopes"]?.arrayValue ?? [] where entry["state"] == "Current" {
            return entry["scopes"]?.arrayValue?.compactMap(\.stringValue)
        }
        for requirement in operation["security"]?.arrayValue ?? [] {
            for member in requirement.objectValue ?? [:] where member.key.lowercased().hasPrefix("oauth") {
                let scopes = member.value.arrayValue?.compactMap(\.stringValue) ?? []
                if !scopes.isEmpty { return scopes }
            }
        }
        return nil
    }
}
