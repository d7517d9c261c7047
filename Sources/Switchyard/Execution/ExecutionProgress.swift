/// How far a paginated execute has come, reported after each page.
public struct ExecutionProgress: Sendable, Hashable {
    /// Pages fetched so far.
    public let pages: Int
    /// Records gathered so far.
    public let records: Int
    /// Records asked for in all.
    public let limit: Int
}

/// Receives ``ExecutionProgress`` while an execute walks its pages.
public typealias ProgressHandler = @Sendable (ExecutionProgress) -> Void
