import AtlassianSandbox
import Foundation
import NIOCore
import Testing
@testable import Switchyard

@Suite("Requests stay on the configured origin")
struct OriginTests {
    @Test("a redirect to another origin is followed without credentials; on the same origin they are kept")
    func redirectsDropCredentialsAcrossOrigins() async throws {
        let other = try await SandboxServer.start()
        try await withSandbox { harness in
            let sameOrigin = await harness.execute("testkit", "redirects", "follow", ["to": .string(harness.server.baseURL + "/__sandbox/echo/here")])
            #expect(sameOrigin.result?.data["path"] == "/__sandbox/echo/here", "\(sameOrigin.json)")
            #expect(harness.server.recordedRequests().last?.header("Authorization") != nil)

            let crossOrigin = await harness.execute("testkit", "redirects", "follow", ["to": .string(other.baseURL + "/__sandbox/echo/there")])
            let arrived = try #require(other.recordedRequests().last)
            #expect(arrived.path == "/__sandbox/echo/there")
            #expect(arrived.header("Authorization") == nil)
            #expect(crossOrigin.error?.kind == .auth, "the other origin refuses the unauthenticated request")
        }
        try await other.shutdown()
    }

    @Test("next-page links are followed only on the same origin", arguments: [
        ("https://evil.example.com/wiki/api/v2/pages?cursor=x", nil as String?),
        ("//evil.example.com/x", nil),
        ("http://acme.example.com/x", nil),
        ("https://acme.example.com:444/x", nil),
        ("/wiki/api/v2/pages?cursor=2", "https://acme.example.com/wiki/api/v2/pages?cursor=2"),
        ("https://acme.example.com/wiki/api/v2/pages?cursor=3", "https://acme.example.com/wiki/api/v2/pages?cursor=3"),
    ])
    func nextLinksSameOrigin(link: String, expected: String?) throws {
        let origin = try #require(URLOrigin("https://acme.example.com"))
        #expect(origin.resolveSameOrigin(link, relativeTo: nil) == expected)
        let connection = Connection(baseURL: "https://acme.example.com", origin: origin, credential: .none, schemeID: nil, security: .system)
        let pagination = Pagination(kind: .nextLink(source: .body, next: "_links.next", base: nil), placement: .query, limitParam: nil, pageSize: 10)
        let response = HTTPResponse(status: 200, headers: [], body: ByteBuffer())
        let next = Paginator.nextPosition(
            after: .link(nil), body: ["_links": ["next": .string(link)]], response: response, pageCount: 10,
            pagination: pagination, requestedSize: 10, connection: connection
        )
        #expect(next == expected.map { .link($0) })
    }

    @Test("a template can never produce another host: config values inside a URL must be plain")
    func configCannotChangeHost() async throws {
        let manifest = try ManifestDecoder.decode([
            "name": "demo", "title": "Demo", "version": "1", "description": "d",
            "config": ["site": ["type": "string", "description": "Site", "env": ["DEMO_SITE"]]],
            "base_url": "https://{site}.example.com",
            "entities": ["e": ["description": "E", "actions": ["a": ["description": "A", "request": ["method": "GET", "path": "/x"]]]]],
        ], source: "demo")
        for hostile in ["evil.com/", "evil.com#", "a@evil.com", "evil.com:80"] {
            let runtime = SwitchyardRuntime(catalog: ConnectorCatalog(connectors: [manifest]), settings: RuntimeSettings(environment: ["DEMO_SITE": hostile]))
            #expect(throws: ExecutionError.self) { try runtime.connection(for: manifest) }
            try await runtime.shutdown()
        }
    }
}
