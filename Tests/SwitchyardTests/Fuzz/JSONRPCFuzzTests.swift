import Testing
@testable import Switchyard
@testable import SwitchyardServer

@Suite("Fuzzing JSON-RPC framing")
struct JSONRPCFuzzTests {
    @Test("mutated messages never crash the server, and every well-formed request gets exactly one answer")
    func mutatedMessages() async throws {
        let harness = try await ServeHarness.start()
        var random = SeededGenerator(seed: 0xF00D)
        let templates = [
            #"{"jsonrpc":"2.0","id":ID,"method":"ping"}"#,
            #"{"jsonrpc":"2.0","id":ID,"method":"describe","params":{"connector":"jira"}}"#,
            #"{"jsonrpc":"2.0","id":ID,"method":"tools/call","params":{"name":"testkit_errors_plain","arguments":{"x":1}}}"#,
            #"{"jsonrpc":"2.0","id":ID,"method":"execute","params":{"connector":"jira","entity":"issues","action":"delete","params":{"issue":"../x","dry_run":true}}}"#,
            #"{"jsonrpc":"2.0","id":ID,"method":"nope/nope"}"#,
        ]
        var expectedIDs: [Int] = []
        for id in 0..<400 {
            let line = templates.randomElement(using: &random)!.replacingOccurrences(of: "ID", with: String(id))
            if Int.random(in: 0..<3, using: &random) == 0 {
                var bytes = Array(line.utf8)
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 32...126, using: &random)
                }
                harness.send(String(decoding: bytes, as: UTF8.self))
            } else {
                expectedIDs.append(id)
                harness.send(line)
            }
        }
        harness.send(#"{"jsonrpc":"2.0","id":"last","method":"ping"}"#)
        _ = await harness.reply(id: "last", timeout: .seconds(30))
        harness.closeInput()
        #expect(await harness.waitUntilFinished(timeout: .seconds(30)))
        let messages = harness.messages
        #expect(messages.allSatisfy { $0["jsonrpc"] == "2.0" && ($0["result"] != nil || $0["error"] != nil) })
        let answered = messages.compactMap { $0["id"]?.intValue }
        for id in expectedIDs {
            #expect(answered.filter { $0 == id }.count == 1, "request \(id)")
        }
        #expect(harness.unparsedLineCount == 0)
        await harness.stop()
    }
}
