import ArgumentParser
import Foundation
import Switchyard

/// `switchyard execute`: run one action, or a file of requests.
struct ExecuteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "execute",
        abstract: "Run a connector action and print its result envelope as JSON.",
        discussion: """
            Examples:
              switchyard execute --sandbox jira issues get --params '{"issue": "DEMO-1"}'
              switchyard execute jira issues search --params @search.json
              switchyard execute --file requests.jsonl      (a JSON array or JSON lines: one result per line)
              echo '{"connector":"jira","entity":"users","action":"myself"}' | switchyard execute --file -
            Exit status: 0 when every request succeeded, 1 when any failed.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var safety: SafetyOptions

    @Argument(help: "Connector name, e.g. jira.") var connector: String?
    @Argument(help: "Entity name, e.g. issues.") var entity: String?
    @Argument(help: "Action name, e.g. search.") var action: String?

    @Option(help: ArgumentHelp("Params as a JSON object, or @FILE to read them from a file.", valueName: "JSON"))
    var params: String?

    @Option(name: .customLong("file"), help: ArgumentHelp("A request file {\"connector\",\"entity\",\"action\",\"params\"}, a JSON array of them, or JSON lines; - reads stdin.", valueName: "FILE"))
    var requestFile: String?

    @Flag(help: "Run against a built-in Atlassian sandbox started in-process (no account needed).")
    var sandbox = false

    @Flag(help: "Print each result on one line instead of indented.")
    var compact = false

    func validate() throws {
        if requestFile != nil, connector != nil || params != nil {
            throw ValidationError("give either --file or CONNECTOR ENTITY ACTION [--params], not both")
        }
        if requestFile == nil, action == nil {
            throw ValidationError("name the action to run: switchyard execute CONNECTOR ENTITY ACTION [--params JSON], or use --file")
        }
    }

    func run() async throws {
        let logger = global.makeLogger()
        let requests: [Result<ExecuteRequest, ExecutionError>]
        do {
            requests = try readRequests()
        } catch {
            print(envelope: .failure(error, meta: [:]), pretty: !compact)
            throw ExitCode(1)
        }
        let session: RuntimeSession
        do {
            session = try await RuntimeSession.start(global: global, safety: safety, sandbox: sandbox, logger: logger)
        } catch {
            print(envelope: .failure(error, meta: [:]), pretty: !compact)
            throw ExitCode(1)
        }
        var failed = false
        let pretty = !compact && requests.count == 1 && !isBatch
        for request in requests {
            let envelope: ResultEnvelope
            switch request {
            case .success(let request): envelope = await session.runtime.execute(request)
            case .failure(let error): envelope = .failure(error, meta: [:])
            }
            failed = failed || !envelope.isSuccess
            print(envelope: envelope, pretty: pretty)
        }
        await session.stop()
        if failed { throw ExitCode(1) }
    }

    private var isBatch: Bool { requestFile != nil }

    private func print(envelope: ResultEnvelope, pretty: Bool) {
        StandardStreams.output(envelope.json.serialized(pretty: pretty))
    }

    /// The requests to run, each either well-formed or the error that says why not.
    private func readRequests() throws(ExecutionError) -> [Result<ExecuteRequest, ExecutionError>] {
        if let requestFile {
            let text = try RequestInput.read(requestFile, what: "request file")
            return try RequestInput.parseRequests(text, source: requestFile == "-" ? "stdin" : requestFile)
        }
        guard let connector, let entity, let action else { return [] }
        var paramsValue: JSONValue = .object(JSONObject())
        if let params {
            let text = params.hasPrefix("@") ? try RequestInput.read(String(params.dropFirst()), what: "params file") : params
            do {
                paramsValue = try JSONValue(parsing: text)
            } catch {
                throw ExecutionError(kind: .validation, message: "--params is not valid JSON: \(error)")
            }
        }
        return [.success(ExecuteRequest(connector: connector, entity: entity, action: action, params: paramsValue))]
    }
}
