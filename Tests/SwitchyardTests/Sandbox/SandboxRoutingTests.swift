import Foundation
import AtlassianSandbox
import Switchyard
import Testing

@Suite("Sandbox routing and test endpoints")
struct SandboxRoutingTests {
    @Test("An encoded ../ in a path segment stays inside the issue key and the raw URI is recorded")
    func encodedTraversalIsAnIssueKey() async throws {
        try await withSandboxServer { server, client async throws in
            let response = try await client.get("/rest/api/3/issue/..%2F..%2Fadmin?fields=summary")
            #expect(response.status == 404)
            #expect(try response.json["errorMessages"]?[0]?.stringValue == "Issue does not exist or you do not have permission to see it.")
            let recorded = try #require(server.recordedRequests().last)
            #expect(recorded.uri == "/rest/api/3/issue/..%2F..%2Fadmin?fields=summary")
            #expect(recorded.path == "/rest/api/3/issue/..%2F..%2Fadmin")
            #expect(recorded.method == "GET")
        }
    }

    @Test("Unknown routes are 404 and known routes with the wrong method are 405")
    func unknownRouteAndWrongMethod() async throws {
        try await withSandboxServer { _, client async throws in
            let unknown = try await client.get("/rest/api/3/nothing-here")
            #expect(unknown.status == 404)
            #expect(try unknown.json["errorMessages"] != nil)
            let wrongMethod = try await client.send(.PATCH, "/rest/api/3/myself")
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.header("Allow") == "GET")
        }
    }

    @Test("Error pages answer HTML and plain text")
    func nonJSONErrors() async throws {
        try await withSandboxServer { _, client async throws in
            let html = try await client.get("/html-error/boom", authorization: nil)
            #expect(html.status == 500)
            #expect(html.header("Content-Type")?.hasPrefix("text/html") == true)
            #expect(try await client.get("/login.jsp", authorization: nil).status == 500)
            let plain = try await client.get("/plain-error", authorization: nil)
            #expect(plain.status == 502)
            #expect(plain.header("Content-Type")?.hasPrefix("text/plain") == true)
        }
    }

    @Test("Echo shows where each parameter went")
    func echo() async throws {
        try await withSandboxServer { _, client async throws in
            let json = try await client.send(.POST, "/__sandbox/echo/items/42?tag=a&tag=b", json: ["name": "Widget"], headers: [("X-Trace", "t1")]).json
            #expect(json["method"]?.stringValue == "POST")
            #expect(json["path"]?.stringValue == "/__sandbox/echo/items/42")
            #expect(json["query"]?["tag"] == ["a", "b"])
            #expect(json["headers"]?["x-trace"]?.stringValue == "t1")
            #expect(json["body"] == ["name": "Widget"])
            let form = try await client.send(.PUT, "/__sandbox/echo", body: "name=Big+Widget&size=L", headers: [("Content-Type", "application/x-www-form-urlencoded")]).json
            #expect(form["form"]?["name"] == ["Big Widget"])
            #expect(form["body"]?.stringValue == "name=Big+Widget&size=L")
        }
    }

    @Test("Catalog endpoints page by number, in an envelope or with Link headers")
    func catalogPaging() async throws {
        try await withSandboxServer { server, client async throws in
            let last = try await client.get("/__sandbox/catalog/items?page=10&per_page=10").json
            #expect(last["total_pages"]?.intValue == 10)
            #expect(last["items"]?.arrayValue?.count == 5)
            var next: String? = "\(server.baseURL)/__sandbox/catalog/linked?page=1&per_page=40"
            var ids: [Int] = []
            while let url = next {
                let response = try await client.get(url)
                ids += try response.json.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
                next = response.header("Link")?.split(separator: ",").first { $0.contains(#"rel="next""#) }
                    .flatMap { link in link.split(separator: ";").first }
                    .map { $0.trimmingCharacters(in: .whitespaces).dropFirst().dropLast() }.map(String.init)
            }
            #expect(ids == Array(1...95))
        }
    }
}
