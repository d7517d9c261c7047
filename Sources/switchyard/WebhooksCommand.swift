import ArgumentParser
import Foundation
import Switchyard
import SwitchyardWebhooks

/// `switchyard webhooks`: receive Jira and Confluence webhook deliveries.
struct WebhooksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhooks",
        abstract: "Receive Jira Cloud, Jira Data Center and Confluence webhook deliveries as JSON lines.",
        subcommands: [WebhooksListenCommand.self]
    )
}

/// `switchyard webhooks listen`
struct WebhooksListenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listen",
        abstract: "Serve an HTTP(S) endpoint for webhook deliveries and print each accepted event as one JSON line.",
        discussion: """
            With --secret (or JIRA_WEBHOOK_SECRET) every delivery must carry X-Hub-Signature: sha256=<HMAC of the body>; \
            without one, only --allow-from sources are accepted. Refused deliveries are logged to stderr without their body.
            Example: JIRA_WEBHOOK_SECRET=s3cret switchyard webhooks listen --port 8787 --path /webhook --append events.jsonl
            With --sync STATE, an event about an issue or a page runs the export that state file belongs to incrementally \
            and appends what changed (and tombstones for deleted records) to that export's output file:
              switchyard export jira --jql 'project = DEMO' -o demo.jsonl --state demo.state.json
              switchyard webhooks listen --sync demo.state.json
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0 picks a free one).") var port = 8787
    @Option(help: "The path deliveries are POSTed to; any other answers 404.") var path = "/webhook"
    @Option(help: "Shared secret of the webhook (prefer JIRA_WEBHOOK_SECRET: arguments show in `ps`).") var secret: String?
    @Option(help: "Without a secret, a network (CIDR) allowed to deliver; repeat for more. Default: loopback only.")
    var allowFrom: [String] = []
    @Option(help: "Seconds a body timestamp may be off before the delivery is refused; also how long delivery ids are remembered.")
    var maxAge = 300
    @Flag(help: "Include the whole delivery body as `raw` in each event line.") var raw = false
    @Option(help: "Also append each event line to this file.") var append: String?
    @Option(help: "Also run this shell command for each event, the event line on its stdin (queued, never delays the reply).")
    var exec: String?
    @Option(
        name: .customLong("sync"),
        help: ArgumentHelp("Keep an export fresh: each event about an issue or a page runs the export of this --state file incrementally.", valueName: "STATE")
    )
    var syncState: String?
    @Option(help: ArgumentHelp("With --sync, append to FILE instead of the export's own output file.", valueName: "FILE"))
    var syncOutput: String?
    @Option(help: "PEM certificate chain: serve HTTPS (with --tls-key).") var tlsCert: String?
    @Option(help: "PEM private key of --tls-cert.") var tlsKey: String?

    func validate() throws {
        guard path.hasPrefix("/") else { throw ValidationError("--path must start with /, got \(path)") }
        guard maxAge > 0 else { throw ValidationError("--max-age must be a positive number of seconds, got \(maxAge)") }
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("give both --tls-cert and --tls-key, or neither") }
        guard syncOutput == nil || syncState != nil else { throw ValidationError("--sync-output goes with --sync STATE") }
        for cidr in allowFrom where IPNetwork(cidr: cidr) == nil {
            throw ValidationError("--allow-from \(cidr) is not a network in CIDR notation, like 10.0.0.0/8 or ::1/128")
        }
    }

    func run() async throws {
        let configuration = makeConfiguration()
        if configuration.secret == nil {
            let sources = allowFrom.isEmpty ? "loopback" : allowFrom.joined(separator: ", ")
            StandardStreams.error(
                "warning: no --secret or JIRA_WEBHOOK_SECRET: deliveries are not verified; accepting unsigned ones from \(sources) only"
            )
        }
        let appender: EventFileAppender?
        do {
            appender = try append.map { path throws(WebhookSinkError) in try EventFileAppender(path: path) }
        } catch {
            StandardStreams.error("switchyard webhooks listen: \(error)")
            throw ExitCode(1)
        }
        let runner = exec.map { command in
            EventCommandRunner(command: command) { failure in StandardStreams.error("webhook event: \(failure)") }
        }
        let (session, sync) = try await startSync()
        let listener = WebhookListener(
            configuration: configuration,
            onRejection: { rejection, delivery in StandardStreams.error("webhook refused: \(rejection) — \(delivery)") },
            onEvent: { event in
                StandardStreams.output(event.line)
                do {
                    try await appender?.append(event)
                } catch {
                    StandardStreams.error("webhook event: \(error)")
                }
                runner?.submit(event)
                if let sync, event.issue != nil || event.page != nil { await sync.touched() }
            }
        )
        let running: RunningWebhookListener
        do {
            running = try await listener.start()
        } catch {
            StandardStreams.error("switchyard webhooks listen: \(error)")
            await session?.stop()
            throw ExitCode(1)
        }
        StandardStreams.error("listening for webhook deliveries on \(running.url)")
        await SignalWaiter.waitForInterrupt()
        await running.stop()
        await runner?.finish()
        await sync?.finish()
        await session?.stop()
    }

    /// With --sync: a runtime for the export, and the sync, checked before the listener starts.
    private func startSync() async throws -> (RuntimeSession?, ExportSync?) {
        guard let syncState else { return (nil, nil) }
        var session: RuntimeSession?
        do {
            let started = try await RuntimeSession.start(global: global, safety: .defaults(), sandbox: false, logger: global.makeLogger())
            session = started
            return (started, try ExportSync(runtime: started.runtime, statePath: syncState, output: syncOutput))
        } catch {
            await session?.stop()
            StandardStreams.error("switchyard webhooks listen: \(error.message)")
            throw ExitCode(1)
        }
    }

    private func makeConfiguration() -> WebhookListenerConfiguration {
        let environmentSecret = ProcessInfo.processInfo.environment["JIRA_WEBHOOK_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        return WebhookListenerConfiguration(
            host: host, port: port, path: path, secret: secret ?? environmentSecret,
            allowedSources: allowFrom.isEmpty ? WebhookListenerConfiguration.loopback : allowFrom.compactMap { IPNetwork(cidr: $0) },
            maxAge: .seconds(maxAge), includeRaw: raw,
            tls: tlsCert.flatMap { certificate in
                tlsKey.map { WebhookListenerConfiguration.TLSFiles(certificatePath: certificate, privateKeyPath: $0) }
            }
        )
    }
}
