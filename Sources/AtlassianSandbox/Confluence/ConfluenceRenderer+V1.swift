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
            object["version"] = v1Version(content.version)
        } else {
            expandable["version"] = ""
        }
        if expand.contains("ancestors") {
            object["ancestors"] = .array(state.confluence.ancestors(of: content.id).map { v1Content($0, expand: []) })
        } else {
            expandable["ancestors"] = ""
        }
        if let body = v1Body(content.body, expand: expand) { object["body"] = body } else { expandable["body"] = "" }
        if expand.contains("metadata.labels") {
            let labels = state.confluence.labels(on: content.id)
            object["metadata"] = [
                "labels": [
                    "results": .array(labels.map(v1Label)), "start": 0,
                    "limit": 200, "size": .number(JSONNumber(labels.count)),
                ]
            ]
        }
        object["extensions"] = ["position": .number(JSONNumber(content.position))]
        object["_expandable"] = .object(expandable)
        object["_links"] = [
            "webui": .string(content.webPath(spaceKey: space?.key ?? "")),
            "edit": .string("/pages/resumedraft.action?draftId=\(content.id)"),
            "self": .string("\(wikiBase)/rest/api/content/\(content.id)"),
        ]
        return .object(object)
    }

    /// A v1 Space; `expand` may add `description.plain` and `homepage`.
    func v1Space(_ space: ConfluenceSpace, expand: Set<String> = []) -> JSONValue {
        var object: JSONObject = [
            "id": .number(JSONNumber(Int(space.id) ?? 0)),
            "key": .string(space.key),
            "name": .string(space.name),
            "type": .string(space.type),
            "status": "current",
        ]
        var expandable: JSONObject = [:]
        if expand.contains("description") || expand.contains("description.plain") {
            object["description"] = ["plain": ["value": .string(space.description), "representation": "plain", "embeddedContent": []]]
        } else {
            expandable["description"] = ""
        }
        if expand.contains("homepage"), let home = space.homepageId.flatMap(state.confluence.content(id:)) {
            object["homepage"] = v1Content(home, expand: [])
        } else {
            expandable["homepage"] = .string(space.homepageId.map { "/rest/api/content/\($0)" } ?? "")
        }
        object["_expandable"] = .object(expandable)
        object["_links"] = ["webui": .string(space.webPath), "self": .string("\(wikiBase)/rest/api/space/\(space.key)")]
        return .object(object)
    }

    /// A v1 ContentHistory: who created the content and when, and its latest version under `lastUpdated`,
    /// which Confluence includes without being asked.
    func v1History(_ content: ConfluenceContent) -> JSONValue {
        var object: JSONObject = ["latest": true]
        if let creator = state.jira.user(accountId: content.authorId) { object["createdBy"] = v1User(creator) }
        object["createdDate"] = .string(content.createdAt.isoText)
        object["lastUpdated"] = v1Version(content.version)
        object["_expandable"] = ["previousVersion": "", "contributors": "", "nextVersion": ""]
        object["_links"] = ["self": .string("\(wikiBase)/rest/api/content/\(content.id)/history"), "base": .string(wikiBase), "context": .string(context)]
        return .object(object)
    }
}
