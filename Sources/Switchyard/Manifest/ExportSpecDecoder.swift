/// Decodes an entity's `export` section (``ExportSpec``), checking it against the connector's actions: the
/// listing action (of this entity, or of the one `entity` names) must be paginated and read-only, the fetch
/// action read-only, every template may use only
/// the placeholders its place allows, and every transform must exist.
enum ExportSpecDecoder {
    static func decode(_ json: JSONValue, entity: String, entities: [Entity], at pointer: JSONPointer, problems: inout ProblemList) -> ExportSpec? {
        guard var reader = ObjectReader(json, at: pointer, what: "'export'", problems: &problems) else { return nil }
        let description = reader.string("description", required: true, problems: &problems) ?? ""
        var pageSize: Int?
        let list = reader.value("list").flatMap { listJSON -> ExportCall? in
            let listPointer = pointer.appending("list")
            guard var listReader = ObjectReader(listJSON, at: listPointer, what: "'list'", problems: &problems) else { return nil }
            pageSize = listReader.integer("page_size", minimum: 1, problems: &problems)
            let call = decodeCall(&listReader, variables: ["query"], entity: entity, entities: entities, at: listPointer, problems: &problems)
            if let call, let action = entities.first(where: { $0.name == call.entity })?.action(call.action), !action.isPaginated {
                problems.add(listPointer.appending("action"), "the listing action '\(call.action)' must be paginated")
            }
            listReader.reportUnknownFields(&problems)
            return call
        }
        if reader.object["list"] == nil { problems.add(pointer, "missing required field 'list'") }
        let fetch = reader.value("fetch").flatMap { fetchJSON -> ExportCall? in
            guard var fetchReader = ObjectReader(fetchJSON, at: pointer.appending("fetch"), what: "'fetch'", problems: &problems) else { return nil }
            let call = decodeCall(&fetchReader, variables: [], entity: entity, entities: entities, at: pointer.appending("fetch"), problems: &problems)
            fetchReader.reportUnknownFields(&problems)
            return call
        }
        let query = decodeQuery(reader.value("query"), at: pointer.appending("query"), problems: &problems)
        let selectors = reader.value("selectors").map { decodeSelectors($0, at: pointer.appending("selectors"), problems: &problems) } ?? []
        if let list, !selectors.isEmpty, !list.params.contains(where: { member in member.value.stringValue?.contains("{query}") == true }) {
            problems.add(pointer.appending("list").appending("params"), "selectors fill {query}, but no listing param uses it")
        }
        let document = reader.value("document").flatMap { decodeDocument($0, at: pointer.appending("document"), problems: &problems) }
        if reader.object["document"] == nil { problems.add(pointer, "missing required field 'document'") }
        let deletions = reader.value("deletions").flatMap { decodeDeletions($0, list: list, entities: entities, at: pointer.appending("deletions"), problems: &problems) }
        if deletions != nil, query?.since == nil {
            problems.add(pointer.appending("deletions"), "deletions are found by incremental runs, so the export needs query.since")
        }
        reader.reportUnknownFields(&problems)
        guard let list, let query, let document else { return nil }
        return ExportSpec(
            description: description, list: list, pageSize: pageSize, fetch: fetch, query: query, selectors: selectors, document: document,
            deletions: deletions
        )
    }

    private static func decodeCall(
        _ reader: inout ObjectReader, variables: Set<String>, entity: String, entities: [Entity], at pointer: JSONPointer, problems: inout ProblemList
    ) -> ExportCall? {
        let entityName = reader.string("entity", problems: &problems) ?? entity
        let actionName = reader.string("action", required: true, problems: &problems)
        var params = JSONObject()
        if let paramsJSON = reader.value("params") {
            if let object = paramsJSON.objectValue {
                params = object
                for member in object {
                    guard let text = member.value.stringValue else { continue }
                    recordTemplate(text, variables: variables, at: pointer.appending("params").appending(member.key), problems: &problems)
                }
            } else {
                problems.add(pointer.appending("params"), "'params' must be an object, got \(paramsJSON.typeName)")
            }
        }
        guard let actionName else { return nil }
        guard let owner = entities.first(where: { $0.name == entityName }) else {
            problems.add(pointer.appending("entity"), "'\(entityName)' names no entity of this connector; entities: \(entities.map(\.name).joined(separator: ", "))")
            return nil
        }
        guard let action = owner.action(actionName) else {
            var message = "'\(actionName)' names no action of entity '\(entityName)'"
            if let suggestion = EditDistance.closestMatch(to: actionName, among: owner.actions.map(\.name)) { message += "; did you mean '\(suggestion)'?" }
            problems.add(pointer.appending("action"), message)
            return nil
        }
        if !action.safety.readOnly {
            problems.add(pointer.appending("action"), "an export may only use read-only actions; '\(actionName)' is not")
        }
        let declared = action.declaredParamNames
        for member in params where !declared.contains(member.key) {
            problems.add(pointer.appending("params").appending(member.key), "'\(member.key)' is not a param of '\(actionName)'; its params: \(declared.sorted().joined(separator: ", "))")
        }
        return ExportCall(entity: entityName, action: actionName, params: params)
    }

    /// `deletions`: the id's path in a listed record, and params that must be the listing action's.
    private static func decodeDeletions(
        _ json: JSONValue, list: ExportCall?, entities: [Entity], at pointer: JSONPointer, problems: inout ProblemList
    ) -> ExportDeletions? {
        guard var reader = ObjectReader(json, at: pointer, what: "'deletions'", problems: &problems) else { return nil }
        let id = path(&reader, "id", required: true, problems: &problems)
        let pageSize = reader.integer("page_size", minimum: 1, problems: &problems)
        var params = JSONObject()
        if let paramsJSON = reader.value("params") {
            if let object = paramsJSON.objectValue {
                params = object
            } else {
                problems.add(pointer.appending("params"), "'params' must be an object, got \(paramsJSON.typeName)")
            }
        }
        if let list, let action = entities.first(where: { $0.name == list.entity })?.action(list.action) {
            let declared = action.declaredParamNames
            for member in params where !declared.contains(member.key) {
                problems.add(pointer.appending("params").appending(member.key), "'\(member.key)' is not a param of the listing action '\(list.action)'; its params: \(declared.sorted().joined(separator: ", "))")
            }
        }
        reader.reportUnknownFields(&problems)
        guard let id else { return nil }
        return ExportDeletions(id: id, params: params, pageSize: pageSize)
    }

    private static func decodeQuery(_ json: JSONValue?, at pointer: JSONPointer, problems: inout ProblemList) -> ExportQuery? {
        guard let json else { return ExportQuery(base: nil, join: " AND ", since: nil) }
        guard var reader = ObjectReader(json, at: pointer, what: "'query'", problems: &problems) else { return nil }
        let base = reader.string("base", problems: &problems)
        let join = reader.string("join", problems: &problems) ?? " AND "
        let since = reader.string("since", problems: &problems).flatMap {
            recordTemplate($0, variables: ["since"], at: pointer.appending("since"), problems: &problems)
        }
        if let since, !since.uses("since") { problems.add(pointer.appending("since"), "the since clause must use {since}") }
        if since?.segments.contains(where: { if case .path = $0 { true } else { false } }) == true {
            problems.add(pointer.appending("since"), "the since clause cannot read record paths")
        }
        reader.reportUnknownFields(&problems)
        return ExportQuery(base: base, join: join, since: since)
    }

    private static func decodeSelectors(_ json: JSONValue, at pointer: JSONPointer, problems: inout ProblemList) -> [ExportSelector] {
        guard let reader = ObjectReader(json, at: pointer, what: "'selectors'", problems: &problems) else { return [] }
        reader.reportDuplicateKeys(what: "selector", &problems)
        return reader.object.compactMap { member in
            let selectorPointer = pointer.appending(member.key)
            ManifestDecoder.checkName(member.key, what: "selector", at: selectorPointer, problems: &problems)
            guard var selectorReader = ObjectReader(member.value, at: selectorPointer, what: "a selector", problems: &problems) else { return nil }
            let description = selectorReader.string("description", required: true, problems: &problems) ?? ""
            let clause = selectorReader.string("clause", required: true, problems: &problems).flatMap {
                recordTemplate($0, variables: ["value"], at: selectorPointer.appending("clause"), problems: &problems)
            }
            if let clause, !clause.uses("value") { problems.add(selectorPointer.appending("clause"), "a selector's clause must use {value}") }
            selectorReader.reportUnknownFields(&problems)
            return clause.map { ExportSelector(name: member.key, description: description, clause: $0) }
        }
    }

    private static func decodeDocument(_ json: JSONValue, at pointer: JSONPointer, problems: inout ProblemList) -> DocumentMapping? {
        guard var reader = ObjectReader(json, at: pointer, what: "'document'", problems: &problems) else { return nil }
        let id = path(&reader, "id", required: true, problems: &problems)
        let title = path(&reader, "title", required: true, problems: &problems)
        let url = reader.string("url", required: true, problems: &problems).flatMap {
            recordTemplate($0, variables: ["base_url"], at: pointer.appending("url"), problems: &problems)
        }
        let text = reader.value("text").flatMap { textField($0, at: pointer.appending("text"), problems: &problems) }
        let created = path(&reader, "created", problems: &problems)
        let updated = path(&reader, "updated", problems: &problems)
        var metadata: [(String, RecordPath)] = []
        if let metadataJSON = reader.value("metadata"),
           var metadataReader = ObjectReader(metadataJSON, at: pointer.appending("metadata"), what: "'metadata'", problems: &problems) {
            for member in metadataReader.object {
                if let recordPath = path(&metadataReader, member.key, problems: &problems) { metadata.append((member.key, recordPath)) }
            }
        }
        let comments = reader.value("comments").flatMap { json -> CommentMapping? in
            let commentsPointer = pointer.appending("comments")
            guard var commentsReader = ObjectReader(json, at: commentsPointer, what: "'comments'", problems: &problems) else { return nil }
            let params = commentsReader.value("params")?.objectValue ?? JSONObject()
            let items = path(&commentsReader, "items", required: true, problems: &problems)
            let author = path(&commentsReader, "author", problems: &problems)
            let created = path(&commentsReader, "created", problems: &problems)
            let body = commentsReader.value("body").flatMap { textField($0, at: commentsPointer.appending("body"), problems: &problems) }
            if commentsReader.object["body"] == nil { problems.add(commentsPointer, "missing required field 'body'") }
            commentsReader.reportUnknownFields(&problems)
            guard let items, let body else { return nil }
            return CommentMapping(params: params, items: items, author: author, created: created, body: body)
        }
        let attachments = reader.value("attachments").flatMap { json -> AttachmentMapping? in
            guard var attachmentsReader = ObjectReader(json, at: pointer.appending("attachments"), what: "'attachments'", problems: &problems) else { return nil }
            let params = attachmentsReader.value("params")?.objectValue ?? JSONObject()
            let items = path(&attachmentsReader, "items", required: true, problems: &problems)
            let name = path(&attachmentsReader, "name", required: true, problems: &problems)
            let url = path(&attachmentsReader, "url", problems: &problems)
            attachmentsReader.reportUnknownFields(&problems)
            guard let items, let name else { return nil }
            return AttachmentMapping(params: params, items: items, name: name, url: url)
        }
        reader.reportUnknownFields(&problems)
        guard let id, let title, let url else { return nil }
        return DocumentMapping(
            id: id, title: title, url: url, text: text, created: created, updated: updated,
            metadata: metadata, comments: comments, attachments: attachments
        )
    }

    private static func path(_ reader: inout ObjectReader, _ key: String, required: Bool = false, problems: inout ProblemList) -> RecordPath? {
        guard let text = reader.string(key, required: required, problems: &problems) else { return nil }
        guard let path = RecordPath(text) else {
            problems.add(reader.pointer.appending(key), "'\(text)' is not a JSON pointer; write it as /fields/summary")
            return nil
        }
        return path
    }

    private static func textField(_ json: JSONValue, at pointer: JSONPointer, problems: inout ProblemList) -> TextField? {
        if let text = json.stringValue {
            guard let path = RecordPath(text) else {
                problems.add(pointer, "'\(text)' is not a JSON pointer; write it as /fields/description")
                return nil
            }
            return TextField(path: path, transform: nil)
        }
        guard var reader = ObjectReader(json, at: pointer, what: "a text field", problems: &problems) else { return nil }
        let path = path(&reader, "path", required: true, problems: &problems)
        let transform = reader.string("transform", problems: &problems)
        if let transform, TextTransforms.function(named: transform) == nil {
            var message = "unknown transform '\(transform)'"
            if let suggestion = EditDistance.closestMatch(to: transform, among: TextTransforms.names) { message += "; did you mean '\(suggestion)'?" }
            problems.add(pointer.appending("transform"), message + "; known: \(TextTransforms.names.joined(separator: ", "))")
        }
        reader.reportUnknownFields(&problems)
        return path.map { TextField(path: $0, transform: transform) }
    }

    @discardableResult
    private static func recordTemplate(_ text: String, variables: Set<String>, at pointer: JSONPointer, problems: inout ProblemList) -> RecordTemplate? {
        do {
            return try RecordTemplate(parsing: text, variables: variables)
        } catch {
            problems.add(pointer, error.message)
            return nil
        }
    }
}
