import Testing
@testable import Switchyard

/// Markdown through each Atlassian format and back keeps its structure.
@Suite("rich text round trips")
struct RichTextRoundTripTests {
    private static let original = MarkdownDocument(markdown: RichTextFixtures.representative)

    private static func apply(_ name: String, _ value: JSONValue) throws -> JSONValue {
        let function = try #require(TextTransforms.function(named: name))
        return try function(value)
    }

    private static func markdown(_ name: String, _ value: JSONValue) throws -> String {
        try #require(try apply(name, value).stringValue)
    }

    @Test("the representative document parses into every kind of block")
    func representativeDocumentCoversEveryBlock() {
        let blocks = Self.original.blocks
        #expect(blocks.count == 9)
        #expect(blocks.contains { if case .heading(2, _) = $0 { true } else { false } })
        #expect(blocks.contains { if case .codeBlock("swift", _) = $0 { true } else { false } })
        #expect(blocks.contains { if case .table(let table) = $0 { table.rows.count == 2 } else { false } })
        #expect(blocks.contains { if case .list(let list) = $0 { list.items.allSatisfy { $0.checked != nil } } else { false } })
        #expect(blocks.contains(.thematicBreak))
    }

    @Test("Markdown → ADF → Markdown keeps headings, lists, code, links, tables and @[Name](accountId:…) mentions")
    func adfRoundTripKeepsStructure() throws {
        let adf = try Self.apply("markdown_to_adf", .string(RichTextFixtures.representative))
        let back = MarkdownDocument(markdown: try Self.markdown("adf_to_markdown", adf))
        #expect(RichTextFixtures.structure(back) == RichTextFixtures.structure(Self.original))
        // ADF keeps the mention's display name too.
        #expect(back.markdown.contains("@[Mia Krystof](accountId:5b10a2844c20165700ede21g)"))
    }

    @Test("Markdown → storage → Markdown keeps headings, lists, code, links, tables and mentions")
    func storageRoundTripKeepsStructure() throws {
        let storage = try Self.markdown("markdown_to_storage", .string(RichTextFixtures.representative))
        let back = MarkdownDocument(markdown: try Self.markdown("storage_to_markdown", .string(storage)))
        #expect(RichTextFixtures.structure(back) == RichTextFixtures.structure(Self.original))
    }

    @Test("Markdown → wiki → Markdown keeps headings, lists, code, links, tables and mentions")
    func wikiRoundTripKeepsStructure() throws {
        let wiki = try Self.markdown("markdown_to_wiki", .string(RichTextFixtures.representative))
        let back = MarkdownDocument(markdown: try Self.markdown("wiki_to_markdown", .string(wiki)))
        #expect(RichTextFixtures.structure(back) == RichTextFixtures.structure(Self.original))
    }

    @Test("Markdown written from a parsed document parses back to the same document")
    func markdownRewriteIsStable() {
        #expect(MarkdownDocument(markdown: Self.original.markdown) == Self.original)
    }

    @Test("text full of syntax characters survives every format unchanged", arguments: [
        ("markdown_to_adf", "adf_to_markdown"), ("markdown_to_storage", "storage_to_markdown"), ("markdown_to_wiki", "wiki_to_markdown"),
    ])
    func specialCharactersSurvive(forward: String, backward: String) throws {
        let text: [MarkdownInline] = [.text(RichTextFixtures.specialCharacters)]
        let markdown = MarkdownDocument(blocks: [.paragraph(text)]).markdown
        #expect(MarkdownDocument(markdown: markdown).blocks == [.paragraph(text)])
        let stored = try Self.apply(forward, .string(markdown))
        let back = MarkdownDocument(markdown: try Self.markdown(backward, stored))
        #expect(back.blocks == [.paragraph(text)])
    }

    @Test("an ordered list's start number survives ADF and storage", arguments: [
        ("markdown_to_adf", "adf_to_markdown"), ("markdown_to_storage", "storage_to_markdown"),
    ])
    func orderedStartSurvives(forward: String, backward: String) throws {
        let stored = try Self.apply(forward, .string("5. five\n6. six"))
        #expect(try Self.markdown(backward, stored) == "5. five\n6. six\n")
    }
}
