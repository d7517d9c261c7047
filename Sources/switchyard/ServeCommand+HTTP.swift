import ArgumentParser
import Logging
import Metrics
import Switchyard
import SwitchyardHTTP
import SwitchyardServer

extension ServeCommand {
    /// Serves `server` over Streamable HTTP until SIGTERM or SIGINT has drained it.
    func serveHTTP(_ server: ServerSession, logger: Logger) async throws {
        let configuration: HTTPServeConfiguration
        do {
            configuration = try remote.configuration()
        } catch {
            StandardStreams.error("switchyard serve: \(error.message)")
            throw ExitCode(1)
        }
        let metrics = ServerMetrics()
        // The runtime's own metrics (upstream latency, retries, token refreshes) land in the same registry.
        MetricsSystem.bootstrap(metrics.metricsFactory)
        let running: RunningMCPHTTPServer
        do {
            running = try await MCPHTTPServer(session: server, configuration: configuration, metrics: metrics, logger: logger)
                .start(shutdownSignals: [.sigterm, .sigint])
        } catch {
            StandardStreams.error("switchyard serve: \(error)")
            throw ExitCode(1)
        }
        StandardStreams.error("switchyard: serving MCP at \(running.url) (health /healthz, readiness /readyz, metrics /metrics)")
        // A runtime that cannot load (a bad --toolsets, say) stops the server: exit 1 with the reason.
        let loadWatch = Task { () -> String? in
            guard let failure = await Self.loadFailure(of: server) else { return nil }
            await running.stop()
            return failure
        }
        await running.wait()
        if let failure = await loadWatch.value {
            StandardStreams.error("switchyard serve: \(failure)")
            throw ExitCode(1)
        }
        logger.info("drained: the HTTP server has stopped")
    }
}
