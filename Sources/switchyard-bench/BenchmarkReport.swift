import Foundation

/// The table the benchmark prints: each figure with median, min and max, and its target.
struct BenchmarkReport {
    private var rows: [(figure: String, measured: String, range: String, target: String)] = []
    let machine: String

    init(machine: String) {
        self.machine = machine
    }

    mutating func add(_ figure: String, _ statistics: Statistics, unit: String, target: String?) {
        rows.append((
            figure,
            String(format: "%.3f %@", statistics.median, unit),
            String(format: "%.3f – %.3f (n=%d)", statistics.minimum, statistics.maximum, statistics.count),
            target ?? ""
        ))
    }

    mutating func addNote(_ figure: String, value: String, target: String?) {
        rows.append((figure, value, "", target ?? ""))
    }

    func render() -> String {
        var lines = ["Switchyard benchmark — \(machine)", "", "| figure | median | min – max | target |", "|---|---|---|---|"]
        lines += rows.map { "| \($0.figure) | \($0.measured) | \($0.range) | \($0.target) |" }
        return lines.joined(separator: "\n")
    }

    static func machineDescription() -> String {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        var model = "unknown CPU"
        if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }) {
            model = line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? model
        }
        return String(format: "%@, %d cores, %.0f GiB", model, cores, memory)
    }
}
