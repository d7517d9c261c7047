/// One page of an ordered result list, cut by offset and size.
///
/// ```swift
/// let page = Page(of: issues, offset: 50, limit: 50)
/// page.items.count    // up to 50
/// page.nextOffset     // 100, or nil on the last page
/// ```
struct Page<Item> {
    let items: [Item]
    let offset: Int
    let total: Int

    init(of all: [Item], offset: Int, limit: Int) {
        let start = min(max(offset, 0), all.count)
        let end = min(start + max(limit, 0), all.count)
        items = Array(all[start..<end])
        self.offset = start
        total = all.count
    }

    var isLast: Bool { offset + items.count >= total }

    var nextOffset: Int? { isLast ? nil : offset + items.count }
}
