import AtlassianSandbox
import Foundation
import Testing
@testable import Switchyard

@Suite("switchyard export on the command line")
struct ExportCommandLineTests {
    @Test("export --sandbox jira --jql prints one JSON document per line on stdout, nothing else")
    func jiraToStdout() throws {
        let output = try CommandLine.run(["export", "--sandbox", "jira", "--jql", "project = DEMO", "--progress", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count == 30)
        let ids = try lines.map { try JSONValue(parsing: String($0))["id"]?.stringValue ?? "" }
        #expect(Set(ids) == Set((1...30).map { "DEMO-\($0)" }))
        let progress = try output.stderr.split(separator: "\n").map { try JSONValue(parsing: String($0)) }
        #expect(progress.last?["event"] == "finished")
        #expect(progress.last?["documents"] == 30)
    }

    @Test("--jql on Confluence is refused, naming the flags Confluence takes")
    func jqlOnConfluence() throws {
        let output = try CommandLine.run(["export", "--sandbox", "confluence", "--jql", "project = DEMO"])
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains("cannot be exported by --jql; its selectors are --cql, --space-key, --label, --page-ids"), "\(output.stderr)")
    }

    @Test("No selector, a bad --since and a malformed --select each get a clear error")
    func badFlags() throws {
        let none = try CommandLine.run(["export", "--sandbox", "jira"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("at least one selector: --jql"), "\(none.stderr)")
        let since = try CommandLine.run(["export", "--sandbox", "jira", "--jql", "project = DEMO", "--since", "yesterday"])
        #expect(since.status != 0)
        #expect(since.stderr.contains("--since 'yesterday' is not a time"), "\(since.stderr)")
        let select = try CommandLine.run(["export", "--sandbox", "confluence", "--select", "space_key"])
        #expect(select.status != 0)
        #expect(select.stderr.contains("--select takes NAME=VALUE"), "\(select.stderr)")
    }

    @Test("Killed at random moments and re-run with --state, the output holds every issue exactly once")
    func killAndResume() async throws {
        let issueCount = 1_500
        let server = try await SandboxServer.start(seedIssues: issueCount)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("export-kill-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let output = directory + "/issues.jsonl"
        let state = directory + "/state.json"
        let arguments = ["export", "jira", "--jql", "project = DATA", "-o", output, "--state", state, "--progress", "none"]
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("JIRA_") && !$0.key.hasPrefix("CONFLUENCE_") }
        environment["JIRA_BASE_URL"] = server.baseURL
        environment["JIRA_EMAIL"] = SandboxCredentials.email
        environment["JIRA_API_TOKEN"] = SandboxCredentials.apiToken
        environment["SWITCHYARD_HOME"] = SandboxHarness.repositoryRoot
        environment["XDG_CONFIG_HOME"] = directory + "/config"

        var delays: [Int] = []
        var kills = 0
        var finished = false
        for _ in 0..<40 where !finished {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.executable)
            process.arguments = arguments
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let killAfter = kills < 8 ? Int.random(in: 50...900) : nil
            if let killAfter {
                delays.append(killAfter)
                try await Task.sleep(for: .milliseconds(killAfter))
                if process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                    kills += 1
                }
            }
            process.waitUntilExit()
            if process.terminationReason == .exit {
                #expect(process.terminationStatus == 0, "a run exited with \(process.terminationStatus)")
                finished = process.terminationStatus == 0
            }
        }
        try await server.shutdown()
        #expect(finished, "the export never finished; kill delays \(delays)")
        #expect(kills > 0, "no run was killed; kill delays \(delays)")

        let text = try String(contentsOfFile: output, encoding: .utf8)
        let ids = try text.split(separator: "\n").map { line in
            try JSONValue(parsing: String(line))["id"]?.stringValue ?? ""
        }
        #expect(ids.count == issueCount, "\(ids.count) lines after \(kills) kills at \(delays) ms")
        #expect(Set(ids) == Set((1...issueCount).map { "DATA-\($0)" }))
        let saved = try #require(try ExportStateFile(path: state).load())
        #expect(saved.checkpoint.finished)
        #expect(saved.outputBytes == text.utf8.count)
        try? FileManager.default.removeItem(atPath: directory)
    }
}

@Suite("switchyard export state files")
struct ExportStateFileCommandLineTests {
    @Test("Resuming into an output file shorter than the state says is refused rather than padded")
    func missingOutputOnResume() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("export-state-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let state = ExportStateFile(path: directory + "/state.json")
        let checkpoint = ExportCheckpoint(
            connector: "jira", entity: "issues", query: "project = DEMO", since: nil,
            cursor: PageCursor(actionID: "jira/issues/search", position: .token("x")).encoded, pages: 1, documents: 10, highWater: nil
        )
        try state.save(ExportStateFile.State(checkpoint: checkpoint, outputBytes: 5_000))
        let output = try CommandLine.run(["export", "--sandbox", "jira", "--jql", "project = DEMO", "-o", directory + "/missing.jsonl", "--state", state.path])
        #expect(output.status == 1)
        #expect(output.stderr.contains("holds 0 bytes, but the state file says 5000 were written"), "\(output.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/missing.jsonl"))
    }
}
