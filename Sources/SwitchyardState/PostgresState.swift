import Crypto
import Foundation
import Logging
import NIOCore
import PostgresNIO
import Switchyard

/// The state replicas share, in PostgreSQL (`--state postgres://…`): server-held OAuth 2.0 tokens with a
/// row lock around every refresh, and the key confirmation tokens are signed with.
///
/// The schema is created and migrated by ``migrate()`` (`switchyard db migrate`); a server checks it at
/// start and says to migrate when it is behind.
///
/// ```swift
/// let state = try await PostgresState.connect(url: "postgres://switchyard:secret@127.0.0.1:5432/switchyard")
/// try await state.migrate()
/// settings.sharedTokens = state
/// let tokens = ConfirmationTokens(key: try await state.confirmationKey())
/// await state.close()
/// ```
public final class PostgresState: SharedTokenStore {
    /// The schema version this binary writes; ``migrate()`` brings a database up to it.
    public static let schemaVersion = 1

    private let client: PostgresClient
    private let running: Task<Void, Never>
    private let logger: Logger
    /// Where the database is, for messages: never the password.
    public let location: String

    private init(client: PostgresClient, location: String, logger: Logger) {
        self.client = client
        self.location = location
        self.logger = logger
        running = Task { await client.run() }
    }

    /// Connects and checks the database answers within `timeout`; the error names the database, never its
    /// password.
    public static func connect(url: String, timeout: Duration = .seconds(10), logger: Logger = Logger(label: "switchyard.state")) async throws(StateError) -> PostgresState {
        let target = try StateURL(url)
        var configuration = PostgresClient.Configuration(
            host: target.host, port: target.port, username: target.username, password: target.password,
            database: target.database, tls: target.requireTLS ? .require(.makeClientConfiguration()) : .disable
        )
        configuration.options.connectTimeout = .seconds(Int64(timeout.components.seconds))
        let state = PostgresState(client: PostgresClient(configuration: configuration, backgroundLogger: logger), location: target.location, logger: logger)
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { _ = try await state.client.query("SELECT 1", logger: logger).collect() }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw StateError.unreachable(location: target.location, reason: "no answer within \(timeout)")
                }
                try await group.next()
                group.cancelAll()
            }
        } catch {
            await state.close()
            if let error = error as? StateError { throw error }
            throw .unreachable(location: target.location, reason: Self.describe(error))
        }
        return state
    }

    public func close() async {
        running.cancel()
        await running.value
    }

    // MARK: Schema

    /// Creates or upgrades the tables; safe to run again and from several replicas at once.
    public func migrate() async throws(StateError) {
        do {
            try await client.withTransaction(logger: logger) { connection in
                // One migrator at a time across replicas.
                try await connection.query("SELECT pg_advisory_xact_lock(7263510001)", logger: logger)
                try await connection.query("""
                    CREATE TABLE IF NOT EXISTS switchyard_schema (version integer NOT NULL)
                    """, logger: logger)
                try await connection.query("""
                    CREATE TABLE IF NOT EXISTS switchyard_oauth_tokens (
                        key text PRIMARY KEY,
                        access_token text,
                        refresh_token text,
                        expires_at timestamptz,
                        refreshed_at timestamptz,
                        refreshes bigint NOT NULL DEFAULT 0
                    )
                    """, logger: logger)
                try await connection.query("""
                    CREATE TABLE IF NOT EXISTS switchyard_keys (name text PRIMARY KEY, key bytea NOT NULL)
                    """, logger: logger)
                try await connection.query("DELETE FROM switchyard_schema", logger: logger)
                try await connection.query("INSERT INTO switchyard_schema (version) VALUES (\(Self.schemaVersion))", logger: logger)
            }
        } catch {
            throw .query(location: location, reason: Self.describe(error))
        }
    }

    /// The schema version the database is at; 0 before the first migration.
    public func currentVersion() async throws(StateError) -> Int {
        do {
            let exists = try await client.query("SELECT to_regclass('switchyard_schema') IS NOT NULL", logger: logger).collect()
            guard try exists.first?.decode(Bool.self) == true else { return 0 }
            let rows = try await client.query("SELECT version FROM switchyard_schema", logger: logger).collect()
            return try rows.first?.decode(Int.self) ?? 0
        } catch {
            throw .query(location: location, reason: Self.describe(error))
        }
    }

    /// Throws, naming the command to run, unless the schema is this binary's.
    public func checkSchema() async throws(StateError) {
        let version = try await currentVersion()
        guard version == Self.schemaVersion else {
            throw .schema(location: location, found: version, expected: Self.schemaVersion)
        }
    }

    // MARK: Confirmation key

    /// The key confirmation tokens are signed with, the same on every replica: created on first use.
    public func confirmationKey() async throws(StateError) -> SymmetricKey {
        let fresh = ByteBuffer(bytes: SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
        do {
            try await client.query(
                "INSERT INTO switchyard_keys (name, key) VALUES ('confirmation', \(fresh)) ON CONFLICT (name) DO NOTHING", logger: logger
            )
            let rows = try await client.query("SELECT key FROM switchyard_keys WHERE name = 'confirmation'", logger: logger).collect()
            guard let bytes = try rows.first?.decode(ByteBuffer.self), bytes.readableBytes == 32 else {
                throw StateError.query(location: location, reason: "the confirmation key was not stored")
            }
            return SymmetricKey(data: Array(bytes.readableBytesView))
        } catch let error as StateError {
            throw error
        } catch {
            throw .query(location: location, reason: Self.describe(error))
        }
    }

    // MARK: SharedTokenStore

    public func load(key: String, seed: SharedTokenRecord) async throws(ExecutionError) -> SharedTokenRecord {
        do {
            try await client.query("""
                INSERT INTO switchyard_oauth_tokens (key, access_token, refresh_token, expires_at)
                VALUES (\(key), \(seed.accessToken), \(seed.refreshToken), \(seed.expiresAt))
                ON CONFLICT (key) DO NOTHING
                """, logger: logger)
            let rows = try await client.query(
                "SELECT access_token, refresh_token, expires_at FROM switchyard_oauth_tokens WHERE key = \(key)", logger: logger
            ).collect()
            guard let row = rows.first else { return seed }
            let (access, refresh, expires) = try row.decode((String?, String?, Date?).self)
            return SharedTokenRecord(accessToken: access, refreshToken: refresh, expiresAt: expires)
        } catch {
            throw failure(error)
        }
    }

    public func update(
        key: String, _ change: @escaping @Sendable (SharedTokenRecord) async throws(ExecutionError) -> SharedTokenRecord?
    ) async throws(ExecutionError) -> SharedTokenRecord {
        do {
            return try await client.withTransaction(logger: logger) { connection in
                let rows = try await connection.query(
                    "SELECT access_token, refresh_token, expires_at FROM switchyard_oauth_tokens WHERE key = \(key) FOR UPDATE", logger: logger
                ).collect()
                var current = SharedTokenRecord(accessToken: nil, refreshToken: nil, expiresAt: nil)
                if let row = rows.first {
                    let (access, refresh, expires) = try row.decode((String?, String?, Date?).self)
                    current = SharedTokenRecord(accessToken: access, refreshToken: refresh, expiresAt: expires)
                }
                guard let next = try await change(current) else { return current }
                try await connection.query("""
                    INSERT INTO switchyard_oauth_tokens (key, access_token, refresh_token, expires_at, refreshed_at, refreshes)
                    VALUES (\(key), \(next.accessToken), \(next.refreshToken), \(next.expiresAt), now(), 1)
                    ON CONFLICT (key) DO UPDATE SET access_token = EXCLUDED.access_token, refresh_token = EXCLUDED.refresh_token,
                        expires_at = EXCLUDED.expires_at, refreshed_at = now(), refreshes = switchyard_oauth_tokens.refreshes + 1
                    """, logger: logger)
                return next
            }
        } catch {
            throw failure(error)
        }
    }

    private func failure(_ error: any Error) -> ExecutionError {
        if let error = error as? ExecutionError { return error }
        return ExecutionError(kind: .config, message: "the shared state at \(location) failed: \(Self.describe(error))", retryable: true)
    }

    /// What went wrong, from PostgreSQL's own message where there is one; never the connection's password.
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            return "\(error.code)"
        }
        return String(describing: error)
    }
}

/// Why the shared state cannot be used, naming the database (never its password) and what to do.
public enum StateError: Error, Sendable, CustomStringConvertible {
    case url(String)
    case unreachable(location: String, reason: String)
    case query(location: String, reason: String)
    case schema(location: String, found: Int, expected: Int)

    public var description: String {
        switch self {
        case .url(let problem):
            "--state: \(problem)"
        case .unreachable(let location, let reason):
            "cannot reach PostgreSQL at \(location) (--state): \(reason)"
        case .query(let location, let reason):
            "PostgreSQL at \(location) (--state) refused: \(reason)"
        case .schema(let location, let found, let expected):
            "the database at \(location) has Switchyard schema version \(found), this binary needs \(expected): run switchyard db migrate --state <url>"
        }
    }
}
