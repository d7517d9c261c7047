import AsyncHTTPClient
import AtlassianSandbox
import Foundation
import NIOCore
import NIOHTTP1
import Switchyard
import SwitchyardServer

/// The seven figures of the benchmark suite.
struct Benchmarks {
    let plan: BenchmarkPlan
    let executable: String
    let sandbox: SandboxProcess
    /// The client of the raw-HTTP baseline.
    let client: HTTPClient
    let fixtures: BenchmarkFixtures

    private var issueRequest: String {
        #"{"jsonrpc":"2.0","id":ID,"method":"execute","params":{"connector":"jira","entity":"issues","action":"get","params":{"issue":"DEMO-1"}}}"#
    }

    private func startServe(extraArguments: [String] = []) throws -> ServeProcess {
        try ServeProcess(executable: executable, arguments: ["serve"] + extraArguments, environment: fixtures.environment)
    }

    // MARK: 1. Cold start

    func coldStart(into report: inout BenchmarkReport) async throws {
        for (label, request) in [
            ("cold start to `initialize` reply", #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}"#),
            ("cold start to `server/discover` reply", #"{"jsonrpc":"2.0","id":1,"method":"server/discover","params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}}}"#),
        ] {
            var samples: [Double] = []
            for _ in 0..<plan.coldStarts {
                let started = ContinuousClock.now
                let serve = try startServe()
                guard serve.call(request, id: "1") != nil else { throw BenchmarkFailure("no reply to \(label)") }
                samples.append(started.duration(to: .now).milliseconds)
                serve.stop()
            }
            report.add(label, Statistics(samples), unit: "ms", target: label.contains("initialize") ? "≤ 20 ms" : nil)
        }
    }

    // MARK: 2. Per-call latency

    func perCallLatency(into report: inout BenchmarkReport) async throws {
        let serve = try startServe()
        var executeSamples: [Double] = []
        for index in 0..<plan.sequentialCalls {
            let started = ContinuousClock.now
            guard let reply = serve.call(issueRequest.replacingOccurrences(of: "ID", with: String(index)), id: String(index)),
                  ServeProcess.head(of: reply).contains(#""ok":true"#) else { throw BenchmarkFailure("execute \(index) failed") }
            executeSamples.append(started.duration(to: .now).milliseconds)
        }
        serve.stop()

        var rawSamples: [Double] = []
        let authorization = "Basic " + Data("\(SandboxCredentials.email):\(SandboxCredentials.apiToken)".utf8).base64EncodedString()
        for _ in 0..<plan.sequentialCalls {
            var request = HTTPClientRequest(url: sandbox.baseURL + "/rest/api/3/issue/DEMO-1")
            request.headers.add(name: "Authorization", value: authorization)
            request.headers.add(name: "Accept", value: "application/json")
            let started = ContinuousClock.now
            let response = try await client.execute(request, timeout: .seconds(10))
            _ = try await response.body.collect(upTo: 16 * 1024 * 1024)
            rawSamples.append(started.duration(to: .now).milliseconds)
        }
        let inProcess = try await inProcessExecutes()
        let execute = Statistics(executeSamples)
        let raw = Statistics(rawSamples)
        report.add("raw HTTP GET, same URL, same client, in-process", raw, unit: "ms", target: nil)
        report.add("`execute jira issues get` in-process (library, no stdio)", inProcess, unit: "ms", target: nil)
        report.add("`execute jira issues get` over stdio", execute, unit: "ms", target: nil)
        report.addNote(
            "added cost per execute over the raw HTTP call",
            value: String(format: "%.3f ms (%.0f µs; ratio %.2f×)", execute.median - raw.median, (execute.median - raw.median) * 1000, execute.median / max(raw.median, 0.0001)),
            target: "≤ 0.15 ms median"
        )
    }

    /// The same execute through the library in this process, to separate the runtime's own cost from the
    /// stdio round trip.
    private func inProcessExecutes() async throws -> Statistics {
        let settings = RuntimeSettings(environment: fixtures.environment)
        let runtime = SwitchyardRuntime(catalog: ConnectorCatalog.load(directories: [BenchmarkFixtures.bundledManifests]), settings: settings)
        var samples: [Double] = []
        let request = ExecuteRequest(connector: "jira", entity: "issues", action: "get", params: ["issue": "DEMO-1"])
        for _ in 0..<plan.sequentialCalls {
            let started = ContinuousClock.now
            guard await runtime.execute(request).isSuccess else { throw BenchmarkFailure("in-process execute failed") }
            samples.append(started.duration(to: .now).milliseconds)
        }
        try await runtime.shutdown()
        return Statistics(samples)
    }

    // MARK: 3. Throughput

    func throughput(into report: inout BenchmarkReport) async throws {
        for inFlight in [16, 64] {
            let serve = try startServe()
            let total = plan.pipelinedCalls
            var sent = 0
            var received = 0
            let started = ContinuousClock.now
            while sent < min(inFlight, total) {
                serve.send(issueRequest.replacingOccurrences(of: "ID", with: String(sent)))
                sent += 1
            }
            while received < total, let line = serve.readLine() {
                guard ServeProcess.head(of: line).contains(#""ok":true"#) else { throw BenchmarkFailure("a pipelined execute failed: \(line.prefix(200))") }
                received += 1
                if sent < total {
                    serve.send(issueRequest.replacingOccurrences(of: "ID", with: String(sent)))
                    sent += 1
                }
            }
            let seconds = started.duration(to: .now).milliseconds / 1000
            serve.stop()
            report.addNote(
                "throughput, \(inFlight) in flight (\(total) executes)", value: String(format: "%.0f executes/s", Double(received) / seconds),
                target: inFlight == 64 ? "≥ 5,000 executes/s" : nil
            )
        }
    }

    // MARK: 4. Memory

    func memory(into report: inout BenchmarkReport) async throws {
        let serve = try startServe(extraArguments: ["--manifests", fixtures.benchManifests])
        for index in 0..<plan.memoryCalls {
            guard serve.call(issueRequest.replacingOccurrences(of: "ID", with: String(index)), id: String(index)) != nil else {
                throw BenchmarkFailure("execute \(index) got no reply")
            }
        }
        let memory = serve.memory
        serve.stop()
        report.addNote(
            "peak RSS after \(plan.memoryCalls) calls, all bundled manifests loaded",
            value: String(format: "%.1f MiB (current %.1f MiB)", memory.peak, memory.current), target: "≤ 25 MiB"
        )
    }

    // MARK: 5. Large payload

    func largePayload(into report: inout BenchmarkReport) async throws {
        let serve = try startServe(extraArguments: ["--manifests", fixtures.benchManifests])
        let request = #"{"jsonrpc":"2.0","id":ID,"method":"execute","params":{"connector":"bench","entity":"payload","action":"big","params":{"max_output_bytes":4194304}}}"#
        var samples: [Double] = []
        var replyBytes = 0
        for index in 0..<plan.largePayloadRuns {
            let started = ContinuousClock.now
            guard let reply = serve.call(request.replacingOccurrences(of: "ID", with: String(index)), id: String(index)), ServeProcess.head(of: reply).contains(#""ok":true"#) else {
                throw BenchmarkFailure("the 1 MB execute failed")
            }
            samples.append(started.duration(to: .now).milliseconds)
            replyBytes = reply.utf8.count
        }
        let memory = serve.memory
        serve.stop()
        report.add("1 MB JSON response through execute over stdio (reply \(replyBytes / 1024) KiB)", Statistics(samples), unit: "ms", target: "≤ 15 ms")
        report.addNote("peak RSS of that server", value: String(format: "%.1f MiB", memory.peak), target: nil)
    }

    // MARK: 6. Scale of definitions

    func definitionScale(into report: inout BenchmarkReport) async throws {
        var loadSamples: [Double] = []
        var describeSamples: [Double] = []
        var toolsSamples: [Double] = []
        var describeBytes = 0
        var toolsBytes = 0
        var actions = 0
        for _ in 0..<plan.scaleRuns {
            var catalog = ConnectorCatalog(connectors: [])
            loadSamples.append(await measure { catalog = ConnectorCatalog.load(directories: [fixtures.generatedManifests]) })
            guard catalog.problems.isEmpty, catalog.connectors.count == 100 else { throw BenchmarkFailure("generated manifests did not load: \(catalog.problems.prefix(3))") }
            actions = catalog.connectors.reduce(0) { $0 + $1.entities.reduce(0) { $0 + $1.actions.count } }
            describeSamples.append(try await measure { describeBytes = try CatalogDescription.describe(catalog).serializedBytes().count })
            let runtime = SwitchyardRuntime(catalog: catalog, settings: RuntimeSettings())
            toolsSamples.append(try await measure {
                toolsBytes = try await ServerSession(runtime: runtime, configuration: ServeConfiguration()).toolDefinitions.serializedBytes().count
            })
            try await runtime.shutdown()
        }
        report.add("load 100 connectors (\(actions) actions)", Statistics(loadSamples), unit: "ms", target: "≤ 50 ms")
        report.add("describe everything (\(describeBytes / 1024) KiB)", Statistics(describeSamples), unit: "ms", target: "≤ 5 ms")
        report.add("tools/list over them (\(toolsBytes / 1024) KiB)", Statistics(toolsSamples), unit: "ms", target: nil)
    }

    // MARK: 7. Auto-pagination

    func autoPagination(into report: inout BenchmarkReport) async throws {
        for total in [1000, 10_000] {
            let serve = try startServe(extraArguments: ["--manifests", fixtures.benchManifests])
            let request = #"{"jsonrpc":"2.0","id":ID,"method":"execute","params":{"connector":"bench","entity":"items","action":"list","params":{"total":TOTAL,"limit":TOTAL,"max_output_bytes":8388608}}}"#
                .replacingOccurrences(of: "TOTAL", with: String(total))
            var samples: [Double] = []
            for index in 0..<plan.paginationRuns {
                let started = ContinuousClock.now
                guard let reply = serve.call(request.replacingOccurrences(of: "ID", with: String(index)), id: String(index)),
                      reply.contains("\"records\":\(total)") else { throw BenchmarkFailure("pagination over \(total) records failed") }
                samples.append(started.duration(to: .now).milliseconds)
            }
            let memory = serve.memory
            serve.stop()
            report.add("auto-pagination, \(total) records over \(total / 100) pages", Statistics(samples), unit: "ms", target: nil)
            report.addNote("  peak RSS of that server", value: String(format: "%.1f MiB", memory.peak), target: nil)
        }
        let serve = try startServe(extraArguments: ["--manifests", fixtures.benchManifests])
        let bounded = #"{"jsonrpc":"2.0","id":1,"method":"execute","params":{"connector":"bench","entity":"items","action":"list","params":{"total":10000,"limit":10000}}}"#
        guard let reply = serve.call(bounded, id: "1") else { throw BenchmarkFailure("bounded pagination failed") }
        let memory = serve.memory
        serve.stop()
        let pages = (try? JSONValue(parsing: reply))?["result"]?["meta"]?["pages"]?.intValue ?? 0
        report.addNote(
            "  10,000 records asked, default 64 KiB budget", value: String(format: "stopped after %d pages, %d KiB reply, peak RSS %.1f MiB", pages, reply.utf8.count / 1024, memory.peak),
            target: "memory bounded by the budget"
        )
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
