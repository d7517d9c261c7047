import Testing
@testable import Switchyard

@Suite("Pagination against the sandbox")
struct PaginationTests {
    /// Runs an action repeatedly, following `next`, and returns every record and the page count of each call.
    private func collectAll(
        _ harness: SandboxHarness, _ connector: String, _ entity: String, _ action: String, params: JSONObject, key: String
    ) async throws -> (keys: [String], calls: Int) {
        var keys: [String] = []
        var calls = 0
        var cursor: String?
        repeat {
            var callParams = params
            if let cursor { callParams["cursor"] = .string(cursor) }
            let envelope = await harness.execute(connector, entity, action, .object(callParams))
            let result = try #require(envelope.result, "\(envelope.json)")
            keys += result.data.arrayValue?.compactMap { $0.value(atDotPath: key)?.displayText } ?? []
            cursor = result.next
            calls += 1
        } while cursor != nil && calls < 50
        return (keys, calls)
    }

    @Test("token pagination (Jira search/jql) continues from next cursors over every issue once")
    func tokenPagination() async throws {
        try await withSandbox { harness in
            let (keys, calls) = try await collectAll(
                harness, "jira", "issues", "search", params: ["jql": "project = DEMO ORDER BY key ASC", "limit": 7], key: "key"
            )
            #expect(keys.count == 30)
            #expect(Set(keys).count == 30)
            #expect(keys.first == "DEMO-1")
            #expect(calls == 5)
        }
    }

    @Test("offset pagination (Jira project search) ends at isLast")
    func offsetPagination() async throws {
        try await withSandbox { harness in
            let first = await harness.execute("jira", "projects", "search", ["limit": 3])
            let page = try #require(first.result, "\(first.json)")
            #expect(page.data.arrayValue?.count == 3)
            #expect(page.next != nil)
            let (keys, _) = try await collectAll(harness, "jira", "projects", "search", params: ["limit": 2], key: "key")
            let everything = await harness.execute("jira", "projects", "search", ["limit": 100])
            let all = try #require(everything.result)
            #expect(all.next == nil)
            #expect(keys == all.data.arrayValue?.compactMap { $0["key"]?.displayText })
        }
    }

    @Test("offset pagination over a bare array (Jira user search)")
    func bareArrayPagination() async throws {
        try await withSandbox { harness in
            let envelope = await harness.execute("jira", "users", "search", ["query": "a", "limit": 2])
            let result = try #require(envelope.result, "\(envelope.json)")
            #expect(result.data.arrayValue?.count == 2)
        }
    }

    @Test("next links from the body (Confluence v2 pages) are followed and resumable")
    func bodyLinkPagination() async throws {
        try await withSandbox { harness in
            let (titles, calls) = try await collectAll(harness, "confluence", "pages", "list", params: ["limit": 4], key: "title")
            #expect(calls > 1)
            #expect(Set(titles).count == titles.count)
            let all = await harness.execute("confluence", "pages", "list", ["limit": 200])
            #expect(all.result?.data.arrayValue?.count == titles.count)
            #expect(all.result?.next == nil)
        }
    }

    @Test("next links relative to _links.base (Confluence v1 CQL search) keep the /wiki prefix")
    func baseRelativeLinkPagination() async throws {
        try await withSandbox { harness in
            let first = await harness.execute("confluence", "search", "cql", ["cql": "type = page", "limit": 3])
            let result = try #require(first.result, "\(first.json)")
            #expect(result.data.arrayValue?.count == 3)
            let next = try #require(result.next)
            let second = await harness.execute("confluence", "search", "cql", ["cql": "type = page", "limit": 3, "cursor": .string(next)])
            #expect(second.result?.data.arrayValue?.count == 3)
            #expect(harness.server.recordedRequests().last?.path.hasPrefix("/wiki/rest/api/search") == true)
        }
    }

    @Test("next links from the Link header are followed within one call")
    func headerLinkPagination() async throws {
        try await withSandbox { harness in
            let envelope = await harness.execute("testkit", "items", "linked", ["limit": 25])
            let result = try #require(envelope.result, "\(envelope.json)")
            #expect(result.data.arrayValue?.count == 25)
            #expect(result.meta["pages"]?.intValue == 3)
            let next = try #require(result.next)
            let rest = await harness.execute("testkit", "items", "linked", ["limit": 1000, "cursor": .string(next)])
            #expect(rest.result?.data.arrayValue?.count == 70)
            #expect(rest.result?.next == nil)
        }
    }

    @Test("page-number pagination keeps its page size and resumes mid-page")
    func pageNumberPagination() async throws {
        try await withSandbox { harness in
            let first = await harness.execute("testkit", "items", "list", ["limit": 15])
            let result = try #require(first.result, "\(first.json)")
            let ids = result.data.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
            #expect(ids == Array(1...15))
            #expect(result.meta["pages"]?.intValue == 2)
            let next = try #require(result.next)
            let second = await harness.execute("testkit", "items", "list", ["limit": 10, "cursor": .string(next)])
            #expect(second.result?.data.arrayValue?.compactMap { $0["id"]?.intValue } == Array(16...25))
            let everything = await harness.execute("testkit", "items", "list", ["limit": 1000])
            #expect(everything.result?.data.arrayValue?.count == 95)
            #expect(everything.result?.next == nil)
        }
    }

    @Test("a cursor from another action is refused")
    func foreignCursorIsRefused() async throws {
        try await withSandbox { harness in
            let first = await harness.execute("testkit", "items", "list", ["limit": 5])
            let next = try #require(first.result?.next)
            let misuse = await harness.execute("jira", "issues", "search", ["jql": "project = DEMO", "cursor": .string(next)])
            #expect(misuse.error?.kind == .validation)
            #expect(misuse.error?.message.contains("cursor") == true)
        }
    }
}
