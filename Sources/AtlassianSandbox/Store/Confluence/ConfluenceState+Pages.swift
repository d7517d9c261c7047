/// Page-tree rules shared by create, update and delete.
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
}
