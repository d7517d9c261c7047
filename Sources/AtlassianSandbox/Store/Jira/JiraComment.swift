import Switchyard

/// A comment on an issue; its body is an ADF document.
///
/// ```swift
/// JiraComment(id: "10100", authorId: JiraUser.alice.accountId, body: ADF.doc([ADF.paragraph("Looks good")]), created: now)
/// ```
struct JiraComment: Sendable {
    let id: String
    let authorId: String
    var updateAuthorId: String
    var body: JSONValue
    let created: Timestamp
    var updated: Timestamp

    init(id: String, authorId: String, body: JSONValue, created: Timestamp) {
        self.id = id
        self.authorId = authorId
        self.updateAuthorId = authorId
        self.body = body
        self.created = created
        self.updated = created
    }
}
