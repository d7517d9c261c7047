import AtlassianSandbox
import Foundation
import Testing
@testable import Switchyard

/// Every request the Cloud connectors send, checked against Atlassian's published OpenAPI: the path template,
/// the method, the query parameter names, and the top-level JSON body properties where the spec has a schema.
///
/// The test runs one or more calls of every action of `manifests/jira.json` and `manifests/confluence.json`
/// against the sandbox, then checks each request the sandbox recorded. The specs are reference data beside
/// the repository (`../shared/specs`); without them the test is skipped.
@Suite("OpenAPI conformance of the Cloud connectors")
struct OpenAPIConformanceTests {
    /// A known, deliberate difference from the published spec, with the reason.
    struct Deviation {
        let method: String
        /// The spec path template as reported (spec base included).
        let template: String
        /// What differs: `query:NAME`, `body:NAME`, `body`, `method` or `path`.
        let key: String
        let reason: String
    }

    /// Deliberate deviations, each with its reason, e.g.
    /// `Deviation(method: "GET", template: "/rest/api/3/...", key: "query:NAME", reason: "the live API accepts it; the spec omits it")`.
    /// An entry no request needs any more fails the test, so the table stays honest.
    static let deviations: [Deviation] = [
        Deviation(
            method: "GET", template: "/wiki/download/attachments/98315/deploy-checklist.txt", key: "path",
            reason: "attachments download follows the 302 that the spec'd download operation answers; the file URL it redirects to is outside the REST API, so no spec describes it"
        ),
    ]

    /// API families Atlassian publishes no spec for beside the repo (`../shared/specs`), each with why its
    /// requests are not checked here and where they are.
    static let unpublished: [(prefix: String, reason: String)] = [
        (
            "/rest/servicedeskapi/",
            "Jira Service Management's OpenAPI is not among the specs; JiraServiceDeskTests checks each call's query and body against the documented API, and CloudActionScopesTests its scopes"
        ),
    ]

    @Test(
        "every request of every Cloud action matches Atlassian's OpenAPI",
        .enabled(if: OpenAPISpecs.available, "Atlassian's OpenAPI specs are not beside the repo (../shared/specs); skipping conformance")
    )
    func everyRequestConforms() async throws {
        let specs = OpenAPISpecs.all
        #expect(specs.count == 4)
        let harness = try await SandboxHarness.start()
        var findings: [ConformanceFinding] = []
        var usedUnpublished = Set<Int>()

        let missing = try ConformanceCalls.missingActions(in: harness)
        if !missing.isEmpty {
            Issue.record("actions with no call in ConformanceCalls.all (add one):\n  \(missing.joined(separator: "\n  "))")
        }
        let (outcomes, problems) = await ConformanceCalls.runAll(on: harness)
        for outcome in outcomes {
            for request in outcome.exchanges.map(\.request) {
                if let family = Self.unpublished.firstIndex(where: { request.path.hasPrefix($0.prefix) }) {
                    usedUnpublished.insert(family)
                    continue
                }
                guard let spec = OpenAPISpecs.spec(forPath: request.path) else {
                    findings.append(ConformanceFinding(method: request.method, path: request.path, template: request.path, key: "path", problem: "no Atlassian spec covers this path (\(outcome.label))"))
                    continue
                }
                findings += spec.check(
                    method: request.method, rawPath: request.path, query: request.query, body: request.body, contentType: request.header("Content-Type")
                )
            }
        }
        await harness.stop()

        var used = Set<Int>()
        var offending: [String] = []
        for finding in findings {
            if let index = Self.deviations.firstIndex(where: { $0.method == finding.method && $0.template == finding.template && $0.key == finding.key }) {
                used.insert(index)
            } else if !offending.contains(finding.line) {
                offending.append(finding.line)
            }
        }
        if !problems.isEmpty {
            Issue.record("calls that could not be checked:\n  \(problems.joined(separator: "\n  "))")
        }
        if !offending.isEmpty {
            Issue.record("\(offending.count) request problem(s) against Atlassian's OpenAPI (fix the manifest, or record a deviation with its reason):\n  \(offending.joined(separator: "\n  "))")
        }
        #expect(usedUnpublished.count == Self.unpublished.count, "an API family listed as unpublished is no longer called")
        let stale = Self.deviations.indices.filter { !used.contains($0) }.map { "\(Self.deviations[$0].method) \(Self.deviations[$0].template) \(Self.deviations[$0].key)" }
        if !stale.isEmpty {
            Issue.record("deviations no request needs any more (remove them):\n  \(stale.joined(separator: "\n  "))")
        }
    }

    @Test(
        "the checker reports a wrong path, method, query name and body property",
        .enabled(if: OpenAPISpecs.available, "Atlassian's OpenAPI specs are not beside the repo (../shared/specs); skipping conformance")
    )
    func checkerFindsProblems() throws {
        func keys(_ method: String, _ uri: String, _ body: String = "") throws -> [String] {
            let request = SandboxRequest(method: method, uri: uri, headers: [], body: Array(body.utf8))
            let spec = try #require(OpenAPISpecs.spec(forPath: request.path), "no spec for \(uri)")
            return spec.check(method: method, rawPath: request.path, query: request.query, body: request.body).map(\.key)
        }
        #expect(try keys("GET", "/rest/api/3/issue/DEMO-1?fields=summary&bogus=1") == ["query:bogus"])
        #expect(try keys("PATCH", "/rest/api/3/issue/DEMO-1") == ["method"])
        #expect(try keys("GET", "/rest/api/3/nowhere/at/all") == ["path"])
        #expect(try keys("POST", "/rest/agile/1.0/sprint/2/issue", #"{"issues":["DEMO-1"],"oops":1}"#) == ["body:oops"])
        #expect(try keys("POST", "/wiki/api/v2/footer-comments?limit=1", #"{"pageId":"1","nope":true}"#) == ["query:limit", "body:nope"])
        // LabelCreate allows additional properties, so only the element type is checked.
        #expect(try keys("POST", "/wiki/rest/api/content/1/label", #"[{"prefix":"global","name":"x","extra":1}]"#) == [])
        #expect(try keys("POST", "/wiki/rest/api/content/1/label", #"["x"]"#) == ["body"])
        #expect(try keys("POST", "/rest/api/3/issue/DEMO-7/watchers", #"{"accountId":"x"}"#) == ["body"])
        #expect(try keys("GET", "/rest/api/3/issue/DEMO-7/watchers") == [])
        // Multipart bodies are checked for the media type the operation takes, not parsed as JSON.
        func multipartKeys(_ uri: String) throws -> [String] {
            let request = SandboxRequest(method: "POST", uri: uri, headers: [], body: Array("--b\r\n\r\n{}\r\n--b--\r\n".utf8))
            let spec = try #require(OpenAPISpecs.spec(forPath: request.path), "no spec for \(uri)")
            return spec.check(method: "POST", rawPath: request.path, query: request.query, body: request.body, contentType: "multipart/form-data; boundary=b").map(\.key)
        }
        #expect(try multipartKeys("/rest/api/3/issue/DEMO-7/attachments") == [])
        #expect(try multipartKeys("/rest/api/3/issue/DEMO-7/comment") == ["body"])
    }
}
