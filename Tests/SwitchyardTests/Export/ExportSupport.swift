import Foundation
import Testing
@testable import Switchyard

extension SandboxHarness {
    /// Every document an export yields, in order; a failure is recorded and ends the test.
    func exportedDocuments(_ request: ExportRequest) async throws -> [JSONValue] {
        var documents: [JSONValue] = []
        for try await document in try runtime.export(request).documents { documents.append(document) }
        return documents
    }

    /// The ids an export yields, in order.
    func exportedIDs(_ request: ExportRequest) async throws -> [String] {
        try await exportedDocuments(request).compactMap { $0["id"]?.stringValue }
    }

    /// The issue keys a JQL search through `execute` finds, as the reference an export must match.
    func searchedKeys(_ connector: String, jql: String) async throws -> [String] {
        try await data(connector, "issues", "search", ["jql": .string(jql), "limit": 10_000, "fields": ["key"]]).strings("key")
    }

    /// The content ids a CQL search through `execute` finds.
    func searchedContentIDs(_ connector: String, cql: String) async throws -> [String] {
        try await data(connector, "search", "cql", ["cql": .string(cql), "limit": 10_000, "fields": ["content.id"]]).strings("content.id")
    }
}
