/// The documents of an ``ExportRun`` one by one, for callers that need no checkpoints.
///
/// ```swift
/// for try await document in try runtime.export(request).documents {
///     print(document["id"]?.stringValue ?? "")
/// }
/// ```
public struct ExportDocuments: AsyncSequence, Sendable {
    public typealias Element = JSONValue
    public typealias Failure = ExecutionError

    let run: ExportRun

    public func makeAsyncIterator() -> Iterator {
        Iterator(pages: run.makeAsyncIterator())
    }

    /// Hands out the documents of the current page, fetching the next page when they run out.
    public struct Iterator: AsyncIteratorProtocol {
        var pages: ExportRun.Iterator
        var buffered: [JSONValue] = []
        var index = 0

        public mutating func next() async throws(ExecutionError) -> JSONValue? {
            while index == buffered.count {
                guard let page = try await pages.next() else { return nil }
                buffered = page.documents
                index = 0
            }
            defer { index += 1 }
            return buffered[index]
        }
    }
}

extension ExportRun {
    /// The run's documents, flattened over its pages.
    public var documents: ExportDocuments { ExportDocuments(run: self) }
}
