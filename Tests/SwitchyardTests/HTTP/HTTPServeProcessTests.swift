import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Switchyard
import Testing

/// `switchyard serve --http` as a process: what a deployment sees.
@Suite("switchyard serve --http as a process")
struct HTTPServeProcessTests {
    /// A running `switchyard serve … --http 127.0.0.1:0`, with the URLs it announced on stderr.
    final class Server: @unchecked Sendable {
        let process = Process()
        let stdout = Pipe()
        let stderrLines: AsyncStream<String>
        private(set) var endpoint = ""
        private(set) var sandboxURL = ""

        init(_ arguments: [String]) throws {
            process.executableURL = URL(fileURLWithPath: CommandLine.executable)
            process.arguments = arguments
            var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("JIRA_") && !$0.key.hasPrefix("CONFLUENCE_") }
            env["SWITCHYARD_HOME"] = SandboxHarness.repositoryRoot
            env["XDG_CONFIG_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-config-\(UUID().uuidString)").path
            process.environment = env
            let stderr = Pipe()
            process.standardOutput = stdout
            process.standardError = stderr
            process.standardInput = FileHandle.nullDevice
            let (lines, continuation) = AsyncStream<String>.makeStream()
            stderrLines = lines
            let handle = stderr.fileHandleForReading
            Thread.detachNewThread {
                var buffer = Data()
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    buffer.append(chunk)
                    while let newline = buffer.firstIndex(of: 0x0A) {
                        continuation.yield(String(decoding: buffer[..<newline], as: UTF8.self))
                        buffer.removeSubrange(...newline)
                    }
                }
                continuation.finish()
            }
            try process.run()
        }

        /// Waits for the announcement of the endpoint, and of the sandbox when `sandbox` (it takes -v).
        func started(sandbox: Bool) async throws {
            for await line in stderrLines {
                if let range = line.range(of: "sandbox listening on ") { sandboxURL = String(line[range.upperBound...]) }
                if let range = line.range(of: "serving MCP at ") {
                    endpoint = String(line[range.upperBound...].split(separator: " ")[0])
                }
                if !endpoint.isEmpty, !sandbox || !sandboxURL.isEmpty { return }
            }
            throw CancellationError()
        }

        func post(_ body: String, to url: String? = nil) async throws -> (Int, String) {
            var request = HTTPClientRequest(url: url ?? endpoint)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(Array(body.utf8))
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(20))
            return (Int(response.status.code), String(buffer: try await response.body.collect(upTo: 1 << 20)))
        }

        func get(_ path: String) async throws -> String {
            let base = endpoint.replacingOccurrences(of: "/mcp", with: "")
            let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: base + path), timeout: .seconds(20))
            return String(buffer: try await response.body.collect(upTo: 1 << 20))
        }
    }

    @Test("metrics include the runtime's upstream latency and retries; SIGTERM drains the call in flight and exits 0")
    func metricsAndDrain() async throws {
        let server = try Server(["serve", "--sandbox", "--http", "127.0.0.1:0", "--stateless", "-v"])
        defer { if server.process.isRunning { server.process.terminate() } }
        try await server.started(sandbox: true)
        #expect(server.endpoint.hasPrefix("http://127.0.0.1:"))
        // One 503 on the first read: the call retries it, and succeeds.
        let fault = #"{"kind":"status","status":503,"method":"GET","pathPrefix":"/rest/api/3/issue/DEMO-1","count":1}"#
        #expect(try await server.post(fault, to: server.sandboxURL + "/__sandbox/faults").0 == 201)
        let call = #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"jira_issues_get","arguments":{"issue":"DEMO-1"}}}"#
        let (status, body) = try await server.post(call)
        #expect(status == 200)
        #expect(body.contains(#"\"key\":\"DEMO-1\""#), "\(body.prefix(300))")
        let metrics = try await server.get("/metrics")
        #expect(metrics.contains(#"switchyard_upstream_duration_seconds_bucket{connector="jira",status_class="2xx""#), "\(metrics.prefix(2000))")
        #expect(metrics.contains(#"switchyard_upstream_retries_total{connector="jira",kind="upstream"} 1"#), "\(metrics.prefix(2000))")
        #expect(metrics.contains(#"switchyard_requests_total{method="tools/call"} 1"#))

        // A slow call is in flight when SIGTERM arrives: it is still answered, then the process exits 0.
        let delay = #"{"kind":"delay","milliseconds":1000,"method":"GET","pathPrefix":"/rest/api/3/issue/DEMO-2","count":1}"#
        #expect(try await server.post(delay, to: server.sandboxURL + "/__sandbox/faults").0 == 201)
        async let slow = server.post(call.replacingOccurrences(of: "DEMO-1", with: "DEMO-2"))
        try await Task.sleep(for: .milliseconds(400))
        kill(server.process.processIdentifier, SIGTERM)
        let (slowStatus, slowBody) = try await slow
        #expect(slowStatus == 200)
        #expect(slowBody.contains(#"\"key\":\"DEMO-2\""#))
        server.process.waitUntilExit()
        #expect(server.process.terminationStatus == 0)
        #expect(server.stdout.fileHandleForReading.readDataToEndOfFile().isEmpty, "stdout carries nothing in HTTP mode")
    }

    @Test("a catalog that cannot load (an unknown toolset) ends the HTTP server with exit 1 and the reason")
    func loadFailureExits() throws {
        let output = try CommandLine.run(["serve", "--sandbox", "--http", "127.0.0.1:0", "--toolsets", "jira:nonesuch"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("nonesuch"), "\(output.stderr)")
    }

    @Test("bad --http, --path or TLS options are usage errors naming the option")
    func badOptions() throws {
        let address = try CommandLine.run(["serve", "--sandbox", "--http", "localhost:http"])
        #expect(address.status != 0)
        #expect(address.stderr.contains("--http takes [HOST:]PORT"))
        let path = try CommandLine.run(["serve", "--sandbox", "--http", "0", "--path", "/metrics"])
        #expect(path.stderr.contains("--path must start with '/'"))
        let tls = try CommandLine.run(["serve", "--sandbox", "--http", "0", "--tls-cert", "/tmp/x.pem"])
        #expect(tls.stderr.contains("--tls-cert and --tls-key go together"))
        let bind = try CommandLine.run(["serve", "--sandbox", "--http", "203.0.113.1:1"])
        #expect(bind.status == 1)
        #expect(bind.stderr.contains("cannot listen on 203.0.113.1:1 (--http)"), "\(bind.stderr)")
    }
}
