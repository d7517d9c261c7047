import Foundation
import Testing
@testable import Switchyard

/// `scripts/install.sh` with an already-built binary: the installed command finds its manifests under
/// `PREFIX/share/switchyard` from any directory, and the shell completions are in place.
@Suite("scripts/install.sh")
struct InstallScriptTests {
    private func run(_ executable: String, _ arguments: [String], environment: [String: String], directory: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    @Test("installs the binary, the manifests and completions; the installed binary finds its manifests anywhere")
    func installsIntoPrefix() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-install-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SWITCHYARD_") && !$0.key.hasPrefix("JIRA_") && !$0.key.hasPrefix("CONFLUENCE_") }
        let install = try run("/bin/bash", [SandboxHarness.repositoryRoot + "/scripts/install.sh", "--prefix", prefix, "--binary", CommandLine.executable], environment: environment, directory: "/")
        #expect(install.status == 0, "\(install.stderr)")
        #expect(install.stdout.contains("installed switchyard \(SwitchyardVersion.current) into \(prefix)"), "\(install.stdout)")
        for file in ["share/bash-completion/completions/switchyard", "share/zsh/site-functions/_switchyard", "share/fish/vendor_completions.d/switchyard.fish"] {
            let text = (try? String(contentsOfFile: prefix + "/" + file, encoding: .utf8)) ?? ""
            #expect(text.contains("switchyard") && text.contains("describe"), "\(file)")
        }
        let installed = prefix + "/bin/switchyard"
        let described = try run(installed, ["describe", "--catalog", "extended", "--json"], environment: environment, directory: "/")
        #expect(described.status == 0, "\(described.stderr)")
        let catalog = try JSONValue(parsing: described.stdout)
        let names = catalog["connectors"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(Set(names) == ["jira", "jira-datacenter", "confluence", "confluence-datacenter"])
        #expect((catalog["connectors"]?.arrayValue?.first { $0["name"] == "jira" }?["action_counts"]?["generated"]?.intValue ?? 0) > 500)

        let bad = try run("/bin/bash", [SandboxHarness.repositoryRoot + "/scripts/install.sh", "--prefix", prefix, "--frobnicate"], environment: environment, directory: "/")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown option '--frobnicate'"))
    }
}
