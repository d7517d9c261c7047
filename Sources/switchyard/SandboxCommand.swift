import ArgumentParser
import AtlassianSandbox
import Foundation
import Switchyard

/// `switchyard sandbox`: a local fake Jira Cloud + Confluence Cloud to try actions against.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a local Jira + Confluence sandbox (Cloud, and Data Center paths) with demo data until interrupted.",
        discussion: "Fault injection for tests: POST /__sandbox/faults, DELETE /__sandbox/faults; request log: GET /__sandbox/requests; reset: POST /__sandbox/reset."
    )

    @Option(help: "Port to listen on (0 picks a free one).") var port = 8080
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(name: .customLong("seed-issues"), help: ArgumentHelp("Add N generated issues to the DATA project (DATA-1…DATA-N), for load tests.", valueName: "N"))
    var seedIssues = 0

    func validate() throws {
        if seedIssues < 0 { throw ValidationError("--seed-issues must be 0 or more, got \(seedIssues)") }
    }

    func run() async throws {
        let server = try await SandboxServer.start(host: host, port: port, seedIssues: seedIssues)
        StandardStreams.output("""
            Atlassian sandbox listening on \(server.baseURL)
              Jira:        \(server.baseURL)/rest/api/3/...
              Confluence:  \(server.baseURL)/wiki/api/v2/...
              Jira Data Center:        \(server.baseURL)/jira/rest/api/2/... (serverInfo says deploymentType Server)
              Confluence Data Center:  \(server.baseURL)/rest/api/content/...
            Accepted credentials:
              Basic  \(SandboxCredentials.email) : \(SandboxCredentials.apiToken)
              Bearer \(SandboxCredentials.personalAccessToken)
            Point Switchyard at it:
              export JIRA_BASE_URL=\(server.baseURL) JIRA_EMAIL=\(SandboxCredentials.email) JIRA_API_TOKEN=\(SandboxCredentials.apiToken)
              export CONFLUENCE_BASE_URL=\(server.baseURL) CONFLUENCE_EMAIL=\(SandboxCredentials.email) CONFLUENCE_API_TOKEN=\(SandboxCredentials.apiToken)
            Press Ctrl-C to stop.
            """)
        await SignalWaiter.waitForInterrupt()
        try await server.shutdown()
    }
}
