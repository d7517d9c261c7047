/// Page-tree rules shared by create, update, delete and move, and the version history of pages.
extension ConfluenceState {
    /// Whether another live page in the space already has this title (Confluence titles are unique per
    /// space, ignoring case).
    func hasPage(titled title: String, inSpace spaceId: String, excluding excludedId: String? = nil) -> Bool {
        contentByID.values.contains { item in
            item.kind == .page && item.spaceId == spaceId && item.status != "trashed" && item.id != excludedId
                && item.title.lowercased() == title.lowercased()
        }
    }

    /// `parentId` when it names a live page in the space; otherwise a 400.
    func validParent(_ parentId: String, inSpace spaceId: String) throws(APIError) -> String {
        guard let parent = content(id: parentId), parent.kind == .page, parent.spaceId == spaceId, parent.status != "trashed" else {
            throw .badRequest("The parent page '\(parentId)' does not exist in this space.")
        }
        return parent.id
    }

    /// The position after the last existing sibling.
    func nextChildPosition(under parentId: String?, inSpace spaceId: String) -> Int {
        let siblings = contentByID.values.filter { $0.kind == .page && $0.spaceId == spaceId && $0.parentId == parentId }
        return (siblings.map(\.position).max() ?? -1) + 1
    }

    /// Moves a page relative to `target`: `append` makes it the target's last child, `before`/`after` its
    /// sibling just before or after it, renumbering the new siblings. Moves within one space only.
    mutating func move(_ pageId: String, _ position: MovePosition, target targetId: String) throws(APIError) {
        guard var page = content(id: pageId), page.kind == .page, page.status != "trashed",
            let target = content(id: targetId), target.kind == .page, target.status != "trashed"
        else { throw .notFound("The page or the target page does not exist.") }
        guard target.spaceId == page.spaceId else { throw .badRequest("The sandbox moves pages within their space only.") }
        let newParent = position == .append ? target.id : target.parentId
        guard target.id != page.id, newParent != page.id, !ancestors(of: target.id).contains(where: { $0.id == page.id }) else {
            throw .badRequest("The move would create a parent-child loop: a page cannot be moved below itself.")
        }
        var siblings = contentByID.values
            .filter { $0.kind == .page && $0.spaceId == page.spaceId && $0.parentId == newParent && $0.id != page.id }
            .sorted { ($0.position, Int($0.id) ?? 0) < ($1.position, Int($1.id) ?? 0) }
        page.parentId = newParent
        switch position {
        case .append: siblings.append(page)
        case .before: siblings.insert(page, at: siblings.firstIndex { $0.id == target.id } ?? 0)
        case .after: siblings.insert(page, at: (siblings.firstIndex { $0.id == target.id } ?? siblings.count - 1) + 1)
        }
        for (index, var sibling) in siblings.enumerated() {
            sibling.position = index
            save(sibling)
        }
    }

    /// Every version of a page or blog post, oldest first. Versions saved in this sandbox keep their
    /// author, date and message; earlier seed versions are filled in by the content's author, an hour apart.
    func versions(of item: ConfluenceContent) -> [ConfluenceContent.Version] {
        let recorded = earlierVersions[item.id] ?? []
        let earlier = (1..<max(item.version.number, 1)).map { number in
            recorded.first { $0.number == number }
                ?? .init(number: number, message: "", minorEdit: false, authorId: item.authorId, createdAt: item.createdAt.adding(minutes: (number - 1) * 60))
        }
        return earlier + [item.version]
    }

    /// Where `move` puts a page relative to its target.
    enum MovePosition: String, Sendable {
        case before, after, append
    }
}
