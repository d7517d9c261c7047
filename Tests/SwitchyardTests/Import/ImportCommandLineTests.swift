import Foundation
import Testing
@testable import Switchyard

@Suite("switchyard import openapi")
struct ImportCommandLineTests {
    @Test("writes the manifest, prints the report on stderr and exits 0")
    func importsFixture() throws {
        let output = try CommandLine.run(["import", "openapi", ImportFixtures.path("petstore-3.0.yaml")])
        #expect(output.status == 0, "\(output.stderr)")
        let manifest = try JSONValue(parsing: output.stdout)
        #expect(manifest["name"] == "pet-store")
        #expect(output.stderr.hasPrefix("4 operations: 4 imported, 0 skipped"))
        #expect(output.stderr.contains("GET /pets/{petId} → pets.get"))
    }

    @Test("a YAML syntax error exits 1 naming the file")
    func syntaxErrorExits1() throws {
        let output = try CommandLine.run(["import", "openapi", ImportFixtures.path("broken-syntax.yaml")])
        #expect(output.status == 1)
        #expect(output.stderr.contains("broken-syntax.yaml"))
        #expect(output.stderr.contains("YAML syntax error"))
        #expect(output.stdout.isEmpty)
    }

    @Test(
        "two runs (two processes) give byte-identical manifests",
        .enabled(if: OpenAPISpecs.available, "Atlassian's OpenAPI specs are not beside the repo (../shared/specs); skipping")
    )
    func deterministicAcrossProcesses() throws {
        let spec = (OpenAPISpecs.directory ?? "") + "/jira-software-agile.json"
        let first = try CommandLine.run(["import", "openapi", spec, "--name", "agile"])
        let second = try CommandLine.run(["import", "openapi", spec, "--name", "agile"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        #expect(first.stderr == second.stderr)
    }
}
