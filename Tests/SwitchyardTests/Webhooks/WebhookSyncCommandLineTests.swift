import AtlassianSandbox
import Foundation
import Synchronization
import Testing
@testable import Switchyard

/// `webhooks listen --sync STATE` run as a user runs it: an export to a file with a state file, then the
/// listener, and the sandbox's signed deliveries for an edit and a delete reaching the export's file, for
/// Jira issues and for Confluence pages.
@Suite("webhooks listen --sync keeps an export fresh")
struct WebhookSyncCommandLineTests {
    /// What a process writes to a pipe, collected as it arrives.
    private final class Collected: Sendable {
        private let text = Mutex("")

        init(_ pipe: Pipe) {
            pipe.fileHandleForReading.readabilityHandler = { [self] handle in
                let data = handle.availableData
                text.withLock { $0 += String(decoding: data, as: UTF8.self) }
            }
        }

        var value: String { text.withLock { $0 } }
    }

    private func lines(_ path: String) throws -> [JSONValue] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { try JSONValue(parsing: String($0)) }
    }

    /// Polls `condition` for up to ten seconds.
    private func eventually(_ condition: () throws -> Bool) async throws -> Bool {
        for _ in 0..<200 {
            if try condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try condition()
    }

    /// `switchyard webhooks listen --port 0 ARGUMENTS` as a process with the site's `environment` (and no other
    /// JIRA_/CONFLUENCE_ variables), once it says where it listens: the process, its stdout (event lines) and
    /// stderr, and its URL.
    private func startListener(_ arguments: [String], environment site: [String: String]) async throws -> (Process, Collected, Collected, String) {
        let listener = Process()
        listener.executableURL = URL(fileURLWithPath: CommandLine.executable)
        listener.arguments = ["webhooks", "listen", "--port", "0"] + arguments
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("JIRA_") && !$0.key.hasPrefix("CONFLUENCE_") }
        environment["SWITCHYARD_HOME"] = SandboxHarness.repositoryRoot
        environment.merge(site) { $1 }
        listener.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        listener.standardOutput = stdout
        listener.standardError = stderr
        let events = Collected(stdout)
        let log = Collected(stderr)
        try listener.run()
        let marker = "listening for webhook deliveries on "
        guard try await eventually({ log.value.contains(marker) }),
              let url = log.value.components(separatedBy: marker).last?.split(separator: "\n").first.map(String.init) else {
            listener.terminate()
            throw ListenerDidNotStart(log: log.value)
        }
        return (listener, events, log, url)
    }

    private struct ListenerDidNotStart: Error, CustomStringConvertible {
        let log: String
        var description: String { "webhooks listen did not say where it listens; stderr: \(log)" }
    }

    @Test("An issue edited and one deleted after the export are appended to its file: the new version, then a tombstone")
    func editAndDeleteReachTheExport() async throws {
        try await withSandbox { sandbox in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("webhook-sync-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let output = directory + "/demo.jsonl"
            let state = directory + "/demo.state.json"
            let secret = "sync-secret"
            let site = [
                "JIRA_BASE_URL": sandbox.server.baseURL, "JIRA_EMAIL": SandboxCredentials.email, "JIRA_API_TOKEN": SandboxCredentials.apiToken,
                "XDG_CONFIG_HOME": directory + "/config",
            ]
            let export = try CommandLine.run(["export", "jira", "--jql", "project = DEMO", "-o", output, "--state", state, "--progress", "none"], environment: site)
            #expect(export.status == 0, "\(export.stderr)")
            #expect(try lines(output).count == 30)

            let (listener, events, log, url) = try await startListener(["--sync", state], environment: site.merging(["JIRA_WEBHOOK_SECRET": secret]) { $1 })
            defer { if listener.isRunning { listener.terminate() } }
            _ = try await sandbox.data("jira-datacenter", "webhooks", "create", [
                "name": "sync", "url": .string(url), "events": ["jira:issue_updated", "jira:issue_deleted"],
                "jql_filter": "project = DEMO", "secret": .string(secret),
            ])

            let edit = await sandbox.execute("jira", "issues", "update", ["issue": "DEMO-5", "field_values": ["summary": "Synced by a webhook"]])
            #expect(edit.isSuccess, "\(edit.json)")
            let edited = try await eventually { try lines(output).dropFirst(30).contains { $0["id"] == "DEMO-5" && $0["title"] == "Synced by a webhook" } }
            #expect(edited, "events: \(events.value)\nlog: \(log.value)")

            let delete = await sandbox.execute("jira", "issues", "delete", ["issue": "DEMO-9"])
            #expect(delete.isSuccess, "\(delete.json)")
            let tombstoned = try await eventually { try lines(output).contains { $0["id"] == "DEMO-9" && $0["deleted"] == true } }
            #expect(tombstoned, "events: \(events.value)\nlog: \(log.value)")

            listener.interrupt()
            listener.waitUntilExit()
            #expect(listener.terminationStatus == 0, "\(log.value)")
            #expect(events.value.contains(#""event":"jira:issue_deleted""#))
            let saved = try #require(try ExportStateFile(path: state).load())
            #expect(saved.checkpoint.finished)
            #expect(saved.checkpoint.ids?.contains("DEMO-9") == false)
            #expect(saved.checkpoint.ids?.count == 29)
            #expect(saved.outputBytes == (try String(contentsOfFile: output, encoding: .utf8)).utf8.count)
        }
    }

    @Test("A Confluence page edited and one trashed after a space export reach its file through a Confluence webhook")
    func confluencePageEventsReachTheExport() async throws {
        try await withSandbox { sandbox in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("webhook-sync-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let output = directory + "/wiki.jsonl"
            let state = directory + "/wiki.state.json"
            let secret = "wiki-sync-secret"
            let site = [
                "CONFLUENCE_BASE_URL": sandbox.server.baseURL, "CONFLUENCE_EMAIL": SandboxCredentials.email,
                "CONFLUENCE_API_TOKEN": SandboxCredentials.apiToken, "XDG_CONFIG_HOME": directory + "/config",
            ]
            let export = try CommandLine.run(
                ["export", "confluence", "--space-key", "DEMO", "-o", output, "--state", state, "--progress", "none"], environment: site
            )
            #expect(export.status == 0, "\(export.stderr)")
            let exported = try lines(output)
            let pages = exported.compactMap { $0["id"]?.stringValue }
            #expect(pages.count >= 2, "\(exported.count) documents")

            let (listener, events, log, url) = try await startListener(["--secret", secret, "--sync", state], environment: site)
            defer { if listener.isRunning { listener.terminate() } }
            _ = try await sandbox.data("confluence-datacenter", "webhooks", "create", [
                "name": "sync", "url": .string(url), "events": ["page_updated", "page_trashed"], "secret": .string(secret),
            ])

            let edited = pages[pages.count - 1]
            let current = try await sandbox.data("confluence", "pages", "get", ["page_id": .string(edited)])
            let title = try #require(current["title"]?.stringValue)
            let edit = await sandbox.execute("confluence", "pages", "update", [
                "page_id": .string(edited), "title": .string(title), "body": "Synced by a **webhook**.",
            ])
            #expect(edit.isSuccess, "\(edit.json)")
            let appended = try await eventually {
                try lines(output).dropFirst(exported.count).contains { $0["id"]?.stringValue == edited && ($0["text"]?.stringValue ?? "").contains("Synced by a") }
            }
            #expect(appended, "events: \(events.value)\nlog: \(log.value)")

            let trashed = pages[pages.count - 2]
            let delete = await sandbox.execute("confluence", "pages", "delete", ["page_id": .string(trashed)])
            #expect(delete.isSuccess, "\(delete.json)")
            let tombstoned = try await eventually { try lines(output).contains { $0["id"]?.stringValue == trashed && $0["deleted"] == true } }
            #expect(tombstoned, "events: \(events.value)\nlog: \(log.value)")

            listener.interrupt()
            listener.waitUntilExit()
            #expect(listener.terminationStatus == 0, "\(log.value)")
            #expect(events.value.contains(#""event":"page_trashed""#), "\(events.value)")
        }
    }

    @Test("--sync without its state file, or --sync-output without --sync, stops before listening")
    func badSync() throws {
        let missing = try CommandLine.run(["webhooks", "listen", "--port", "0", "--secret", "s", "--sync", "/nonexistent/state.json"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("there is no state file /nonexistent/state.json"), "\(missing.stderr)")
        #expect(!missing.stderr.contains("listening"))
        let orphan = try CommandLine.run(["webhooks", "listen", "--port", "0", "--sync-output", "x.jsonl"])
        #expect(orphan.status != 0)
        #expect(orphan.stderr.contains("--sync-output goes with --sync STATE"), "\(orphan.stderr)")
    }
}
