import Foundation

/// Turns one record into an export document by the entity's ``DocumentMapping``, converting rich text to
/// Markdown with the named transform.
struct DocumentBuilder {
    let mapping: DocumentMapping
    let source: JSONValue
    let baseURL: String
    let comments: Bool
    let attachments: Bool

    /// The record's id (a string or a number) at `path`; `field` names the export field that points there.
    static func id(of record: JSONValue, at path: RecordPath, field: String) throws(ExecutionError) -> String {
        guard let id = path.value(in: record), id.stringValue != nil || id.numberValue != nil else {
            throw ExecutionError(
                kind: .upstream, message: "a record has no id at \(path) (the export's \(field))",
                details: ["record_excerpt": .string(String(record.serialized().prefix(200)))], retryable: false
            )
        }
        return id.displayText
    }

    /// The line that says the record with `id` is gone.
    func tombstone(_ id: String) -> JSONValue {
        ["id": .string(id), "source": source, "deleted": true]
    }

    /// The document, and the record's `updated` time when it has one.
    func document(from record: JSONValue) throws(ExecutionError) -> (document: JSONValue, updated: Date?) {
        let id = try Self.id(of: record, at: mapping.id, field: "document.id")
        var document: JSONObject = ["id": .string(id), "source": source]
        if let url = mapping.url.render(record: record, variables: ["base_url": baseURL]) { document["url"] = .string(url) }
        document["title"] = .string(mapping.title.value(in: record)?.stringValue ?? "")
        var text = mapping.text.map { markdown(record, $0) } ?? ""
        if comments, let commentMapping = mapping.comments {
            text += foldedComments(record, commentMapping)
        }
        document["text"] = .string(text)
        var metadata = JSONObject()
        for entry in mapping.metadata {
            if let value = entry.path.value(in: record), !value.isNull { metadata[entry.name] = value }
        }
        document["metadata"] = .object(metadata)
        let updated = mapping.updated.flatMap { $0.value(in: record) }
        document["created"] = mapping.created.flatMap { $0.value(in: record) } ?? .null
        document["updated"] = updated ?? .null
        if attachments, let attachmentMapping = mapping.attachments {
            let items = attachmentMapping.items.value(in: record)?.arrayValue ?? []
            document["attachments"] = .array(items.map { item in
                var attachment: JSONObject = ["name": attachmentMapping.name.value(in: item) ?? .null]
                if let url = attachmentMapping.url?.value(in: item) { attachment["url"] = url }
                return .object(attachment)
            })
        }
        return (.object(document), updated?.stringValue.flatMap(ExportTimestamp.parse))
    }

    /// The field as Markdown; a value the transform cannot convert is kept as its text rather than lost.
    private func markdown(_ record: JSONValue, _ field: TextField) -> String {
        guard var value = field.path.value(in: record), !value.isNull else { return "" }
        if let name = field.transform, let function = TextTransforms.function(named: name), let converted = try? function(value) {
            value = converted
        }
        return value.stringValue ?? value.serialized()
    }

    private func foldedComments(_ record: JSONValue, _ mapping: CommentMapping) -> String {
        let items = mapping.items.value(in: record)?.arrayValue ?? []
        guard !items.isEmpty else { return "" }
        var text = "\n\n## Comments\n"
        for item in items {
            var heading = mapping.author?.value(in: item)?.stringValue ?? "Unknown"
            if let created = mapping.created?.value(in: item)?.stringValue { heading += " (\(created))" }
            text += "\n**\(heading)**\n\n\(markdown(item, mapping.body))\n"
        }
        return text
    }
}
