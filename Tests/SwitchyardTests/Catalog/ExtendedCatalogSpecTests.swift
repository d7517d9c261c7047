import Foundation
import Testing
@testable import Switchyard

/// The bundled companion catalogues against the Atlassian specs they were generated from: every generated
/// action calls an operation the spec has, at the path the site serves it on, and every operation of the
/// spec that a curated action does not already call has an action.
@Suite("Extended catalogue against Atlassian's specs", .enabled(if: OpenAPISpecs.available, "Atlassian's OpenAPI specs are not beside the repo (../shared/specs); skipping"))
struct ExtendedCatalogSpecTests {
    /// Companion file, spec file, the path prefix the site serves the spec's paths under, and the spec
    /// paths `scripts/generate-extended-catalogs.sh` leaves out.
    static let companions: [(file: String, spec: String, prefix: String, leftOut: @Sendable (String, [String]) -> Bool)] = [
        ("jira.json", "jira-platform-v3.json", "", { _, _ in false }),
        ("jira.software.json", "jira-software-agile.json", "", { path, _ in !path.hasPrefix("/rest/agile/") }),
        ("confluence.json", "confluence-v2.json", "/wiki/api/v2", { _, _ in false }),
        ("confluence.v1.json", "confluence-v1.json", "", { path, tags in
            path.hasPrefix("/atlassian-connect/") || tags.contains { ["Content properties", "Space properties", "Dynamic modules", "Experimental"].contains($0) }
        }),
    ]

    /// `GET /rest/api/3/issue/{}`.
    static func key(_ method: String, _ path: String) -> String {
        "\(method.uppercased()) \(path.replacingOccurrences(of: #"\{[^}]*\}"#, with: "{}", options: .regularExpression))"
    }

    @Test("each companion's actions are the spec's operations, less those a curated action calls", arguments: companions.indices)
    func companionMatchesSpec(index: Int) throws {
        let companion = Self.companions[index]
        let specsDirectory = try #require(OpenAPISpecs.directory)
        let spec = try JSONValue(parsing: Data(contentsOf: URL(fileURLWithPath: specsDirectory + "/" + companion.spec)))
        var operations: Set<String> = []
        for path in spec["paths"]?.objectValue ?? JSONObject() {
            for method in ["get", "put", "post", "delete", "patch", "head"] {
                guard let operation = path.value[method] else { continue }
                let tags = operation["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
                if !companion.leftOut(path.key, tags) { operations.insert(Self.key(method, companion.prefix + path.key)) }
            }
        }
        let file = SandboxHarness.manifestsDirectory + "/extended/" + companion.file
        let manifest = try ManifestDecoder.decode(file: file)
        let generated = manifest.entities.flatMap { $0.actions.map { Self.key($0.request.method.rawValue, $0.request.path.source) } }
        #expect(Set(generated) == operations, "\(companion.file): extra \(Set(generated).subtracting(operations).sorted().prefix(5)), missing \(operations.subtracting(generated).sorted().prefix(5))")

        // Loaded, the curated actions' operations are taken out and nothing else is lost.
        let extended = ConnectorCatalog.load(directories: [SandboxHarness.manifestsDirectory], level: .extended)
        let connector = try #require(extended.connector(manifest.name))
        let curated = Set(connector.entities.filter { !$0.generated }.flatMap { $0.actions.map { Self.key($0.request.method.rawValue, $0.request.path.source) } })
        let kept = Set(connector.entities.filter(\.generated).flatMap { $0.actions.map { Self.key($0.request.method.rawValue, $0.request.path.source) } })
        #expect(operations.subtracting(curated).isSubset(of: kept), "\(companion.file): \(operations.subtracting(curated).subtracting(kept).sorted().prefix(5))")
    }
}
