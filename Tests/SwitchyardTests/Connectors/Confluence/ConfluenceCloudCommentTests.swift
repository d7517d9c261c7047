import AtlassianSandbox
import Testing
@testable import Switchyard

/// Inline comments, footer comment replies and comment edits of the `confluence` connector, executed against
/// the sandbox.
@Suite("Confluence Cloud: inline comments, replies and comment edits")
struct ConfluenceCloudCommentTests {
    @Test("inline_comments add anchors a comment to page text that inline_comments list reads back")
    func inlineCommentsAddThenList() async throws {
        try await withSandbox { harness in
            let envelope = await harness.execute("confluence", "inline_comments", "add", [
                "page_id": "98311", "text_selection": "Payment provider timeout", "body": "Which **timeout** value?",
            ])
            let result = try #require(envelope.result, "\(envelope.json)")
            #expect(result.status == 201)
            let id = try #require(result.data["id"]?.stringValue)
            #expect(result.data["resolutionStatus"] == "open")
            let sent = try JSONValue(parsing: try #require(harness.requests("POST", "/wiki/api/v2/inline-comments").first).body)
            #expect(sent == [
                "pageId": "98311",
                "body": ["representation": "storage", "value": "<p>Which <strong>timeout</strong> value?</p>"],
                "inlineCommentProperties": ["textSelection": "Payment provider timeout"],
            ])
            let comments = try await harness.data("confluence", "inline_comments", "list", ["page_id": "98311"])
            #expect(comments.strings("id") == [id])
            #expect(comments[0]?["properties"]?["inlineOriginalSelection"] == "Payment provider timeout")
            #expect(comments[0]?["body"]?["storage"]?["value"] == "Which **timeout** value?\n")
            let footer = try await harness.data("confluence", "footer_comments", "list", ["page_id": "98311"])
            #expect(footer.strings("id") == ["131085", "131086"])
        }
    }

    @Test("inline_comments add with comment_id replies in the thread; list filters by resolution status")
    func inlineCommentsReply() async throws {
        try await withSandbox { harness in
            let first = try await harness.data("confluence", "inline_comments", "add", [
                "page_id": "98312", "text_selection": "autocomplete", "body": "Debounced?",
            ])
            let parent = try #require(first["id"]?.stringValue)
            let reply = try await harness.data("confluence", "inline_comments", "add", ["comment_id": .string(parent), "body": "Yes, 150 ms."])
            #expect(reply["parentCommentId"] == .string(parent))
            #expect(reply["pageId"] == "98312")
            let open = try await harness.data("confluence", "inline_comments", "list", ["page_id": "98312", "resolution_status": ["open"]])
            #expect(open.arrayValue?.count == 2)
            let resolved = try await harness.data("confluence", "inline_comments", "list", ["page_id": "98312", "resolution_status": ["resolved"]])
            #expect(resolved == [])
        }
    }

    @Test("inline_comments add refuses text that is not on the page, an unknown page, and a call without anchor")
    func inlineCommentsAddErrors() async throws {
        try await withSandbox { harness in
            let absent = await harness.execute("confluence", "inline_comments", "add", [
                "page_id": "98311", "text_selection": "no such words", "body": "?",
            ])
            #expect(absent.error?.kind == .validation)
            let unknown = await harness.execute("confluence", "inline_comments", "add", [
                "page_id": "99999999", "text_selection": "x", "body": "?",
            ])
            #expect(unknown.error?.kind == .notFound)
            let unanchored = await harness.execute("confluence", "inline_comments", "add", ["page_id": "98311", "body": "?"])
            #expect(unanchored.error?.kind == .validation)
            #expect(harness.requests("POST", "/wiki/api/v2/inline-comments").count == 2)
            let missingPage = await harness.execute("confluence", "inline_comments", "list", ["page_id": "99999999"])
            #expect(missingPage.error?.kind == .notFound)
        }
    }

    @Test("footer_comments reply threads a reply under a footer comment")
    func footerCommentsReply() async throws {
        try await withSandbox { harness in
            let reply = try await harness.data("confluence", "footer_comments", "reply", ["comment_id": "131085", "body": "Agreed, **keep it**."])
            let id = try #require(reply["id"]?.stringValue)
            #expect(reply["parentCommentId"] == "131085")
            #expect(reply["pageId"] == "98311")
            let sent = try JSONValue(parsing: try #require(harness.requests("POST", "/wiki/api/v2/footer-comments").first).body)
            #expect(sent == ["parentCommentId": "131085", "body": ["representation": "storage", "value": "<p>Agreed, <strong>keep it</strong>.</p>"]])
            let comments = try await harness.data("confluence", "footer_comments", "list", ["page_id": "98311"])
            #expect(comments.strings("id") == ["131085", "131086", id])
            let missing = await harness.execute("confluence", "footer_comments", "reply", ["comment_id": "99999999", "body": "?"])
            #expect(missing.error?.kind == .notFound)
        }
    }

    @Test("footer_comments get, update (reading the version first) and delete a comment")
    func footerCommentGetUpdateDelete() async throws {
        try await withSandbox { harness in
            let comment = try await harness.data("confluence", "footer_comments", "get", ["comment_id": "131087"])
            #expect(comment["body"]?["storage"]?["value"] == "Add a step for the feature-flag review.\n")
            #expect(comment["version"]?["number"] == 1)
            let updated = try await harness.data("confluence", "footer_comments", "update", ["comment_id": "131087", "body": "Add a **flag review** step."])
            #expect(updated["version"]?["number"] == 2)
            let sent = try JSONValue(parsing: try #require(harness.requests("PUT", "/wiki/api/v2/footer-comments/131087").first).body)
            #expect(sent == ["version": ["number": 2], "body": ["representation": "storage", "value": "<p>Add a <strong>flag review</strong> step.</p>"]])
            let stale = await harness.execute("confluence", "footer_comments", "update", ["comment_id": "131087", "body": "Old", "version_number": 2])
            #expect(stale.error?.kind == .conflict)
            let reread = try await harness.data("confluence", "footer_comments", "get", ["comment_id": "131087"])
            #expect(reread["body"]?["storage"]?["value"] == "Add a **flag review** step.\n")
            _ = try await harness.data("confluence", "footer_comments", "delete", ["comment_id": "131087"])
            let gone = await harness.execute("confluence", "footer_comments", "get", ["comment_id": "131087"])
            #expect(gone.error?.kind == .notFound)
            let listed = try await harness.data("confluence", "footer_comments", "list", ["page_id": "98315"])
            #expect(listed == [])
        }
    }

    @Test("inline_comments resolve marks a comment resolved, and resolved false reopens it")
    func inlineCommentsResolve() async throws {
        try await withSandbox { harness in
            let created = try await harness.data("confluence", "inline_comments", "add", [
                "page_id": "98311", "text_selection": "Session expiry during redirect", "body": "Fixed in DEMO-7?",
            ])
            let id = try #require(created["id"]?.stringValue)
            let resolved = try await harness.data("confluence", "inline_comments", "resolve", ["comment_id": .string(id)])
            #expect(resolved["resolutionStatus"] == "resolved")
            let sent = try JSONValue(parsing: try #require(harness.requests("PUT", "/wiki/api/v2/inline-comments/\(id)").first).body)
            #expect(sent == ["version": ["number": 2], "resolved": true])
            let open = try await harness.data("confluence", "inline_comments", "list", ["page_id": "98311", "resolution_status": ["open", "reopened"]])
            #expect(open == [])
            let reopened = try await harness.data("confluence", "inline_comments", "resolve", ["comment_id": .string(id), "resolved": false])
            #expect(reopened["resolutionStatus"] == "reopened")
            let footer = await harness.execute("confluence", "inline_comments", "resolve", ["comment_id": "131085"])
            #expect(footer.error?.kind == .notFound)
        }
    }

    @Test("inline_comments delete removes a comment and its replies from inline_comments list")
    func inlineCommentsDelete() async throws {
        try await withSandbox { harness in
            let parent = try await harness.data("confluence", "inline_comments", "add", [
                "page_id": "98312", "text_selection": "autocomplete", "body": "Debounced?",
            ])
            let id = try #require(parent["id"]?.stringValue)
            _ = try await harness.data("confluence", "inline_comments", "add", ["comment_id": .string(id), "body": "Yes."])
            _ = try await harness.data("confluence", "inline_comments", "delete", ["comment_id": .string(id)])
            #expect(harness.requests("DELETE", "/wiki/api/v2/inline-comments/\(id)").count == 1)
            let listed = try await harness.data("confluence", "inline_comments", "list", ["page_id": "98312"])
            #expect(listed == [])
            let again = await harness.execute("confluence", "inline_comments", "delete", ["comment_id": .string(id)])
            #expect(again.error?.kind == .notFound)
        }
    }
}
