import Switchyard

extension ConfluenceRenderer {
    /// A v1 Content object; `expand` may add `body.storage`, `body.atlas_doc_format`, `version`, `space`
    /// and `ancestors`, the rest is listed under `_expandable` as Confluence does.
    func v1Content(_ content: ConfluenceContent, expand: Set<String>) -> JSONValue {
        let space = state.confluence.space(id: content.spaceId)
        var object: JSONObject = [
            "id": .string(content.id),
            "type": .string(content.kind.rawValue),
            "status": .string(content.status),
            "title": .string(content.title),
        ]
        var expandable: JSONObject = [:]
        if expand.contains("space"), let space {
            object["space"] = v1Space(space)
        } else {
            expandable["space"] = .string("/rest/api/space/\(space?.key ?? "")")
        }
        if expand.contains("version") {
            object["version"] = [
                "by": state.jira.user(accountId: content.version.authorId).map(v1User) ?? .null,
                "when": .string(content.version.createdAt.isoText),
                "number": .number(JSONNumber(content.version.number)),
                "message": .string(content.version.message),
                "minorEdit": .bool(content.version.minorEdit),
            ]
        } else {
            expandable["version"] = ""
        }
        if expand.contains("ancestors") {
            object["ancestors"] = .array(state.confluence.ancestors(of: content.id).map { v1Content($0, expand: []) })
        } else {
            expandable["ancestors"] = ""
        }
        var body = JSONObject()
        for representation in ContentBody.Representation.allCases where expand.contains("body.\(representation.rawValue)") {
            body[representation.rawValue] = [
                "value": .string(BodyConverter.value(of: content.body, as: representation)),
                "representation": .string(representation.rawValue),
            ]
        }
        if body.isEmpty { expandable["body"] = "" } else { object["body"] = .object(body) }
        object["extensions"] = ["position": .number(JSONNumber(content.position))]
        object["_expandable"] = .object(expandable)
        object["_links"] = [
            "webui": .string(content.webPath(spaceKey: space?.key ?? "")),
            "edit": .string("/pages/resumedraft.action?draftId=\(content.id)"),
            "self": .string("\(wikiBase)/rest/api/content/\(content.id)"),
        ]
        return .object(object)
    }

    /// A v1 Space summary: numeric id, key, name.
    func v1Space(_ space: ConfluenceSpace) -> JSONValue {
        [
            "id": .number(JSONNumber(Int(space.id) ?? 0)),
            "key": .string(space.key),
            "name": .string(space.name),
            "type": .string(space.type),
            "status": "current",
            "_links": ["webui": .string(space.webPath), "self": .string("\(wikiBase)/rest/api/space/\(space.key)")],
        ]
    }
}
