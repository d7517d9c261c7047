import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import Switchyard
import SwitchyardServer

/// `switchyard-bench`: measures Switchyard against the cost of the HTTP call itself and prints a table.
///
/// Run it in release mode (`scripts/bench.sh`); `--quick` runs a few iterations of each figure as a smoke
/// test and asserts nothing about time.
@main
struct BenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchyard-bench",
        abstract: "Benchmark cold start, per-call overhead, throughput, memory, large payloads, definition scale, pagination and action search."
    )

    @Flag(help: "A few iterations of everything, for CI; figures are not meaningful.")
    var quick = false

    @Option(help: "The switchyard executable to spawn (default: next to this one).")
    var serve: String?

    @Flag(help: "Only the action-search figures (no sandbox, no child processes).")
    var searchOnly = false

    func run() async throws {
        let plan = BenchmarkPlan(quick: quick)
        if searchOnly {
            var report = BenchmarkReport(machine: BenchmarkReport.machineDescription())
            try SearchBenchmark(rounds: plan.searchRounds).run(into: &report)
            print(report.render())
            return
        }
        let executable = serve ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("switchyard").path
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw ValidationError("no switchyard executable at \(executable); build it first (swift build -c release)")
        }
        let sandbox = try SandboxProcess(executable: executable)
        defer { sandbox.stop() }
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        try await sandbox.serveHugeBodies(bytes: BenchmarkFixtures.payloadBytes, pathPrefix: "/__sandbox/big", client: client)
        let fixtures = try BenchmarkFixtures(baseURL: sandbox.baseURL)
        defer { fixtures.remove() }
        var report = BenchmarkReport(machine: BenchmarkReport.machineDescription())
        let benchmarks = Benchmarks(plan: plan, executable: executable, sandbox: sandbox, client: client, fixtures: fixtures)

        try await benchmarks.coldStart(into: &report)
        try await benchmarks.perCallLatency(into: &report)
        try await benchmarks.throughput(into: &report)
        try await benchmarks.memory(into: &report)
        try await benchmarks.largePayload(into: &report)
        try await benchmarks.definitionScale(into: &report)
        try await benchmarks.autoPagination(into: &report)
        try SearchBenchmark(rounds: plan.searchRounds).run(into: &report)

        try await client.shutdown()
        print(report.render())
    }
}

/// How many iterations each figure runs.
struct BenchmarkPlan {
    let coldStarts: Int
    let sequentialCalls: Int
    let pipelinedCalls: Int
    let memoryCalls: Int
    let largePayloadRuns: Int
    let scaleRuns: Int
    let paginationRuns: Int
    let searchRounds: Int

    init(quick: Bool) {
        coldStarts = quick ? 3 : 20
        sequentialCalls = quick ? 50 : 2000
        pipelinedCalls = quick ? 200 : 10_000
        memoryCalls = quick ? 200 : 10_000
        largePayloadRuns = quick ? 3 : 30
        scaleRuns = quick ? 2 : 10
        paginationRuns = quick ? 1 : 5
        searchRounds = quick ? 1 : 20
    }
}
