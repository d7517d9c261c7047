import Foundation
import Testing
@testable import Switchyard

/// The ADF that markdown_to_adf writes validates against Atlassian's published ADF JSON Schema.
///
/// The schema lives beside the repository (`<repo>/../shared/specs/adf-schema.json`) and is checked with
/// Python's `jsonschema` (Draft 4); without either the tests are skipped.
@Suite("ADF schema validation")
struct ADFSchemaValidationTests {
    static let schemaPath: String = {
        let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared/specs/adf-schema.json").path
    }()

    /// Whether the schema file, `python3` and its `jsonschema` module are all present.
    static let validatorAvailable: Bool = {
        guard FileManager.default.fileExists(atPath: schemaPath) else { return false }
        let probe = "import importlib.util, sys; sys.exit(importlib.util.find_spec('jsonschema') is None)"
        return (try? run(["-c", probe]).status) == 0
    }()

    /// Markdown whose ADF must validate: the representative document and the awkward cases (content a
    /// container cannot hold, code mixed with other marks, empty things, deep nesting).
    static let edgeCases: [String] = [
        RichTextFixtures.representative,
        "",
        "**bold `code` inside** and [`linked code`](https://example.com) and ~~*both*~~",
        "- - list as the first thing in an item\n-\n- [ ] task\n  - [x] nested task\n  - [ ] another",
        "> # heading in a quote\n> > nested quote\n>\n> ---\n>\n> | a | b |\n> | - | - |\n> | 1 | 2 |\n>\n> - [ ] task in a quote",
        "1. one\n\n   second paragraph\n\n   ```js\n   x()\n   ```\n\n   > quote in an item\n\n   # heading in an item",
        "![chart](https://example.com/chart.png)\n\ntext with ![inline image](https://example.com/b.png) inside",
        "hard  \nbreak\\\nand soft\nbreak <br> and html",
        "| only header |\n| --- |\n\n|  |  |\n| --- | --- |\n|  | x |",
        "```\n```\n\n#\n\n0. zero start\n\n@[](accountId:abc) @[jsmith](username:jsmith)",
        "- [ ] task holding code\n  ```\n  code\n  ```",
        (0..<12).map { String(repeating: "  ", count: $0) + "- level \($0)" }.joined(separator: "\n"),
        String(repeating: "> ", count: 40) + "deep quote",
        String(repeating: "*a ", count: 40) + String(repeating: "b* ", count: 40),
    ]

    /// A document the schema must reject: a text node with empty text.
    static let brokenDocument: JSONValue = [
        "type": "doc", "version": 1,
        "content": [["type": "paragraph", "content": [["type": "text", "text": ""]]]],
    ]

    /// Validation results for every edge case, then the broken document: the errors found for each.
    static let results: [[String]] = {
        var documents = edgeCases.map { ADFWriter.write(MarkdownDocument(markdown: $0)) }
        documents.append(brokenDocument)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-adf-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            try JSONValue.array(documents).serialized().write(to: file, atomically: true, encoding: .utf8)
            let script = """
                import json, sys, jsonschema
                schema = json.load(open(sys.argv[1]))
                validator = jsonschema.Draft4Validator(schema)
                docs = json.load(open(sys.argv[2]))
                print(json.dumps([[e.message[:200] for e in validator.iter_errors(d)][:3] for d in docs]))
                """
            let output = try run(["-c", script, schemaPath, file.path])
            let parsed = try JSONValue(parsing: output.text)
            return (parsed.arrayValue ?? []).map { ($0.arrayValue ?? []).compactMap(\.stringValue) }
        } catch {
            return [["validator failed: \(error)"]]
        }
    }()

    @Test("ADF written for the representative document and edge cases validates against adf-schema.json",
          .enabled(if: validatorAvailable, "needs ../shared/specs/adf-schema.json and python3 with jsonschema"))
    func writtenADFIsSchemaValid() {
        #expect(Self.results.count == Self.edgeCases.count + 1)
        for (index, errors) in Self.results.prefix(Self.edgeCases.count).enumerated() {
            #expect(errors.isEmpty, "edge case \(index): \(errors)")
        }
    }

    @Test("the schema check rejects a deliberately broken document (empty text node)",
          .enabled(if: validatorAvailable, "needs ../shared/specs/adf-schema.json and python3 with jsonschema"))
    func brokenDocumentIsRejected() {
        #expect(Self.results.last?.isEmpty == false)
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
