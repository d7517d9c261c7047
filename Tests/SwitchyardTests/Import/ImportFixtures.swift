import Foundation
import Switchyard
import SwitchyardImport

/// The hand-written OpenAPI fixtures (`Fixtures/openapi`) and helpers to import and check them.
enum ImportFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/openapi").path

    static func path(_ name: String) -> String { directory + "/" + name }

    static func importFixture(_ name: String, options: ImportOptions = ImportOptions()) throws(ImportError) -> OpenAPIImporter.Result {
        try OpenAPIImporter(options: options).importSpec(file: path(name))
    }

    /// The action `entity.action` of a generated manifest.
    static func action(_ id: String, in manifest: JSONValue) -> JSONValue? {
        let parts = id.split(separator: ".").map(String.init)
        guard parts.count == 2 else { return nil }
        return manifest["entities"]?[parts[0]]?["actions"]?[parts[1]]
    }

    /// How many operations a raw OpenAPI document has (methods a path item may hold).
    static func operationCount(_ document: JSONValue) -> Int {
        let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        return (document["paths"]?.objectValue ?? JSONObject()).reduce(0) { count, item in
            count + methods.filter { item.value[$0] != nil }.count
        }
    }
}

/// Atlassian's four descriptions (`../shared/specs`), each imported once per test run and shared by the tests
/// that read it: an import of Jira platform v3 is slow in a debug build on a busy machine.
enum AtlassianImports {
    /// The connector name each description is imported as, and the path its base URL adds in front of the
    /// description's paths when the sandbox serves it.
    static let names: [String: (name: String, basePath: String)] = [
        "jira-platform-v3.json": ("jira-imported", ""),
        "jira-software-agile.json": ("agile-imported", ""),
        "confluence-v2.json": ("confluence-imported", "/wiki/api/v2"),
        "confluence-v1.json": ("confluence-v1-imported", ""),
    ]

    /// One import per description, started on first use. Each runs on a thread of its own: a long import
    /// must not hold one of the few threads of the cooperative pool that every other test's async work needs.
    private static let imports: [String: Task<OpenAPIImporter.Result, any Error>] = Dictionary(uniqueKeysWithValues: names.keys.map { file in
        (file, Task {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<OpenAPIImporter.Result, any Error>) in
                Thread { continuation.resume(with: load(file).mapError { $0 as any Error }) }.start()
            }
        })
    })

    static func result(_ file: String) async throws -> OpenAPIImporter.Result {
        guard let task = imports[file] else { throw ImportError(file: file, message: "not one of the bundled descriptions") }
        return try await task.value
    }

    private static func load(_ file: String) -> Result<OpenAPIImporter.Result, ImportError> {
        var options = ImportOptions()
        options.name = names[file]?.name
        return Result { () throws(ImportError) in try OpenAPIImporter(options: options).importSpec(file: (OpenAPISpecs.directory ?? "") + "/" + file) }
    }
}
