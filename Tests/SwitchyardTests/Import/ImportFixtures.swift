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
