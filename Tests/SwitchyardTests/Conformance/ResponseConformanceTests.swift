import AtlassianSandbox
import Foundation
import NIOHTTP1
import Testing
@testable import Switchyard

/// Every answer the sandbox gives, checked against the response schemas of Atlassian's published OpenAPI: the
/// sandbox must answer as Jira Cloud and Confluence Cloud do, or tests against it prove little.
///
/// The test runs ``ConformanceCalls/all`` (every action of both Cloud manifests), a few reads real clients make,
/// and a few requests that fail on purpose, then validates every response the sandbox recorded whose path belongs to a spec (Jira v3, agile,
/// Confluence v2 and v1), so a route added later is checked as soon as any call reaches it. A body is checked
/// against the schema of its status code, else `default`; a Jira error the operation declares without a schema
/// against Jira's `ErrorCollection`. The specs are reference data beside the repository
/// (`../shared/specs`); without them the test is skipped.
@Suite("OpenAPI conformance of the sandbox's responses")
struct ResponseConformanceTests {
    typealias Rule = OpenAPIResponseValidator.Rule

    /// Where a published spec is looser or stricter than the API it describes, with the reason.
    struct Looseness {
        let spec: String
        let rule: Rule
        /// The spec path template as reported (spec base included); `nil` for every operation of the spec.
        var template: String? = nil
        let reason: String
    }

    /// The spec's faults, not the sandbox's. An entry no response needs any more fails the test.
    static let allowList: [Looseness] = [
        Looseness(
            spec: "jira-platform-v3.json", rule: .dateTimeWithoutColon,
            reason: "Jira writes timestamps as 2026-01-05T10:47:00.000+0000 (Java's SimpleDateFormat `Z`, no colon) in every field the spec types as date-time; that is the form real Jira sends, and the clients parse it."
        ),
        Looseness(
            spec: "jira-platform-v3.json", rule: .additionalProperties, template: "/rest/api/3/serverInfo",
            reason: "Jira Cloud's serverInfo carries `defaultLocale` ({\"locale\":\"en_US\"}), as the spec's own example shows, but ServerInformation lists no such property and allows no others."
        ),
    ]

    /// Reads no manifest action makes but real clients do (pycontribs `jira` calls serverInfo first;
    /// atlassian-python-api's `update_page` reads the content history).
    static let otherReads: [String] = [
        "/rest/api/3/serverInfo",
        "/wiki/rest/api/content/98311/history",
    ]

    /// Requests that fail on purpose, so error bodies are checked as well as successes.
    static let failingRequests: [(method: HTTPMethod, target: String, json: JSONValue?, authorized: Bool)] = [
        (.GET, "/rest/api/3/issue/NOPE-999", nil, true),
        (.GET, "/rest/api/3/search/jql?jql=project%20%3D", nil, true),
        (.GET, "/rest/api/3/myself", nil, false),
        (.POST, "/rest/api/3/issue", ["fields": ["summary": "No project"]], true),
        (.GET, "/rest/agile/1.0/board/999", nil, true),
        (.GET, "/wiki/api/v2/pages/999999", nil, true),
        (.GET, "/wiki/api/v2/spaces", nil, false),
        (.GET, "/wiki/rest/api/content/999999", nil, true),
        (.GET, "/wiki/rest/api/search?cql=type%20%3D%3D%3D", nil, true),
    ]

    /// One problem of one response, with what it takes to excuse it.
    struct ResponseFinding {
        let spec: String
        let method: String
        let path: String
        let template: String
        let status: Int
        /// A validator rule, or `status` when the operation declares neither the status nor `default`.
        let key: String
        let message: String

        var line: String { "\(method) \(path) → \(status) [\(template)] \(key) \(message)" }
    }

    /// How many responses were checked and what was found.
    struct Report {
        var checked = 0
        var conforming = 0
        /// Responses with no JSON body, or whose status the operation declares without a JSON schema.
        var unchecked: [String] = []
        var findings: [ResponseFinding] = []
    }

    @Test(
        "every response of every Cloud action and error matches Atlassian's OpenAPI",
        .enabled(if: OpenAPISpecs.available, "Atlassian's OpenAPI specs are not beside the repo (../shared/specs); skipping conformance")
    )
    func everyResponseConforms() async throws {
        let harness = try await SandboxHarness.start()
        harness.server.recordsResponses = true
        let (_, problems) = await ConformanceCalls.runAll(on: harness)
        let client = SandboxServerClient(server: harness.server)
        for target in Self.otherReads {
            let response = try await client.get(target)
            #expect(response.status == 200, "GET \(target): \(response.status) \(response.text)")
        }
        for request in Self.failingRequests {
            let response = try await client.send(
                request.method, request.target, json: request.json,
                authorization: request.authorized ? SandboxCredentials.basicAuthorization : nil
            )
            #expect(response.status >= 400, "\(request.method.rawValue) \(request.target) was meant to fail: \(response.status)")
        }
        let report = Self.check(harness.server.recordedExchanges())
        await harness.stop()

        if !problems.isEmpty {
            Issue.record("calls that could not be made:\n  \(problems.joined(separator: "\n  "))")
        }
        var used = Set<Int>()
        var offending: [String] = []
        for finding in report.findings {
            if let index = Self.allowList.firstIndex(where: { $0.spec == finding.spec && $0.rule.rawValue == finding.key && ($0.template == nil || $0.template == finding.template) }) {
                used.insert(index)
            } else if !offending.contains(finding.line) {
                offending.append(finding.line)
            }
        }
        print("response conformance: \(report.checked) responses checked, \(report.conforming) conform outright, \(offending.count) unexcused finding(s), \(report.unchecked.count) without a JSON schema to check")
        #expect(report.checked >= 60, "too few responses were checked: \(report.checked)")
        if !offending.isEmpty {
            Issue.record("\(offending.count) response problem(s) against Atlassian's OpenAPI (fix the sandbox, or allow-list the spec's fault with its reason):\n  \(offending.joined(separator: "\n  "))")
        }
        let stale = Self.allowList.indices.filter { !used.contains($0) }.map { "\(Self.allowList[$0].spec) \(Self.allowList[$0].rule.rawValue)" }
        if !stale.isEmpty {
            Issue.record("allow-list entries no response needs any more (remove them):\n  \(stale.joined(separator: "\n  "))")
        }
    }

    @Test(
        "the checker reports a writeOnly property, a null, a wrong type, bad timestamps and a wrong error body in real operations",
        .enabled(if: OpenAPISpecs.available, "Atlassian's OpenAPI specs are not beside the repo (../shared/specs); skipping conformance")
    )
    func validatorFindsProblems() throws {
        func findings(_ method: String, _ path: String, status: Int = 200, _ body: String) throws -> [String] {
            let exchange = SandboxExchange(
                request: SandboxRequest(method: method, uri: path, headers: [], body: []),
                response: .init(status: status, contentType: "application/json", body: Array(body.utf8))
            )
            let report = Self.check([exchange])
            #expect(report.checked == 1, "\(method) \(path) \(status) was not checked")
            return report.findings.map { "\($0.key) \($0.message.split(separator: "'").dropFirst().first ?? "")" }
        }
        // A component as the sandbox used to send it: the writeOnly `leadAccountId` instead of a `lead` user.
        #expect(try findings("GET", "/rest/api/3/project/DEMO/components", #"[{"id":"10200","name":"Checkout","leadAccountId":"5b10a"}]"#) == ["writeOnly leadAccountId"])
        // A root page with `"parentId": null`, which Confluence leaves out instead.
        let page = #"{"id":"98305","status":"current","title":"Home","spaceId":"65537","parentId":null}"#
        #expect(try findings("GET", "/wiki/api/v2/pages/98305", page).map { $0.split(separator: " ").first ?? "" } == ["nullable"])
        #expect(try findings("GET", "/rest/api/3/issue/DEMO-1", #"{"id":10001,"key":"DEMO-1"}"#).map { $0.split(separator: " ").first ?? "" } == ["type"])
        #expect(try findings("GET", "/rest/api/3/issue/DEMO-1/comment/1", #"{"id":"1","created":"yesterday"}"#) == ["format:date-time yesterday"])
        #expect(try findings("GET", "/rest/api/3/issue/DEMO-1/comment/1", #"{"id":"1","created":"2026-01-05T10:47:00.000+0000"}"#).map { $0.split(separator: " ").first ?? "" } == ["format:date-time(+hhmm)"])
        // An error body: Jira's ErrorCollection has `errorMessages` as an array.
        #expect(try findings("POST", "/rest/api/3/issue", status: 400, #"{"errorMessages":"Field 'project' is required"}"#).map { $0.split(separator: " ").first ?? "" } == ["type"])
        #expect(try findings("GET", "/rest/api/3/issue/DEMO-1", #"{"id":"10001","key":"DEMO-1"}"#) == [])
    }

    @Test("the validator stops on a schema that refers to itself and reports required, enum and oneOf problems")
    func validatorHandlesSchemaShapes() {
        let document: JSONValue = [
            "components": ["schemas": [
                "Node": [
                    "type": "object", "required": ["name"],
                    "properties": ["name": ["type": "string"], "kind": ["type": "string", "enum": ["a", "b"]], "children": ["type": "array", "items": ["$ref": "#/components/schemas/Node"]]],
                ],
                "Loop": ["allOf": [["$ref": "#/components/schemas/Loop"]]],
                "Either": ["oneOf": [["type": "string"], ["type": "integer"]]],
                "Closed": ["type": "object", "additionalProperties": false, "properties": ["a": ["type": "integer", "nullable": true]]],
            ]],
        ]
        let validator = OpenAPIResponseValidator(document: document)
        func lines(_ value: JSONValue, _ name: String) -> [String] {
            validator.validate(value, against: ["$ref": .string("#/components/schemas/\(name)")]).map { "\($0.path) \($0.rule.rawValue)" }
        }
        #expect(lines(["name": "root", "children": [["name": "x", "children": [["kind": "c"]]]]], "Node") == ["$.children[0].children[0].kind enum", "$.children[0].children[0].name required"])
        #expect(lines(["anything": 1], "Loop") == [])
        #expect(lines(1, "Either") == [])
        #expect(lines(1.5, "Either") == ["$ oneOf:none"])
        #expect(lines(["a": .null, "b": 1], "Closed") == ["$.b additionalProperties"])
    }

    /// Most Jira operations declare their error statuses with a description only; every Jira REST error body is
    /// the platform spec's `ErrorCollection` (agile errors too), so that is what such a body is checked against.
    static func jiraErrorSchema(for spec: OpenAPISpec) -> (document: JSONValue, schema: JSONValue)? {
        guard spec.name.hasPrefix("jira-"), let platform = OpenAPISpecs.all.first(where: { $0.name == "jira-platform-v3.json" }) else { return nil }
        return (platform.document, ["$ref": "#/components/schemas/ErrorCollection"])
    }

    /// Validates each recorded response whose path a spec covers against its operation's response schema.
    static func check(_ exchanges: [SandboxExchange]) -> Report {
        var report = Report()
        for exchange in exchanges {
            let request = exchange.request
            guard let response = exchange.response, let spec = OpenAPISpecs.spec(forPath: request.path) else { continue }
            let label = "\(request.method) \(request.path) → \(response.status)"
            guard case .found(let template, let operation, _) = spec.operation(method: request.method, rawPath: request.path) else {
                continue  // the request test reports paths and methods the spec lacks
            }
            guard let body = try? JSONValue(parsing: response.body), !response.body.isEmpty else {
                report.unchecked.append("\(label): no JSON body")
                continue
            }
            let responses = operation["responses"]?.objectValue ?? JSONObject()
            let statusClass = "\(response.status / 100)XX"
            guard let declared = (responses[String(response.status)] ?? responses[statusClass] ?? responses["default"]).map(spec.resolve) else {
                report.findings.append(ResponseFinding(
                    spec: spec.name, method: request.method, path: request.path, template: template, status: response.status,
                    key: "status", message: "the operation declares neither \(response.status) nor default (it has \(responses.keys.sorted().joined(separator: ", ")))"
                ))
                continue
            }
            let content = declared["content"]?.objectValue ?? JSONObject()
            var document = spec.document
            var schema = (content["application/json"] ?? content.first { $0.key.contains("json") || $0.key == "*/*" }?.value)?["schema"]
            if schema == nil, response.status >= 400, let jira = Self.jiraErrorSchema(for: spec) {
                (document, schema) = jira
            }
            guard let schema else {
                report.unchecked.append("\(label): the spec declares no JSON schema for it")
                continue
            }
            report.checked += 1
            let problems = OpenAPIResponseValidator(document: document).validate(body, against: schema)
            if problems.isEmpty { report.conforming += 1 }
            report.findings += problems.map {
                ResponseFinding(
                    spec: spec.name, method: request.method, path: request.path, template: template, status: response.status,
                    key: $0.rule.rawValue, message: "\($0.path): \($0.message)"
                )
            }
        }
        return report
    }
}
