/// A GFM table: one header row and body rows, every cell inline content; rows are padded to one width.
///
/// ```swift
/// let table = MarkdownTable(header: [[.text("Key")], [.text("Status")]], rows: [[[.text("DEMO-1")], [.text("Done")]]])
/// // | Key | Status |
/// // | --- | --- |
/// // | DEMO-1 | Done |
/// ```
public struct MarkdownTable: Sendable, Hashable {
    public var header: [[MarkdownInline]]
    public var rows: [[[MarkdownInline]]]

    /// Pads every row (and the header) with empty cells to the widest row.
    public init(header: [[MarkdownInline]], rows: [[[MarkdownInline]]]) {
        let width = max(header.count, rows.map(\.count).max() ?? 0, 1)
        func padded(_ row: [[MarkdownInline]]) -> [[MarkdownInline]] {
            row.count >= width ? row : row + Array(repeating: [], count: width - row.count)
        }
        self.header = padded(header)
        self.rows = rows.map(padded)
    }

    public var columnCount: Int { header.count }
}
