import Foundation
import Switchyard

/// Action search: how often the bundled catalog's index picks the intended action for the task set, and how
/// long one query takes over more than 5,000 actions (the bundled catalog replicated under renamed connectors).
struct SearchBenchmark {
    let rounds: Int

    /// The task set the tests also use, found from this source file's location.
    static let tasksFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tests/SwitchyardTests/Fixtures/search-tasks.json").path

    func run(into report: inout BenchmarkReport) throws {
        let catalog = ConnectorCatalog.load(directories: [BenchmarkFixtures.bundledManifests])
        guard catalog.problems.isEmpty else { throw BenchmarkFailure("bundled manifests did not load: \(catalog.problems.prefix(3))") }
        let tasks = try SearchEvaluation.Task.load(file: Self.tasksFile)
        let quality = SearchEvaluation(index: ActionIndex(catalog: catalog), tasks: tasks)
        report.addNote(
            "search: selection over \(quality.count) tasks (\(catalog.connectors.count) connectors, \(ActionIndex(catalog: catalog).count) actions)",
            value: String(format: "top-1 %.1f%%, top-3 %.1f%%, MRR %.3f", quality.top1 * 100, quality.top3 * 100, quality.meanReciprocalRank),
            target: "top-1 ≥ 90%, top-3 ≥ 98%"
        )
        for miss in quality.misses {
            FileHandle.standardError.write(Data("search miss: \(miss)\n".utf8))
        }

        let large = try Self.replicated(catalog, toAtLeast: 5000)
        var index = ActionIndex(manifests: [])
        let build = measure { index = ActionIndex(manifests: large) }
        var samples: [Double] = []
        var found = 0
        for _ in 0..<rounds {
            for task in tasks {
                let started = ContinuousClock.now
                let matches = try index.search(task.query, limit: 5)
                samples.append(started.duration(to: .now).milliseconds)
                found += matches.isEmpty ? 0 : 1
            }
        }
        guard found > 0 else { throw BenchmarkFailure("the replicated index found nothing") }
        let statistics = Statistics(samples)
        let sorted = samples.sorted()
        let p99 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
        report.add("search: rank \(index.count) actions, one query", statistics, unit: "ms", target: "≤ 2 ms")
        report.addNote("  p99 of those \(samples.count) queries", value: String(format: "%.3f ms", p99), target: "≤ 2 ms")
        report.addNote("  index build over \(index.count) actions", value: String(format: "%.1f ms", build), target: nil)
    }

    /// Copies of the catalog's manifests under new connector names (`jira-copy3`) until there are `count` actions.
    static func replicated(_ catalog: ConnectorCatalog, toAtLeast count: Int) throws -> [ConnectorManifest] {
        var manifests: [ConnectorManifest] = []
        var actions = 0
        var copy = 0
        while actions < count {
            copy += 1
            for manifest in catalog.connectors {
                guard let data = FileManager.default.contents(atPath: manifest.source), var json = try? JSONValue(parsing: data),
                      case .object(var object) = json else { throw BenchmarkFailure("cannot re-read \(manifest.source)") }
                object["name"] = .string("\(manifest.name)-copy\(copy)")
                json = .object(object)
                let renamed = try ManifestDecoder.decode(json, source: manifest.source)
                manifests.append(renamed)
                actions += renamed.entities.reduce(0) { $0 + $1.actions.count }
            }
        }
        return manifests
    }

    private func measure(_ body: () -> Void) -> Double {
        let started = ContinuousClock.now
        body()
        return started.duration(to: .now).milliseconds
    }
}
