import AtlassianSandbox
import Switchyard
import Testing

@Suite("Sandbox Confluence")
struct SandboxConfluenceTests {
    @Test("v2 pages page through _links.next, mirrored in the Link header")
    func pagesCursorPaging() async throws {
        try await withSandboxServer { server, client async throws in
            var next: String? = "/wiki/api/v2/pages?space-id=65537&limit=5"
            var titles: [String] = []
            var pages = 0
            while let target = next, pages < 10 {
                let response = try await client.get(target)
                let json = try response.json
                titles += json["results"]?.arrayValue?.compactMap { $0["title"]?.stringValue } ?? []
                #expect(json["_links"]?["base"]?.stringValue == "\(server.baseURL)/wiki")
                next = json["_links"]?["next"]?.stringValue
                if let next {
                    #expect(next.hasPrefix("/wiki/api/v2/pages?"))
                    #expect(response.header("Link") == "<\(next)>; rel=\"next\", <\(server.baseURL)/wiki>; rel=\"base\"")
                } else {
                    #expect(response.header("Link") == nil)
                }
                pages += 1
            }
            #expect(titles.count == 12)
            #expect(Set(titles).count == 12)
            #expect(pages == 3)
        }
    }

    @Test("A page reads with its storage body and version")
    func getPageWithBody() async throws {
        try await withSandboxServer { _, client async throws in
            let page = try await client.get("/wiki/api/v2/pages/98311?body-format=storage").json
            #expect(page["title"]?.stringValue == "Checkout Service")
            #expect(page["version"]?["number"]?.intValue == 7)
            #expect(page["body"]?["storage"]?["value"]?.stringValue?.contains(#"ac:name="info""#) == true)
            let withoutBody = try await client.get("/wiki/api/v2/pages/98311").json
            #expect(withoutBody["body"] == nil)
            let adf = try await client.get("/wiki/api/v2/pages/98311?body-format=atlas_doc_format").json
            let value = try #require(adf["body"]?["atlas_doc_format"]?["value"]?.stringValue)
            #expect(try JSONValue(parsing: value)["type"]?.stringValue == "doc")
            let missing = try await client.get("/wiki/api/v2/pages/424242")
            #expect(missing.status == 404)
            #expect(try missing.json["errors"]?[0]?["code"]?.stringValue == "NOT_FOUND")
        }
    }

    @Test("Updating with a stale version number is 409 with Confluence's message")
    func versionConflict() async throws {
        try await withSandboxServer { _, client async throws in
            let stale: JSONValue = [
                "id": "98311", "status": "current", "title": "Checkout Service",
                "body": ["representation": "storage", "value": "<p>New</p>"], "version": ["number": 7],
            ]
            let conflict = try await client.send(.PUT, "/wiki/api/v2/pages/98311", json: stale)
            #expect(conflict.status == 409)
            #expect(conflict.text == #"{"errors":[{"status":409,"code":"CONFLICT","title":"Version must be incremented when updating a page. Current Version: [7]. Provided version: [7]","detail":null}]}"#)
            guard case .object(var fresh) = stale else { return }
            fresh["version"] = ["number": 8]
            let updated = try await client.send(.PUT, "/wiki/api/v2/pages/98311", json: .object(fresh))
            #expect(updated.status == 200)
            #expect(try updated.json["version"]?["number"]?.intValue == 8)
        }
    }

    @Test("Creating a page places it under the homepage; a duplicate title is 400")
    func createPage() async throws {
        try await withSandboxServer { _, client async throws in
            let body: JSONValue = ["spaceId": "65537", "title": "Payments FAQ", "body": ["representation": "storage", "value": "<p>Q&amp;A</p>"]]
            let created = try await client.send(.POST, "/wiki/api/v2/pages", json: body)
            #expect(created.status == 200)
            let page = try created.json
            #expect(page["parentId"]?.stringValue == "98305")
            #expect(page["version"]?["number"]?.intValue == 1)
            let duplicate = try await client.send(.POST, "/wiki/api/v2/pages", json: body)
            #expect(duplicate.status == 400)
            let id = try #require(page["id"]?.stringValue)
            #expect(try await client.send(.DELETE, "/wiki/api/v2/pages/\(id)").status == 204)
            #expect(try await client.get("/wiki/api/v2/pages/\(id)").status == 404)
        }
    }

    @Test("Children, ancestors and v1 content lists follow the page tree")
    func pageTree() async throws {
        try await withSandboxServer { server, client async throws in
            let children = try await client.get("/wiki/api/v2/pages/98305/children").json
            #expect(children["results"]?.arrayValue?.compactMap { $0["title"]?.stringValue } == ["Getting Started", "Architecture Overview", "Runbooks", "Release Notes"])
            let ancestors = try await client.get("/wiki/api/v2/pages/98314/ancestors").json
            #expect(ancestors["results"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["98305", "98308"])
            let content = try await client.get("/wiki/rest/api/content?spaceKey=DEMO&limit=10&expand=body.storage").json
            #expect(content["size"]?.intValue == 10)
            #expect(content["results"]?[0]?["body"]?["storage"]?["value"]?.stringValue?.hasPrefix("<h1>") == true)
            let next = try #require(content["_links"]?["next"]?.stringValue)
            #expect(next == "/rest/api/content?spaceKey=DEMO&expand=body.storage&limit=10&start=10")
            let rest = try await client.get("\(server.baseURL)/wiki\(next)").json
            #expect(rest["size"]?.intValue == 2)
            #expect(rest["_links"]?["next"] == nil)
        }
    }

    @Test("v1 CQL search links the next page relative to _links.base")
    func cqlSearch() async throws {
        try await withSandboxServer { server, client async throws in
            let cql = SandboxServerClient.encode("type = page AND space = DEMO")
            let first = try await client.get("/wiki/rest/api/search?cql=\(cql)&limit=5").json
            #expect(first["totalSize"]?.intValue == 12)
            #expect(first["size"]?.intValue == 5)
            #expect(first["results"]?[0]?["content"]?["type"]?.stringValue == "page")
            let base = try #require(first["_links"]?["base"]?.stringValue)
            #expect(base == "\(server.baseURL)/wiki")
            let next = try #require(first["_links"]?["next"]?.stringValue)
            #expect(next.hasPrefix("/rest/api/search?"))
            let second = try await client.get(base + next).json
            #expect(second["start"]?.intValue == 5)
            let text = try await client.get("/wiki/rest/api/search?cql=\(SandboxServerClient.encode(#"text ~ "incident""#))").json
            #expect(text["totalSize"]?.intValue == 2)
            let missing = try await client.get("/wiki/rest/api/search")
            #expect(missing.status == 400)
            #expect(try missing.json["statusCode"]?.intValue == 400)
        }
    }
}
