import Switchyard

/// Turns stored spaces, pages and users into Confluence Cloud JSON: v2 shapes (`PageBulk`, `SpaceBulk`)
/// and v1 shapes (`Content`, `User`).
///
/// ```swift
/// let renderer = ConfluenceRenderer(state: store.snapshot(), baseURL: request.baseURL)
/// renderer.page(page, bodyFormat: .storage)   // {"id":"98305","status":"current","title":...,"body":{"storage":...}}
/// ```
struct ConfluenceRenderer {
    let state: SandboxState
    let baseURL: String
    /// The context path v1 links are relative to: `/wiki` on Cloud, empty on Server/Data Center.
    var context = "/wiki"

    /// The URL v1 `_links.next` and `self` links hang off: `http://host/wiki` on Cloud, `http://host` on Data Center.
    var wikiBase: String { baseURL + context }

    /// A v2 page; `body` appears only when a body format was asked for, and `_links.base` only on single reads.
    func page(_ content: ConfluenceContent, bodyFormat: ContentBody.Representation?, includeBase: Bool = false) -> JSONValue {
        let spaceKey = state.confluence.space(id: content.spaceId)?.key ?? ""
        var object: JSONObject = [
            "id": .string(content.id),
            "status": .string(content.status),
            "title": .string(content.title),
            "spaceId": .string(content.spaceId),
        ]
        if content.kind == .page {
            // Confluence leaves `parentId`/`parentType` out for a page at the root of its space; the spec
            // declares them non-nullable.
            if let parentId = content.parentId {
                object["parentId"] = .string(parentId)
                object["parentType"] = "page"
            }
            object["position"] = .number(JSONNumber(content.position))
        }
        object["authorId"] = .string(content.authorId)
        object["ownerId"] = .string(content.ownerId)
        object["lastOwnerId"] = .null
        object["createdAt"] = .string(content.createdAt.isoText)
        object["version"] = version(content.version)
        if let bodyFormat {
            object["body"] = [
                bodyFormat.rawValue: [
                    "representation": .string(bodyFormat.rawValue),
                    "value": .string(BodyConverter.value(of: content.body, as: bodyFormat)),
                ]
            ]
        }
        var links: JSONObject = [
            "editui": .string("/pages/resumedraft.action?draftId=\(content.id)"),
            "webui": .string(content.webPath(spaceKey: spaceKey)),
            "tinyui": .string("/x/\(Self.tinyID(content.id))"),
        ]
        if includeBase { links["base"] = .string(wikiBase) }
        object["_links"] = .object(links)
        return .object(object)
    }

    /// A v2 child-page entry: `{id, status, title, spaceId, childPosition}`.
    func childPage(_ content: ConfluenceContent) -> JSONValue {
        [
            "id": .string(content.id),
            "status": .string(content.status),
            "title": .string(content.title),
            "spaceId": .string(content.spaceId),
            "childPosition": .number(JSONNumber(content.position)),
        ]
    }

    /// A v2 space; the description appears in the `description-format` asked for (`plain` or `view`). As
    /// Confluence does, absent values (no homepage, no description asked for, no icon) are left out, not null.
    func space(_ space: ConfluenceSpace, descriptionFormat: String? = nil) -> JSONValue {
        var object: JSONObject = [
            "id": .string(space.id),
            "key": .string(space.key),
            "name": .string(space.name),
            "type": .string(space.type),
            "status": "current",
            "authorId": .string(space.authorId),
            "createdAt": .string(space.createdAt.isoText),
        ]
        if let homepageId = space.homepageId { object["homepageId"] = .string(homepageId) }
        if let descriptionFormat {
            let format = descriptionFormat == "view" ? "view" : "plain"
            let value = format == "view" ? "<p>\(StorageMarkup.escape(space.description))</p>" : space.description
            object["description"] = [format: ["value": .string(value), "representation": .string(format)]]
        }
        object["_links"] = ["webui": .string(space.webPath)]
        return .object(object)
    }

    func version(_ version: ConfluenceContent.Version) -> JSONValue {
        [
            "createdAt": .string(version.createdAt.isoText),
            "message": .string(version.message),
            "number": .number(JSONNumber(version.number)),
            "minorEdit": .bool(version.minorEdit),
            "authorId": .string(version.authorId),
        ]
    }

    /// A v1 user, as `/wiki/rest/api/user/current` returns it; Server/Data Center users (no context
    /// path) also carry `username` and `userKey`.
    func v1User(_ user: JiraUser) -> JSONValue {
        guard context.isEmpty, case .object(var object) = cloudV1User(user) else { return cloudV1User(user) }
        let username = String(user.emailAddress.prefix { $0 != "@" }).lowercased()
        object["username"] = .string(username)
        object["userKey"] = .string(user.accountId)
        object["_links"] = ["self": .string("\(wikiBase)/rest/api/user?username=\(username)"), "base": .string(wikiBase), "context": ""]
        return .object(object)
    }

    private func cloudV1User(_ user: JiraUser) -> JSONValue {
        [
            "type": "known",
            "accountId": .string(user.accountId),
            "accountType": "atlassian",
            "email": .string(user.emailAddress),
            "publicName": .string(user.displayName),
            "profilePicture": [
                "path": .string("\(context)/aa-avatar/\(user.accountId)"),
                "width": 48, "height": 48, "isDefault": false,
            ],
            "displayName": .string(user.displayName),
            "timeZone": .string(user.timeZone),
            "isExternalCollaborator": false,
            "_expandable": ["operations": "", "personalSpace": ""],
            "_links": [
                "self": .string("\(wikiBase)/rest/api/user?accountId=\(user.accountId)"),
                "base": .string(wikiBase),
                "context": .string(context),
            ],
        ]
    }

    /// Confluence's short `/x/...` links; any stable short text will do here.
    private static func tinyID(_ id: String) -> String {
        String(UInt64(id) ?? 0, radix: 36)
    }
}
