import Foundation
import Synchronization
import Testing
@testable import Switchyard

/// Manifests decoded `.onFirstUse`: the same connector as an eager decode, its actions decoded only when read.
@Suite("Manifests decoded on first use")
struct LazyManifestTests {
    /// Problems reported by lazy decodes, and how many times a report came.
    final class Reports: Sendable {
        private let collected = Mutex<[[ManifestProblem]]>([])
        var decoding: ManifestDecoding { .onFirstUse { problems in self.collected.withLock { $0.append(problems) } } }
        var all: [[ManifestProblem]] { collected.withLock { $0 } }
    }

    private static var bundledFiles: [String] {
        var problems: [ManifestProblem] = []
        return ConnectorCatalog.manifestFiles(in: SandboxHarness.repositoryRoot + "/manifests", problems: &problems)
    }

    /// A two-entity manifest whose `broken` entity has an action with a placeholder no param declares.
    private static let brokenManifest: JSONValue = [
        "name": "demo", "title": "Demo", "version": "1.0.0", "description": "A demo service.",
        "base_url": "https://demo.example.com",
        "toolsets": ["default": ["description": "Everyday things.", "actions": ["things.get"]]],
        "entities": [
            "things": ["description": "Things.", "actions": ["get": ManifestDecoderTests.validAction]],
            "broken": ["description": "Broken.", "actions": [
                "get": ["description": "Get one.", "params": ["type": "object", "properties": [:]], "request": ["method": "GET", "path": "/broken/{nope}"]],
            ]],
        ],
    ]

    @Test("every bundled manifest decodes on first use to the same entities, actions and toolsets as at once")
    func bundledManifestsMatchEagerDecode() throws {
        #expect(Self.bundledFiles.count >= 4)
        for file in Self.bundledFiles {
            let eager = try ManifestDecoder.decode(file: file)
            let reports = Reports()
            let lazy = try ManifestDecoder.decode(file: file, decoding: reports.decoding)
            #expect(lazy.entities.map(\.name) == eager.entities.map(\.name), "\(file)")
            #expect(lazy.entities.flatMap { $0.actions.map(\.name) } == eager.entities.flatMap { $0.actions.map(\.name) }, "\(file)")
            #expect(lazy.toolsets.map(\.name) == eager.toolsets.map(\.name), "\(file)")
            #expect(lazy.entities.flatMap { $0.actions.map(\.description) } == eager.entities.flatMap { $0.actions.map(\.description) }, "\(file)")
            #expect(reports.all.isEmpty, "\(file): \(reports.all)")
        }
    }

    @Test("every bundled manifest keeps entities last, so start-up reads its header without skimming its actions")
    func bundledManifestsEndWithEntities() throws {
        for file in Self.bundledFiles {
            let bytes = try #require(FileManager.default.contents(atPath: file).map { [UInt8]($0) })
            let keys = try bytes.withUnsafeBufferPointer { buffer throws(JSONParseError) in
                try JSONParser.members(buffer, in: 0..<buffer.count).map(\.key)
            }
            #expect(keys.last == "entities", "\(file): \(keys)")
        }
    }

    /// `header` (top-level members without braces) then `tail`, written to a file and decoded on first use.
    private func decodeFile(_ header: String, _ tail: String, reports: Reports) throws -> ConnectorManifest {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lazy-\(UUID().uuidString).json").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(("{" + header + tail + "}\n").utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try ManifestDecoder.decode(file: path, decoding: reports.decoding)
    }

    private static let header = #""name": "demo", "title": "Demo", "version": "1.0.0", "description": "A demo service.", "base_url": "https://demo.example.com""#

    @Test("entities that come last are not read at load: a broken bracket in them is found only when they are used")
    func trailingEntitiesAreNotSkimmedAtLoad() throws {
        let reports = Reports()
        let manifest = try decodeFile(Self.header, #", "entities": {"things": {"description": "[", "actions": {"get": [}}}"#, reports: reports)
        #expect(manifest.name == "demo")
        #expect(reports.all.isEmpty)
        #expect(manifest.entities.isEmpty)
        let problem = try #require(reports.all.first?.first)
        #expect(problem.pointer.description == "/entities")
        #expect(problem.message.contains("not valid JSON"))
    }

    @Test("a member after entities whose value is an object is reported when the entities are read")
    func memberAfterEntitiesIsReported() throws {
        let reports = Reports()
        let manifest = try decodeFile(
            Self.header,
            #", "entities": {"things": {"description": "Things.", "actions": {}}}, "toolsets": {"default": {"description": "x", "actions": []}}"#,
            reports: reports
        )
        _ = manifest.entities
        let problem = try #require(reports.all.first?.first)
        #expect(problem.pointer.description == "/entities")
        #expect(problem.message.contains("unexpected content"))
    }

    @Test("entities followed by a member that is not an object are skimmed as before, and every member is read")
    func entitiesNotLastAreSkimmed() throws {
        let reports = Reports()
        let manifest = try decodeFile(
            #""name": "demo", "title": "Demo", "description": "A demo service.", "base_url": "https://demo.example.com""#,
            #", "entities": {"things": {"description": "Things.", "actions": {"get": {"description": "Get one.", "params": {"type": "object", "properties": {}}, "request": {"method": "GET", "path": "/things"}}}}}, "version": "2.0.0""#,
            reports: reports
        )
        #expect(manifest.version == "2.0.0")
        #expect(manifest.entities.map(\.name) == ["things"])
        #expect(reports.all.isEmpty)
    }

    @Test("a problem in the actions is reported when they are first read, once, and the actions that decode stay")
    func problemsAreReportedOnFirstRead() throws {
        #expect(throws: ManifestError.self) { try ManifestDecoder.decode(Self.brokenManifest, source: "demo.json") }
        let reports = Reports()
        let manifest = try ManifestDecoder.decode(Self.brokenManifest, source: "demo.json", decoding: reports.decoding)
        #expect(manifest.entity("things")?.action("get") != nil)
        #expect(manifest.toolsets.map(\.name) == ["default"])
        #expect(reports.all.count == 1)
        let problem = try #require(reports.all.first?.first)
        #expect(problem.file == "demo.json")
        #expect(problem.pointer.description == "/entities/broken/actions/get/request/path")
        #expect(problem.message.contains("{nope}"))
    }

    @Test("a catalog that offers every action leaves a lazy manifest undecoded through selection")
    func selectingEverythingDecodesNothing() throws {
        let reports = Reports()
        let catalog = ConnectorCatalog(connectors: [try ManifestDecoder.decode(Self.brokenManifest, source: "demo.json", decoding: reports.decoding)])
        let selected = try catalog.selecting(ToolSelection(), defaultToolsets: false)
        #expect(selected.connectors.map(\.name) == ["demo"])
        #expect(reports.all.isEmpty)
        // Naming a toolset needs the actions.
        _ = try catalog.selecting(ToolSelection(toolsets: "demo:default"), defaultToolsets: false)
        #expect(reports.all.count == 1)
    }

    @Test("a manifest file read on first use parses only its header now; bad JSON in its entities is reported when they are read")
    func fileEntitiesParseOnFirstUse() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lazy-json-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var text = String(decoding: Self.brokenManifest.serializedBytes(pretty: true), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"Things.\"", with: "Things.")
        try text.write(toFile: directory + "/demo.json", atomically: true, encoding: .utf8)

        #expect(throws: ManifestError.self) { try ManifestDecoder.decode(file: directory + "/demo.json") }
        let reports = Reports()
        let manifest = try ManifestDecoder.decode(file: directory + "/demo.json", decoding: reports.decoding)
        #expect(manifest.name == "demo")
        #expect(reports.all.isEmpty)
        #expect(manifest.entities.isEmpty)
        let problem = try #require(reports.all.first?.first)
        #expect(problem.pointer.description == "/entities")
        #expect(problem.message.contains("not valid JSON") && problem.message.contains("line"))

        // A broken header is refused at once, as always.
        try "{\"name\": \"demo\", \"entities\": {}".write(toFile: directory + "/demo.json", atomically: true, encoding: .utf8)
        #expect(throws: ManifestError.self) { try ManifestDecoder.decode(file: directory + "/demo.json", decoding: reports.decoding) }
    }

    @Test("loading a directory decodes the manifests it names on first use, and the others at once")
    func loadDecodesByDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lazy-manifests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data(Self.brokenManifest.serializedBytes()).write(to: URL(fileURLWithPath: directory + "/demo.json"))

        let eager = ConnectorCatalog.load(directories: [directory])
        #expect(eager.connectors.isEmpty)
        #expect(!eager.problems.isEmpty)

        let reports = Reports()
        let lazy = ConnectorCatalog.load(directories: [directory], level: .curated, decoding: [directory: reports.decoding])
        #expect(lazy.connectors.map(\.name) == ["demo"])
        #expect(lazy.problems.isEmpty)
        #expect(reports.all.isEmpty)
        _ = lazy.connector("demo")?.entities
        #expect(reports.all.count == 1)
    }
}
