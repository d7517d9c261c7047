import ArgumentParser
import Foundation
import Logging
import SwitchyardState

/// `switchyard db`: the PostgreSQL state replicas share.
struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Manage the PostgreSQL state that replicas of `serve --state` share.",
        subcommands: [Migrate.self, Status.self]
    )

    /// Where the database is: `--state`, else `SWITCHYARD_STATE`.
    struct Target: ParsableArguments {
        @Option(help: ArgumentHelp("The PostgreSQL URL (also SWITCHYARD_STATE).", valueName: "postgres://…"))
        var state: String?

        func connect() async throws -> PostgresState {
            guard let url = state ?? ProcessInfo.processInfo.environment["SWITCHYARD_STATE"], !url.isEmpty else {
                StandardStreams.error("switchyard db: give --state postgres://user:password@host:port/database (or set SWITCHYARD_STATE)")
                throw ExitCode(2)
            }
            do {
                return try await PostgresState.connect(url: url, logger: Logger(label: "switchyard.db") { _ in SwiftLogNoOpLogHandler() })
            } catch {
                StandardStreams.error("switchyard db: \(error)")
                throw ExitCode(1)
            }
        }
    }

    /// `switchyard db migrate`
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create or upgrade the tables (safe to run again, and from several replicas at once).",
            discussion: "Example: switchyard db migrate --state postgres://switchyard:secret@127.0.0.1:5432/switchyard"
        )

        @OptionGroup var target: Target

        func run() async throws {
            let state = try await target.connect()
            do {
                let before = try await state.currentVersion()
                try await state.migrate()
                print("schema version \(PostgresState.schemaVersion) at \(state.location) (was \(before))")
            } catch {
                await state.close()
                StandardStreams.error("switchyard db migrate: \(error)")
                throw ExitCode(1)
            }
            await state.close()
        }
    }

    /// `switchyard db status`
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the schema version and whether this binary can use it.")

        @OptionGroup var target: Target

        func run() async throws {
            let state = try await target.connect()
            do {
                let version = try await state.currentVersion()
                let verdict = version == PostgresState.schemaVersion ? "up to date" : "needs: switchyard db migrate"
                print("schema version \(version) at \(state.location); this binary uses \(PostgresState.schemaVersion): \(verdict)")
            } catch {
                await state.close()
                StandardStreams.error("switchyard db status: \(error)")
                throw ExitCode(1)
            }
            await state.close()
        }
    }
}
