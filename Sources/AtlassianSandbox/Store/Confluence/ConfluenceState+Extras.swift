/// Labels, footer comments and attachments of pages and blog posts.
///
/// ```swift
/// state.confluence.addLabel("runbook", prefix: "global", to: "98314")
/// state.confluence.labels(on: "98314").map(\.name)     // ["on-call", "runbook"]
/// state.confluence.comments(on: "98311").count          // 2
/// ```
extension ConfluenceState {
    /// The labels on a piece of content, sorted by name.
    func labels(on contentId: String) -> [ConfluenceLabel] {
        (labelsByContent[contentId] ?? []).sorted { $0.name < $1.name }
    }

    /// Adds a label (idempotently) and returns it; a name used anywhere before keeps its id.
    @discardableResult
    mutating func addLabel(_ name: String, prefix: String, to contentId: String) -> ConfluenceLabel {
        let key = "\(prefix):\(name)"
        let id: String
        if let known = labelIDsByName[key] {
            id = known
        } else {
            id = String(nextLabelID)
            nextLabelID += 1
            labelIDsByName[key] = id
        }
        let label = ConfluenceLabel(id: id, prefix: prefix, name: name)
        if !(labelsByContent[contentId] ?? []).contains(label) { labelsByContent[contentId, default: []].append(label) }
        return label
    }

    /// Removes every label with this name (any prefix); `false` when the content had none.
    mutating func removeLabel(named name: String, from contentId: String) -> Bool {
        let before = labelsByContent[contentId] ?? []
        let after = before.filter { $0.name != name }
        labelsByContent[contentId] = after
        return after.count != before.count
    }

    /// The live footer comments on a piece of content, oldest first.
    func comments(on contentId: String) -> [ConfluenceComment] {
        comments.filter { $0.containerId == contentId && $0.status == "current" && $0.inline == nil }
            .sorted { (Int($0.id) ?? 0) < (Int($1.id) ?? 0) }
    }

    /// The live inline comments (and replies to them) on a piece of content, oldest first.
    func inlineComments(on contentId: String) -> [ConfluenceComment] {
        comments.filter { $0.containerId == contentId && $0.status == "current" && $0.inline != nil }
            .sorted { (Int($0.id) ?? 0) < (Int($1.id) ?? 0) }
    }

    func comment(id: String) -> ConfluenceComment? {
        comments.first { $0.id == id }
    }

    /// Inserts or replaces a comment.
    mutating func save(_ comment: ConfluenceComment) {
        if let index = comments.firstIndex(where: { $0.id == comment.id }) {
            comments[index] = comment
        } else {
            comments.append(comment)
        }
    }

    mutating func removeComment(id: String) {
        comments.removeAll { $0.id == id }
    }

    /// The current attachments of a piece of content, oldest first.
    func attachments(on contentId: String) -> [ConfluenceAttachment] {
        attachments.filter { $0.containerId == contentId && $0.status == "current" }
    }
}
