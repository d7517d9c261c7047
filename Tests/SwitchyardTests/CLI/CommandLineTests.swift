import Foundation
import Testing
@testable import Switchyard

/// Runs the built `switchyard` executable as a user would.
struct CommandLine {
    static var executable: String {
        let testBinary = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("switchyard").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return SandboxHarness.repositoryRoot + "/.build/debug/switchyard"
    }

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("JIRA_") && !$0.key.hasPrefix("CONFLUENCE_") }
        env["SWITCHYARD_HOME"] = SandboxHarness.repositoryRoot
        // A private config home, so a developer's stored credentials never change a test.
        env["XDG_CONFIG_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-config-\(UUID().uuidString)").path
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}

@Suite("The switchyard command line")
struct CommandLineTests {
    @Test("--version prints the version and exits 0")
    func version() throws {
        let output = try CommandLine.run(["--version"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == SwitchyardVersion.current)
    }

    @Test("execute --sandbox prints real sandbox data and exits 0")
    func executeAgainstSandbox() throws {
        let output = try CommandLine.run(["execute", "--sandbox", "jira", "issues", "search", "--params", #"{"jql": "project = DEMO ORDER BY key ASC", "limit": 3}"#])
        #expect(output.status == 0, "\(output.stderr)")
        let envelope = try JSONValue(parsing: output.stdout)
        #expect(envelope["ok"] == true)
        #expect(envelope["data"]?.arrayValue?.count == 3)
        #expect(envelope["data"]?[0]?["key"] == "DEMO-1")
    }

    @Test("describe --json lists both connectors with entities, actions and full param schemas")
    func describeJSON() throws {
        let output = try CommandLine.run(["describe", "--json"])
        #expect(output.status == 0)
        let description = try JSONValue(parsing: output.stdout)
        let connectors = try #require(description["connectors"]?.arrayValue)
        let names = connectors.compactMap { $0["name"]?.stringValue }
        #expect(names.contains("jira") && names.contains("confluence"))
        let jira = try #require(connectors.first { $0["name"] == "jira" })
        let issues = try #require(jira["entities"]?.arrayValue?.first { $0["name"] == "issues" })
        let search = try #require(issues["actions"]?.arrayValue?.first { $0["name"] == "search" })
        #expect(search["params"]?["properties"]?["jql"]?["type"] == "string")
        #expect(search["params"]?["properties"]?["limit"] != nil)
        #expect(search["params"]?["required"] == ["jql"])
    }

    @Test("describe names an unknown action and lists the available ones")
    func describeUnknown() throws {
        let output = try CommandLine.run(["describe", "jira", "issues", "fetch"])
        #expect(output.status == 1)
        #expect(output.stdout.contains("unknown action 'fetch'"))
        #expect(output.stdout.contains("search"))
    }

    @Test("search prints one line per match: id, score, summary, required params")
    func searchText() throws {
        let output = try CommandLine.run(["search", "move DEMO-5 to done", "--connector", "jira", "--limit", "3"])
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("jira/issues/transition  ") == true)
        #expect(lines.first?.contains("requires issue, transition_id") == true)
    }

    @Test("search --json prints an array of matches over the bundled manifests")
    func searchJSON() throws {
        let output = try CommandLine.run(["search", "publish a blog post", "--json"])
        #expect(output.status == 0, "\(output.stderr)")
        let matches = try #require(try JSONValue(parsing: output.stdout).arrayValue)
        #expect(matches.count == 5)
        #expect(matches.first?["id"]?.stringValue?.hasSuffix("/blog_posts/create") == true)
        #expect(matches.first?["required"]?.arrayValue?.contains("title") == true)
        #expect(matches.first?["read_only"] == false)
    }

    @Test("search with an unknown connector fails with a validation envelope naming the known ones")
    func searchUnknownConnector() throws {
        let output = try CommandLine.run(["search", "list issues", "--connector", "jiraa"])
        #expect(output.status == 1)
        let envelope = try JSONValue(parsing: output.stdout)
        #expect(envelope["error"]?["kind"] == "validation")
        #expect(envelope["error"]?["message"]?.stringValue?.contains("did you mean 'jira'") == true)
    }

    @Test("validate accepts the bundled manifests")
    func validateBundled() throws {
        let output = try CommandLine.run(["validate", SandboxHarness.manifestsDirectory])
        #expect(output.status == 0, "\(output.stdout)")
        #expect(output.stdout.contains("0 invalid"))
    }

    @Test("validate names the file and JSON pointer of a broken manifest")
    func validateBroken() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("broken.json").path
        try #"{"name":"broken","title":"B","version":"1","description":"d","base_url":"https://x.example.com","entities":{"things":{"description":"T","actions":{"get":{"description":"d","request":{"method":"GET","path":"/things/{id}"}}}}}}"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        let output = try CommandLine.run(["validate", file])
        #expect(output.status == 1)
        #expect(output.stdout.contains("\(file): /entities/things/actions/get/request/path: placeholder {id} has no matching param"))
    }

    @Test("a broken user manifest is reported on stderr and skipped; the others still work")
    func brokenManifestIsSkipped() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-broken-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "{ not json".write(toFile: directory.appendingPathComponent("bad.json").path, atomically: true, encoding: .utf8)
        let output = try CommandLine.run(["describe", "--manifests", directory.path])
        #expect(output.status == 0)
        #expect(output.stderr.contains("bad.json"))
        #expect(output.stderr.contains("not valid JSON"))
        #expect(output.stdout.contains("jira"))
    }

    @Test("malformed --params JSON is a structured validation error")
    func malformedParams() throws {
        let output = try CommandLine.run(["execute", "jira", "issues", "get", "--params", "{issue: DEMO-1}"])
        #expect(output.status == 1)
        let envelope = try JSONValue(parsing: output.stdout)
        #expect(envelope["error"]?["kind"] == "validation")
        #expect(envelope["error"]?["message"]?.stringValue?.contains("--params is not valid JSON") == true)
        #expect(!output.stderr.contains("Fatal error"))
    }

    @Test("a request file of JSON lines runs each request and prints one result per line")
    func requestFileOfJSONLines() throws {
        let lines = """
            {"connector":"jira","entity":"users","action":"myself"}
            {"connector":"jira","entity":"issues","action":"get","params":{"issue":"DEMO-2"}}
            not json
            """
        let output = try CommandLine.run(["execute", "--sandbox", "--file", "-"], stdin: lines)
        #expect(output.status == 1)
        let results = output.stdout.split(separator: "\n")
        #expect(results.count == 3)
        #expect(try JSONValue(parsing: String(results[1]))["data"]?["key"] == "DEMO-2")
        #expect(try JSONValue(parsing: String(results[2]))["error"]?["kind"] == "validation")
    }

    @Test("missing credentials give an auth error that lists what each method needs")
    func missingCredentials() throws {
        let output = try CommandLine.run(["execute", "jira", "users", "myself"], environment: ["JIRA_BASE_URL": "http://127.0.0.1:1"])
        #expect(output.status == 1)
        let envelope = try JSONValue(parsing: output.stdout)
        #expect(envelope["error"]?["kind"] == "auth")
        #expect(envelope["error"]?["message"]?.stringValue?.contains("JIRA_API_TOKEN") == true)
    }

    @Test("a credentials file readable by others is refused with the fix")
    func looseCredentialsFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("credentials-\(UUID().uuidString).json").path
        try #"{"jira": {"email": "a@example.com", "api_token": "canary-secret-123"}}"#.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        let output = try CommandLine.run(["execute", "--credentials", file, "jira", "users", "myself"])
        #expect(output.status == 1)
        #expect(output.stdout.contains("chmod 600"))
        #expect(!output.stdout.contains("canary-secret-123"))
        #expect(!output.stderr.contains("canary-secret-123"))
    }
}

@Suite("switchyard serve as a process")
struct ServeProcessTests {
    @Test("one execute request on stdin gives exactly one JSON line on stdout, and exit 0 at EOF")
    func oneRequestOneLine() throws {
        let request = #"{"jsonrpc":"2.0","id":1,"method":"execute","params":{"connector":"jira","entity":"issues","action":"get","params":{"issue":"DEMO-1"}}}"#
        let output = try CommandLine.run(["serve", "--sandbox"], stdin: request + "\n")
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        #expect(lines.count == 1)
        #expect(output.stdout.hasSuffix("}\n"))
        let reply = try JSONValue(parsing: String(lines[0]))
        #expect(reply["id"] == 1)
        #expect(reply["result"]?["ok"] == true)
        #expect(reply["result"]?["data"]?["key"] == "DEMO-1")
    }

    @Test("a connector with credentials but a broken setting is left out with a warning; one without credentials quietly")
    func brokenConnectorWarns() throws {
        let missing = "/nonexistent-\(UUID().uuidString)/ca.pem"
        let output = try CommandLine.run(["serve"], stdin: #"{"jsonrpc":"2.0","id":1,"method":"ping"}"# + "\n", environment: [
            "JIRA_BASE_URL": "https://example.atlassian.net", "JIRA_EMAIL": "a@example.com", "JIRA_API_TOKEN": "canary-token-77",
            "JIRA_CA_BUNDLE": missing,
        ])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout == #"{"jsonrpc":"2.0","id":1,"result":{}}"# + "\n")
        #expect(output.stderr.contains("left out: connector 'jira'") && output.stderr.contains(missing), "\(output.stderr)")
        #expect(!output.stderr.contains("left out: connector 'confluence'"), "\(output.stderr)")
        #expect(!output.stderr.contains("canary-token-77"))
    }

    @Test("verbose logs go to stderr, never stdout")
    func logsGoToStderr() throws {
        let output = try CommandLine.run(["serve", "--sandbox", "-vv"], stdin: #"{"jsonrpc":"2.0","id":1,"method":"ping"}"# + "\n")
        #expect(output.status == 0)
        #expect(output.stdout == #"{"jsonrpc":"2.0","id":1,"result":{}}"# + "\n")
        #expect(output.stderr.contains("serving"))
    }
}
