import Foundation
import Testing
@testable import Switchyard

@Suite("One flavour per configured site")
struct DeploymentDetectionTests {
    static var catalog: ConnectorCatalog { LeanToolTests.catalog }

    private func off(_ baseURL: String, environment: [String: String] = [:]) -> [String: String] {
        let jira = Self.catalog.connector("jira")!
        let dataCenter = Self.catalog.connector("jira-datacenter")!
        return DeploymentDetection.flavoursToSwitchOff([(jira, baseURL), (dataCenter, baseURL)], environment: environment)
    }

    @Test("a host decides the flavour: Atlassian's Cloud hosts are Cloud, any other host is Data Center", arguments: [
        ("https://acme.atlassian.net", "jira-datacenter"), ("https://acme.jira.com", "jira-datacenter"),
        ("https://api.atlassian.com/ex/jira/abc", "jira-datacenter"), ("https://jira.example.com", "jira"), ("http://10.0.0.5:8080/jira", "jira"),
        ("https://ACME.Atlassian.NET:443/", "jira-datacenter"), ("https://jira.example.com.atlassian.evil.example/", "jira"),
    ])
    func byHost(baseURL: String, switchedOff: String) {
        let result = off(baseURL)
        #expect(Array(result.keys) == [switchedOff])
        #expect(result[switchedOff]?.contains("JIRA_DEPLOYMENT") == true, "the reason says how to override")
    }

    @Test("JIRA_DEPLOYMENT overrides the host")
    func override() {
        #expect(Array(off("https://jira.example.com", environment: ["JIRA_DEPLOYMENT": "cloud"]).keys) == ["jira-datacenter"])
        #expect(Array(off("https://acme.atlassian.net", environment: ["JIRA_DEPLOYMENT": "datacenter"]).keys) == ["jira"])
    }

    @Test("a Data Center site configured like mcp-atlassian's gets only the Data Center tools, and describe says why")
    func dataCenterSiteThroughTheCommandLine() throws {
        let environment = [
            "JIRA_URL": "https://jira.example.com", "JIRA_PERSONAL_TOKEN": "pat-jira-canary",
            "CONFLUENCE_URL": "https://wiki.example.com", "CONFLUENCE_PERSONAL_TOKEN": "pat-confluence-canary",
        ]
        let listing = #"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"# + "\n"
        let served = try CommandLine.run(["serve"], stdin: listing, environment: environment)
        let tools = try #require(try JSONValue(parsing: served.stdout.split(separator: "\n").first.map(String.init) ?? "")["result"]?["tools"]?.arrayValue, "\(served.stderr)")
        let names = tools.compactMap { $0["name"]?.stringValue }
        #expect(!names.isEmpty && names.allSatisfy { $0.hasPrefix("jira-datacenter_") || $0.hasPrefix("confluence-datacenter_") }, "\(names)")
        #expect(names.count <= 40)

        let described = try CommandLine.run(["describe", "--json"], environment: environment)
        let off = try #require(try JSONValue(parsing: described.stdout)["off"]?.arrayValue, "\(described.stderr)")
        var reasons: [String: String] = [:]
        for entry in off { reasons[entry["connector"]?.stringValue ?? ""] = entry["reason"]?.stringValue }
        #expect(reasons["jira"]?.contains("https://jira.example.com is a Data Center site") == true, "\(reasons)")
        #expect(reasons["jira-datacenter"] == nil && reasons["confluence-datacenter"] == nil)
        #expect(!described.stdout.contains("canary") && !served.stdout.contains("canary"))
    }
}
