import Testing
@testable import Switchyard

/// Random and mutated Markdown, storage and wiki text through every transform: each call returns, never
/// crashes, and Markdown written from any parsed document parses back to the same document.
@Suite("rich text fuzzing")
struct RichTextFuzzTests {
    static let markdownFragments = [
        "# ", "###### ", "- ", "* ", "+ ", "1. ", "3) ", "> ", "```", "~~~", "```swift\n", "    ", "**", "*", "_", "__", "~~", "~", "`", "``",
        "[", "]", "](", "(", ")", "<", ">", "|", "| --- |", "---", "***", "\\", "\n", "\n\n", "  \n", "@[", "accountId:5b10", "username:j",
        "![", "&amp;", "&#", ";", "https://x.io/a_b", "<https://y.io>", "<br>", "<strong>", "</strong>", "<em>", "</del>", " ", "word",
        "snake_case", "\t", "- [ ] ", "- [x] ", "=", "\"", "'", "é", "😀", "{", "}", "!", ":", "#",
    ]
    static let storageFragments = [
        "<p>", "</p>", "<h2>", "</h2>", "<strong>", "</b>", "<em>", "<ul>", "<ol start=\"3\">", "<li>", "</li>", "</ul>", "<table>", "<tr>",
        "<th>", "<td>", "</td>", "</table>", "<br/>", "<hr>", "<pre>", "</pre>", "<blockquote>", "<a href=\"https://x.io\">", "</a>",
        "<ac:structured-macro ac:name=\"info\">", "<ac:structured-macro ac:name=\"code\">", "<ac:structured-macro ac:name=\"toc\"/>",
        "</ac:structured-macro>", "<ac:rich-text-body>", "</ac:rich-text-body>", "<ac:plain-text-body>", "<ac:parameter ac:name=\"language\">",
        "</ac:parameter>", "<![CDATA[", "]]>", "<!--", "-->", "<ac:link>", "<ri:user ri:account-id=\"x\"/>", "</ac:link>", "<ac:task-list>",
        "<ac:task>", "<ac:task-status>complete</ac:task-status>", "<ac:task-body>", "&nbsp;", "&amp;", "&#x1F600;", "&bogus;", "<", ">",
        "\"", "'", "=", " ", "text", "\n", "*", "[", "é",
    ]
    static let wikiFragments = [
        "h1. ", "h3. ", "bq. ", "*", "_", "-", "+", "^", "~", "??", "{{", "}}", "{code}", "{code:swift}", "{noformat}", "{quote}", "{info}",
        "{panel:title=T}", "{panel}", "{color:red}", "{color}", "{*}", "[", "]", "|", "||", "[~accountid:5b10]", "[~jsmith]", "[text|https://x.io]",
        "!", "!a.png!", "\\\\", "\\", "&#92;", "# ", "** ", "#* ", "* ", "- ", "----", "\n", "\n\n", " ", "word", "(y)", ":)", "é",
    ]

    private static func randomText(_ fragments: [String], using random: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...60, using: &random)).map { _ in random.pick(fragments) }.joined()
    }

    /// Deletes, duplicates or swaps random byte ranges of `text` (which may split UTF-8 sequences).
    private static func mutate(_ text: String, using random: inout SeededGenerator) -> String {
        var bytes = Array(text.utf8)
        for _ in 0..<Int.random(in: 1...6, using: &random) where !bytes.isEmpty {
            let start = Int.random(in: 0..<bytes.count, using: &random)
            let end = min(bytes.count, start + Int.random(in: 0...40, using: &random))
            switch Int.random(in: 0..<3, using: &random) {
            case 0: bytes.removeSubrange(start..<end)
            case 1: bytes.insert(contentsOf: bytes[start..<end], at: Int.random(in: 0...bytes.count, using: &random))
            default: bytes.insert(contentsOf: Array(random.pick(markdownFragments + storageFragments + wikiFragments).utf8), at: start)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func applyAll(_ text: String) {
        for name in ["markdown_to_adf", "adf_to_markdown", "markdown_to_storage", "storage_to_markdown", "markdown_to_wiki", "wiki_to_markdown"] {
            guard let function = TextTransforms.function(named: name) else {
                Issue.record("\(name) is not registered")
                continue
            }
            _ = try? function(.string(text))
        }
    }

    @Test("random and mutated Markdown, storage and wiki text never crash any transform")
    func randomInputNeverCrashes() throws {
        var random = SeededGenerator(seed: 0x5249_4348_5445_5854)
        let document = MarkdownDocument(markdown: RichTextFixtures.representative)
        let seeds = [
            RichTextFixtures.representative,
            StorageWriter.write(document),
            WikiWriter.write(document),
            ADFWriter.write(document).serialized(),
        ]
        for round in 0..<200 {
            let text = switch round % 4 {
            case 0: Self.randomText(Self.markdownFragments, using: &random)
            case 1: Self.randomText(Self.storageFragments, using: &random)
            case 2: Self.randomText(Self.wikiFragments, using: &random)
            default: Self.mutate(random.pick(seeds), using: &random)
            }
            Self.applyAll(text)
            let adf = ADFWriter.write(MarkdownDocument(markdown: text))
            #expect(ADFInvariants.violations(in: adf).isEmpty, "\(text.debugDescription): \(ADFInvariants.violations(in: adf))")
            _ = ADFReader.read(adf).markdown
        }
    }

    static let adfTypes = [
        "doc", "paragraph", "text", "heading", "bulletList", "orderedList", "listItem", "taskList", "taskItem", "decisionList",
        "decisionItem", "codeBlock", "blockquote", "rule", "panel", "expand", "nestedExpand", "table", "tableRow", "tableHeader",
        "tableCell", "mediaSingle", "mediaGroup", "media", "mediaInline", "caption", "mention", "emoji", "date", "status", "inlineCard",
        "blockCard", "hardBreak", "extension", "bodiedExtension", "inlineExtension", "layoutSection", "layoutColumn", "placeholder", "mystery",
    ]
    static let adfMarks = ["strong", "em", "code", "strike", "link", "underline", "textColor", "subsup", "annotation", "bogus"]

    /// A random tree of ADF-shaped nodes: real and unknown types, odd attrs, marks and content.
    private static func randomADF(depth: Int, using random: inout SeededGenerator) -> JSONValue {
        var node = JSONObject()
        node["type"] = random.chance(95) ? .string(random.pick(adfTypes)) : random.value(depth: 3)
        if random.chance(60) {
            var attrs = JSONObject()
            for key in ["level", "order", "language", "panelType", "title", "id", "text", "shortName", "timestamp", "url", "state", "type", "alt"]
            where random.chance(15) {
                attrs[key] = random.chance(70) ? .string(random.pick(["1", "7", "-3", "swift", "info", "@Mia", ":smile:", "1709164800000", "https://x.io", "DONE", "external", ""])) : random.value(depth: 3)
            }
            node["attrs"] = .object(attrs)
        }
        if random.chance(50) { node["text"] = random.chance(90) ? .string(random.pick(SeededGenerator.strings + ["*", "\n", "a\nb"])) : 5 }
        if random.chance(30) {
            node["marks"] = .array((0..<Int.random(in: 0...3, using: &random)).map { _ in
                ["type": .string(random.pick(adfMarks)), "attrs": ["href": random.chance(80) ? "https://x.io" : 3]]
            })
        }
        if depth < 6, random.chance(70) {
            node["content"] = .array((0..<Int.random(in: 0...4, using: &random)).map { _ in randomADF(depth: depth + 1, using: &random) })
        }
        return .object(node)
    }

    @Test("random ADF trees never crash adf_to_markdown, and what it writes parses")
    func randomADFNeverCrashes() throws {
        var random = SeededGenerator(seed: 0x4144_4621)
        let function = try #require(TextTransforms.function(named: "adf_to_markdown"))
        for _ in 0..<300 {
            let adf = Self.randomADF(depth: 0, using: &random)
            guard let markdown = (try? function(adf))?.stringValue else { continue }
            let document = MarkdownDocument(markdown: markdown)
            #expect(MarkdownDocument(markdown: document.markdown) == document)
        }
    }

    @Test("Markdown written from any parsed document parses back to the same document")
    func writtenMarkdownIsStable() {
        var random = SeededGenerator(seed: 0x4D44_5354_4142_4C45)
        for _ in 0..<400 {
            let text = Self.randomText(Self.markdownFragments, using: &random)
            let document = MarkdownDocument(markdown: text)
            let written = document.markdown
            let reparsed = MarkdownDocument(markdown: written)
            #expect(reparsed == document, "input \(text.debugDescription) wrote \(written.debugDescription)")
        }
    }

    /// Inputs that are quadratic (or deeper than the stack) for naive parsers; each must finish quickly.
    @Test("pathological nesting and delimiter runs finish quickly in every transform", arguments: [
        String(repeating: ">", count: 3_000) + " x",
        String(repeating: "- ", count: 3_000) + "x",
        String(repeating: "[", count: 3_000) + String(repeating: "](u)", count: 3_000),
        String(repeating: "*a ", count: 3_000) + String(repeating: "b* ", count: 3_000),
        String(repeating: "**_~~", count: 1_500) + "x" + String(repeating: "~~_**", count: 1_500),
        String(repeating: "`", count: 3_000) + String(repeating: "a`", count: 3_000),
        String(repeating: "<div>", count: 3_000) + "x",
        String(repeating: "{quote}\n", count: 1_500) + "x",
        String(repeating: "*", count: 3_000) + "\n" + String(repeating: "#", count: 3_000) + " x",
        String(repeating: "[a](b \"", count: 1_500) + "\")",
        String(repeating: "<a b=\"", count: 1_500) + ">",
        String(repeating: "{{[!", count: 1_500),
    ])
    func pathologicalInputsFinish(text: String) {
        let elapsed = ContinuousClock().measure { Self.applyAll(text) }
        #expect(elapsed < .seconds(3))
    }

    @Test("a large document converts in every direction")
    func largeDocumentConverts() throws {
        let markdown = String(repeating: RichTextFixtures.representative + "\n\n", count: 60)
        let adf = try #require(TextTransforms.function(named: "markdown_to_adf"))
        let back = try #require(TextTransforms.function(named: "adf_to_markdown"))
        let document = try adf(.string(markdown))
        #expect(document["content"]?.arrayValue?.count == 9 * 60)
        #expect(try back(document).stringValue?.count ?? 0 > markdown.count / 2)
        Self.applyAll(markdown)
    }
}

/// Structural rules of the ADF schema that the writer must keep, checked without the schema itself.
enum ADFInvariants {
    static func violations(in document: JSONValue) -> [String] {
        var problems: [String] = []
        var stack: [(JSONValue, String)] = [(document, "doc")]
        while let (node, path) = stack.popLast() {
            let type = node["type"]?.stringValue ?? "?"
            let content = node["content"]?.arrayValue ?? []
            switch type {
            case "text":
                if node["text"]?.stringValue?.isEmpty != false { problems.append("\(path): empty text") }
                let marks = node["marks"]?.arrayValue?.compactMap { $0["type"]?.stringValue } ?? []
                if marks.contains("code"), marks.contains(where: { $0 != "code" && $0 != "link" }) { problems.append("\(path): code with \(marks)") }
            case "listItem":
                let first = content.first?["type"]?.stringValue
                if !["paragraph", "codeBlock", "mediaSingle"].contains(first ?? "") { problems.append("\(path): listItem starts with \(first ?? "nothing")") }
            case "bulletList", "orderedList", "taskList", "table":
                if content.isEmpty { problems.append("\(path): empty \(type)") }
            case "blockquote":
                for child in content where !["paragraph", "bulletList", "orderedList", "codeBlock", "mediaSingle"].contains(child["type"]?.stringValue ?? "") {
                    problems.append("\(path): blockquote holds \(child["type"]?.stringValue ?? "?")")
                }
                if content.isEmpty { problems.append("\(path): empty blockquote") }
            case "tableCell", "tableHeader":
                if content.isEmpty { problems.append("\(path): empty cell") }
            case "codeBlock":
                if content.contains(where: { $0["marks"] != nil || $0["type"]?.stringValue != "text" }) { problems.append("\(path): marked code") }
            default:
                break
            }
            for (index, child) in content.enumerated() { stack.append((child, "\(path)/\(type)[\(index)]")) }
        }
        return problems
    }
}
