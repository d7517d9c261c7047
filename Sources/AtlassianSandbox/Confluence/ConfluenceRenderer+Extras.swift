import Switchyard

/// v2 and v1 shapes of footer comments, labels and attachments.
extension ConfluenceRenderer {
    /// A v2 footer comment (`PageCommentModel` / `FooterCommentModel`); `_links.base` on single writes.
    func footerComment(_ comment: ConfluenceComment, bodyFormat: ContentBody.Representation?, includeBase: Bool = false) -> JSONValue {
        var object: JSONObject = [
            "id": .string(comment.id),
            "status": .string(comment.status),
            "title": .string(commentTitle(comment)),
        ]
        object[comment.containerKind == .page ? "pageId" : "blogPostId"] = .string(comment.containerId)
        if let parent = comment.parentCommentId { object["parentCommentId"] = .string(parent) }
        object["version"] = version(comment.version)
        if let bodyFormat {
            object["body"] = [
                bodyFormat.rawValue: [
                    "representation": .string(bodyFormat.rawValue),
                    "value": .string(BodyConverter.value(of: comment.body, as: bodyFormat)),
                ]
            ]
        }
        object["_links"] = includeBase
            ? ["webui": .string(commentWebPath(comment)), "base": .string(wikiBase)]
            : ["webui": .string(commentWebPath(comment))]
        return .object(object)
    }

    /// A v2 inline comment (`PageInlineCommentModel`; `InlineCommentModel` with `_links.base` when created).
    func inlineComment(_ comment: ConfluenceComment, bodyFormat: ContentBody.Representation?, includeBase: Bool = false) -> JSONValue {
        var object = footerComment(comment, bodyFormat: bodyFormat, includeBase: includeBase).objectValue ?? [:]
        if let anchor = comment.inline {
            object["resolutionStatus"] = .string(anchor.resolutionStatus)
            object["properties"] = [
                "inlineMarkerRef": .string(anchor.markerRef),
                "inlineOriginalSelection": .string(anchor.selection),
            ]
        }
        return .object(object)
    }

    /// A v2 label: `{id, name, prefix}`.
    func label(_ label: ConfluenceLabel) -> JSONValue {
        ["id": .string(label.id), "name": .string(label.name), "prefix": .string(label.prefix)]
    }

    /// A v2 attachment (`AttachmentBulk`; `AttachmentSingle` with `_links.base` when read alone).
    func attachment(_ attachment: ConfluenceAttachment, includeBase: Bool = false) -> JSONValue {
        let container = state.confluence.content(id: attachment.containerId)
        let download = "/download/attachments/\(attachment.containerId)/\(attachment.title)?version=\(attachment.versionNumber)&api=v2"
        let webui = "/pages/viewpageattachments.action?pageId=\(attachment.containerId)&preview=%2F\(attachment.containerId)%2F\(attachment.id)%2F\(attachment.title)"
        var object: JSONObject = [
            "id": .string(attachment.id),
            "status": .string(attachment.status),
            "title": .string(attachment.title),
            "createdAt": .string(attachment.createdAt.isoText),
        ]
        object[container?.kind == .blogpost ? "blogPostId" : "pageId"] = .string(attachment.containerId)
        object["mediaType"] = .string(attachment.mediaType)
        object["mediaTypeDescription"] = .string(attachment.mediaTypeDescription)
        object["comment"] = .string(attachment.comment)
        object["fileId"] = .string(attachment.fileId)
        object["fileSize"] = .number(JSONNumber(attachment.fileSize))
        object["webuiLink"] = .string(webui)
        object["downloadLink"] = .string(download)
        object["version"] = [
            "createdAt": .string(attachment.createdAt.isoText),
            "message": "",
            "number": .number(JSONNumber(attachment.versionNumber)),
            "minorEdit": false,
            "authorId": .string(attachment.authorId),
        ]
        object["_links"] = includeBase
            ? ["webui": .string(webui), "download": .string(download), "base": .string(wikiBase)]
            : ["webui": .string(webui), "download": .string(download)]
        return .object(object)
    }

    /// A v1 label: `{prefix, name, id, label}`.
    func v1Label(_ label: ConfluenceLabel) -> JSONValue {
        ["prefix": .string(label.prefix), "name": .string(label.name), "id": .string(label.id), "label": .string(label.name)]
    }

    /// A v1 comment Content object; `expand` may add `body.*`, `version` and `container`.
    func v1Comment(_ comment: ConfluenceComment, expand: Set<String>) -> JSONValue {
        var object: JSONObject = [
            "id": .string(comment.id),
            "type": "comment",
            "status": .string(comment.status),
            "title": .string(commentTitle(comment)),
        ]
        var expandable: JSONObject = [:]
        if expand.contains("container"), let container = state.confluence.content(id: comment.containerId) {
            object["container"] = v1Content(container, expand: [])
        } else {
            expandable["container"] = .string("/rest/api/content/\(comment.containerId)")
        }
        if expand.contains("version") {
            object["version"] = v1Version(comment.version)
        } else {
            expandable["version"] = ""
        }
        if let body = v1Body(comment.body, expand: expand) { object["body"] = body } else { expandable["body"] = "" }
        if let anchor = comment.inline {
            object["extensions"] = [
                "location": "inline",
                "inlineProperties": ["markerRef": .string(anchor.markerRef), "originalSelection": .string(anchor.selection)],
                "resolution": ["status": .string(anchor.resolutionStatus)],
            ]
        } else {
            object["extensions"] = ["location": "footer"]
        }
        object["_expandable"] = .object(expandable)
        object["_links"] = [
            "webui": .string(commentWebPath(comment)),
            "self": .string("\(wikiBase)/rest/api/content/\(comment.id)"),
        ]
        return .object(object)
    }

    /// A v1 attachment Content object.
    func v1Attachment(_ attachment: ConfluenceAttachment, expand: Set<String>) -> JSONValue {
        var object: JSONObject = [
            "id": .string(attachment.id),
            "type": "attachment",
            "status": .string(attachment.status),
            "title": .string(attachment.title),
            "metadata": ["mediaType": .string(attachment.mediaType), "comment": .string(attachment.comment)],
            "extensions": [
                "mediaType": .string(attachment.mediaType),
                "fileSize": .number(JSONNumber(attachment.fileSize)),
                "comment": .string(attachment.comment),
                "fileId": .string(attachment.fileId),
            ],
        ]
        if expand.contains("version") {
            object["version"] = [
                "by": state.jira.user(accountId: attachment.authorId).map(v1User) ?? .null,
                "when": .string(attachment.createdAt.isoText),
                "number": .number(JSONNumber(attachment.versionNumber)),
                "message": "",
                "minorEdit": false,
            ]
        }
        if expand.contains("container"), let container = state.confluence.content(id: attachment.containerId) {
            object["container"] = v1Content(container, expand: [])
        }
        object["_links"] = [
            "webui": .string("/pages/viewpageattachments.action?pageId=\(attachment.containerId)"),
            "download": .string("/download/attachments/\(attachment.containerId)/\(attachment.title)?version=\(attachment.versionNumber)&api=v2"),
            "self": .string("\(wikiBase)/rest/api/content/\(attachment.id)"),
        ]
        return .object(object)
    }

    /// The v1 `body` object for the `body.*` expansions asked for, or `nil` when none was.
    func v1Body(_ body: ContentBody, expand: Set<String>) -> JSONValue? {
        var object = JSONObject()
        for representation in ContentBody.Representation.allCases where expand.contains("body.\(representation.rawValue)") {
            object[representation.rawValue] = [
                "value": .string(BodyConverter.value(of: body, as: representation)),
                "representation": .string(representation.rawValue),
            ]
        }
        return object.isEmpty ? nil : .object(object)
    }

    /// A v1 Version object.
    func v1Version(_ version: ConfluenceContent.Version) -> JSONValue {
        [
            "by": state.jira.user(accountId: version.authorId).map(v1User) ?? .null,
            "when": .string(version.createdAt.isoText),
            "number": .number(JSONNumber(version.number)),
            "message": .string(version.message),
            "minorEdit": .bool(version.minorEdit),
        ]
    }

    private func commentTitle(_ comment: ConfluenceComment) -> String {
        "Re: \(state.confluence.content(id: comment.containerId)?.title ?? "")"
    }

    private func commentWebPath(_ comment: ConfluenceComment) -> String {
        guard let container = state.confluence.content(id: comment.containerId) else { return "" }
        let spaceKey = state.confluence.space(id: container.spaceId)?.key ?? ""
        return container.webPath(spaceKey: spaceKey) + "?focusedCommentId=\(comment.id)#comment-\(comment.id)"
    }
}
