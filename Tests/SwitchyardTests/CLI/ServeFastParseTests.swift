import Foundation
import Testing
@testable import switchyard

/// `serve`'s fast path reads a command line exactly as ArgumentParser does, or leaves it to ArgumentParser.
struct ServeFastParseTests {
    /// Everything the two parses hold, property wrappers and all, but an option group's help title (which
    /// ArgumentParser's own decoding leaves empty; only help reads it).
    private func contents(_ command: ServeCommand) -> String {
        var text = ""
        dump(command, to: &text)
        return text.split(separator: "\n").filter { !$0.trimmingPrefix(while: \.isWhitespace).hasPrefix("- title:") }.joined(separator: "\n")
    }

    @Test(arguments: [
        [],
        ["--sandbox"],
        ["--tools", "search"],
        ["--tools=compact"],
        ["--schema-dialect", "openai-strict"],
        ["--schema-dialect=gemini"],
        ["--connectors", "jira,confluence"],
        ["--toolsets", "jira:default,confluence:all"],
        ["--tools-include", "jira_sprints_*", "--tools-include=confluence_*"],
        ["--tools-exclude", "*_delete"],
        ["--manifests", "one", "--manifests=two"],
        ["--config", "config.json", "--credentials", "credentials.json"],
        ["--catalog", "extended"],
        ["-v"],
        ["-vv"],
        ["--verbose", "-v"],
        ["--ca-file", "ca.pem", "--client-cert", "client.pem", "--client-key", "client.key", "--insecure"],
        ["--read-only", "--confirm-destructive", "--audit", "audit.jsonl"],
        ["--state", "postgres://switchyard@db/switchyard"],
        ["--sandbox", "--tools", "search", "--schema-dialect", "openai-strict", "--connectors", "jira", "--toolsets=jira:all",
         "--tools-exclude", "*_delete", "--read-only", "-vv", "--manifests", "extra", "--catalog=curated"],
    ])
    func readsWhatArgumentParserReads(arguments: [String]) throws {
        let fast = try #require(ServeCommand.fastParse(arguments), "the fast path should read \(arguments)")
        let parsed = try ServeCommand.parse(arguments)
        #expect(contents(fast) == contents(parsed))
    }

    @Test(arguments: [
        ["--help"],
        ["-h"],
        ["--version"],
        ["--http", "8080"],
        ["--http=8080", "--stateless"],
        ["--tools", "bogus"],
        ["--tools"],
        ["--tools="],
        ["--catalog", "everything"],
        ["--sandbox", "--sandbox"],
        ["--sandbox=yes"],
        ["--tools", "search", "--tools", "actions"],
        ["--connectors", "--sandbox"],
        ["positional"],
        ["-x"],
        ["-vx"],
        ["--no-such-option"],
    ])
    func leavesEverythingElseToArgumentParser(arguments: [String]) {
        #expect(ServeCommand.fastParse(arguments) == nil)
    }

    @Test func defaultsAreArgumentParsersDefaults() throws {
        #expect(contents(ServeCommand.defaults()) == contents(try ServeCommand.parse([])))
    }

    @Test("the environment read from environ is the one ProcessInfo reads")
    func environmentMatchesProcessInfo() {
        let environment = GlobalOptions.defaults().environment
        #expect(!environment.isEmpty)
        #expect(environment == ProcessInfo.processInfo.environment)
    }
}
