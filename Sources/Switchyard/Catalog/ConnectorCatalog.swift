import Foundation

/// The connectors a runtime knows, loaded from manifest files.
///
/// A broken manifest never hides the others: it is skipped and its problems are kept in ``problems``
/// for the caller to report.
///
/// ```swift
/// let catalog = ConnectorCatalog.load(directories: ["manifests", "~/my-connectors"])
/// for problem in catalog.problems { print(problem) }
/// catalog.connector("jira")?.entity("issues")
/// ```
public struct ConnectorCatalog: Sendable {
    public internal(set) var connectors: [ConnectorManifest]
    /// Problems of manifests that were skipped.
    public internal(set) var problems: [ManifestProblem]
    /// Why names hidden by an ``ExposurePolicy`` are unavailable, keyed `connector` or `connector/entity/action`.
    var hidden: [String: String] = [:]

    public init(connectors: [ConnectorManifest], problems: [ManifestProblem] = []) {
        self.connectors = connectors
        self.problems = problems
    }

    public func connector(_ name: String) -> ConnectorManifest? {
        connectors.first { $0.name == name }
    }

    /// Loads every `*.json` file of the directories in order; a later manifest with the same name replaces
    /// an earlier one, so user directories listed after the bundled one override it. The manifests of a
    /// directory that `decoding` names decode their entities as it says, the others at once.
    public static func load(directories: [String], decoding: [String: ManifestDecoding] = [:]) -> ConnectorCatalog {
        var catalog = ConnectorCatalog(connectors: [])
        for directory in directories {
            for file in manifestFiles(in: directory, problems: &catalog.problems) {
                catalog.add(file: file, decoding: decoding[directory] ?? .eager)
            }
        }
        return catalog
    }

    /// Loads one file; on failure records its problems and leaves the catalog as it was.
    public mutating func add(file: String, decoding: ManifestDecoding = .eager) {
        do {
            let manifest = try ManifestDecoder.decode(file: file, decoding: decoding)
            connectors.removeAll { $0.name == manifest.name }
            connectors.append(manifest)
        } catch {
            problems += error.problems
        }
    }

    /// The JSON files directly in `directory`, sorted, or the path itself when it is a file.
    public static func manifestFiles(in path: String, problems: inout [ManifestProblem]) -> [String] {
        let expanded = NSString(string: path).expandingTildeInPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isDirectory) else {
            problems.append(ManifestProblem(file: path, pointer: .root, message: "no such file or directory"))
            return []
        }
        guard isDirectory.boolValue else { return [expanded] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: expanded)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { (expanded as NSString).appendingPathComponent($0) }
    }
}
