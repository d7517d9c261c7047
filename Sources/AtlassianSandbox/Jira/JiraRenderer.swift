import Switchyard

/// Turns stored Jira data into the JSON shapes of the Cloud REST v3 API, of REST v2 as Server/Data Center
/// answers it, or of the agile API, with `self` links on the server's base URL.
///
/// ```swift
/// let renderer = JiraRenderer(state: store.snapshot().jira, baseURL: request.baseURL)
/// renderer.user(.demo)   // {"self": ".../rest/api/3/user?accountId=...", "accountId": ..., ...}
/// JiraRenderer(state: state, baseURL: url, version: .v2).user(.demo)   // {"name": "demo", "key": "demo", ...}
/// ```
struct JiraRenderer {
    let state: JiraState
    let baseURL: String
    var version: JiraAPIVersion = .v3

    /// Base of platform `self` links; the agile API links platform objects through REST v2.
    var apiBase: String { "\(baseURL)\(version == .v3 ? JiraAPIVersion.v3.pathPrefix : JiraAPIVersion.v2.pathPrefix)" }

    var agileBase: String { "\(baseURL)\(JiraAPIVersion.agile.pathPrefix)" }

    /// A rich-text value the way this API version writes it: ADF for v3, wiki markup otherwise.
    func text(_ value: JSONValue?) -> JSONValue {
        guard let value, !value.isNull else { return .null }
        return version.usesADF ? JiraText.adf(value) : .string(JiraText.wiki(value))
    }

    /// A user as embedded in issues and comments.
    func user(_ user: JiraUser) -> JSONValue {
        if version.usesUsernames {
            return [
                "self": .string("\(apiBase)/user?username=\(user.username)"),
                "name": .string(user.username),
                "key": .string(user.userKey),
                "emailAddress": .string(user.emailAddress),
                "avatarUrls": avatarUrls(for: user),
                "displayName": .string(user.displayName),
                "active": .bool(user.active),
                "timeZone": .string(user.timeZone),
            ]
        }
        guard case .object(var object) = cloudUser(user) else { return .null }
        if version == .agile {
            object["name"] = .string(user.username)
            object["key"] = .string(user.userKey)
        }
        return .object(object)
    }

    private func cloudUser(_ user: JiraUser) -> JSONValue {
        [
            "self": .string("\(apiBase)/user?accountId=\(user.accountId)"),
            "accountId": .string(user.accountId),
            "emailAddress": .string(user.emailAddress),
            "avatarUrls": avatarUrls(for: user),
            "displayName": .string(user.displayName),
            "active": .bool(user.active),
            "timeZone": .string(user.timeZone),
            "accountType": "atlassian",
        ]
    }

    /// The embedded user for an account id, or `null`.
    func user(accountId: String?) -> JSONValue {
        guard let accountId, let user = state.user(accountId: accountId) else { return .null }
        return self.user(user)
    }

    /// A user as `/myself` and `/user` return it, with groups and application roles.
    func userDetails(_ user: JiraUser) -> JSONValue {
        guard case .object(var object) = self.user(user) else { return .null }
        object["locale"] = "en_US"
        object["groups"] = ["size": 2, "items": []]
        object["applicationRoles"] = ["size": 1, "items": []]
        object["expand"] = "groups,applicationRoles"
        if version.usesUsernames { object["deleted"] = false }
        return .object(object)
    }

    func project(_ project: JiraProject) -> JSONValue {
        [
            "self": .string("\(apiBase)/project/\(project.id)"),
            "id": .string(project.id),
            "key": .string(project.key),
            "name": .string(project.name),
            "projectTypeKey": .string(project.projectTypeKey),
            "simplified": false,
            "avatarUrls": projectAvatarUrls(for: project),
        ]
    }

    /// A project as `/project/{key}` and project search return it.
    func projectDetails(_ project: JiraProject) -> JSONValue {
        [
            "expand": "description,lead,issueTypes,url,projectKeys,permissions,insight",
            "self": .string("\(apiBase)/project/\(project.id)"),
            "id": .string(project.id),
            "key": .string(project.key),
            "description": .string(project.description),
            "lead": user(accountId: project.leadAccountId),
            "components": .array(state.components.filter { $0.projectId == project.id }.map(projectComponent)),
            "issueTypes": .array(JiraIssueType.all.map(issueType)),
            "assigneeType": "UNASSIGNED",
            "versions": .array(state.versions.filter { $0.projectId == project.id }.map(projectVersion)),
            "name": .string(project.name),
            "roles": [:],
            "avatarUrls": projectAvatarUrls(for: project),
            "projectTypeKey": .string(project.projectTypeKey),
            "simplified": false,
            "style": "classic",
            "isPrivate": false,
            "properties": [:],
        ]
    }

    func status(_ status: JiraStatus) -> JSONValue {
        let category = status.category
        return [
            "self": .string("\(apiBase)/status/\(status.id)"),
            "description": .string(status.description),
            "iconUrl": .string("\(baseURL)/images/icons/statuses/generic.png"),
            "name": .string(status.name),
            "id": .string(status.id),
            "statusCategory": [
                "self": .string("\(apiBase)/statuscategory/\(category.id)"),
                "id": .number(JSONNumber(category.id)),
                "key": .string(category.key),
                "colorName": .string(category.colorName),
                "name": .string(category.name),
            ],
        ]
    }

    func issueType(_ type: JiraIssueType) -> JSONValue {
        [
            "self": .string("\(apiBase)/issuetype/\(type.id)"),
            "id": .string(type.id),
            "description": .string(type.description),
            "iconUrl": .string("\(baseURL)/rest/api/2/universal_avatar/view/type/issuetype/avatar/\(type.avatarId)?size=medium"),
            "name": .string(type.name),
            "subtask": .bool(type.isSubtask),
            "avatarId": .number(JSONNumber(type.avatarId)),
            "hierarchyLevel": .number(JSONNumber(type.hierarchyLevel)),
        ]
    }

    func priority(_ priority: JiraPriority) -> JSONValue {
        [
            "self": .string("\(apiBase)/priority/\(priority.id)"),
            "iconUrl": .string("\(baseURL)/images/icons/priorities/\(priority.name.lowercased()).svg"),
            "name": .string(priority.name),
            "id": .string(priority.id),
        ]
    }

    func comment(_ comment: JiraComment, issueId: String) -> JSONValue {
        [
            "self": .string("\(apiBase)/issue/\(issueId)/comment/\(comment.id)"),
            "id": .string(comment.id),
            "author": user(accountId: comment.authorId),
            "body": text(comment.body),
            "updateAuthor": user(accountId: comment.updateAuthorId),
            "created": .string(comment.created.jiraText),
            "updated": .string(comment.updated.jiraText),
            "jsdPublic": true,
        ]
    }

    func transition(_ transition: JiraTransition) -> JSONValue {
        [
            "id": .string(transition.id),
            "name": .string(transition.name),
            "to": status(transition.to),
            "hasScreen": false,
            "isGlobal": .bool(transition.isGlobal),
            "isInitial": false,
            "isAvailable": true,
            "isConditional": false,
            "isLooped": false,
        ]
    }

    private func avatarUrls(for user: JiraUser) -> JSONValue {
        let base = "\(baseURL)/secure/useravatar?initials=\(user.initials)"
        return [
            "48x48": .string("\(base)&size=48"),
            "24x24": .string("\(base)&size=24"),
            "16x16": .string("\(base)&size=16"),
            "32x32": .string("\(base)&size=32"),
        ]
    }

    private func projectAvatarUrls(for project: JiraProject) -> JSONValue {
        let base = "\(baseURL)/secure/projectavatar?pid=\(project.id)"
        return [
            "48x48": .string("\(base)&size=large"),
            "24x24": .string("\(base)&size=small"),
            "16x16": .string("\(base)&size=xsmall"),
            "32x32": .string("\(base)&size=medium"),
        ]
    }
}
