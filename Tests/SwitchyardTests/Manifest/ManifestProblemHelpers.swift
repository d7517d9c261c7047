import Testing
@testable import Switchyard

/// A one-action manifest around `action`, for manifest check tests.
func demoManifest(action: JSONValue) -> JSONValue {
    [
        "name": "demo", "title": "Demo", "version": "1.0.0", "description": "A demo service.",
        "base_url": "https://demo.example.com",
        "entities": ["things": ["description": "Things.", "actions": ["act": action]]],
    ]
}

/// The problems a manifest has, each as `pointer: message`; empty when it decodes.
func manifestProblems(_ json: JSONValue) -> [String] {
    do {
        _ = try ManifestDecoder.decode(json, source: "demo.json")
        return []
    } catch {
        return error.problems.map { "\($0.pointer): \($0.message)" }
    }
}

/// Whether one of `problems` is at `pointer` and mentions `fragment`.
func hasProblem(_ problems: [String], _ pointer: String, _ fragment: String) -> Bool {
    problems.contains { $0.hasPrefix(pointer + ": ") && $0.contains(fragment) }
}
