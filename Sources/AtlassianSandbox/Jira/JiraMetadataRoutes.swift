import Switchyard

/// Catalogues an agent consults before writing: fields (`/field`, `/field/search`), priorities, statuses,
/// issue types, resolutions, labels, and create metadata (`/issue/createmeta/{project}/issuetypes[/{typeId}]`).
///
/// Create metadata pages are `{"issueTypes"|"fields": [...]}` on v3 and `{"values": [...], "isLast"}` on
/// v2, as Jira Data Center 9 answers.
///
/// ```http
/// GET /rest/api/3/field/search?query=story
/// → {"maxResults":50,"startAt":0,"total":1,"isLast":true,"values":[{"id":"customfield_10016","name":"Story Points",...}]}
/// ```
struct JiraMetadataRoutes: RouteGroup {
    let store: SandboxStore

    func register(on router: inout Router) {
        router.addJira(.GET, "/field") { request, version in
            let renderer = JiraRenderer(state: store.snapshot().jira, baseURL: request.baseURL, version: version)
            return .json(.array(JiraField.all.map(renderer.fieldDetails)))
        }
        router.addJira(.GET, "/field/search") { try searchFields($0, $1) }
        router.addJira(.GET, "/priority") { request, version in
            let renderer = JiraRenderer(state: store.snapshot().jira, baseURL: request.baseURL, version: version)
            return .json(.array(JiraPriority.all.map { priority in
                guard case .object(var object) = renderer.priority(priority) else { return .null }
                object["description"] = .string(Self.priorityDescriptions[priority.id] ?? "")
                object["statusColor"] = .string(Self.priorityColors[priority.id] ?? "#999999")
                object["isDefault"] = .bool(priority == .medium)
                return .object(object)
            }))
        }
        router.addJira(.GET, "/status") { request, version in
            let renderer = JiraRenderer(state: store.snapshot().jira, baseURL: request.baseURL, version: version)
            return .json(.array(JiraStatus.all.map(renderer.status)))
        }
        router.addJira(.GET, "/issuetype") { request, version in
            let renderer = JiraRenderer(state: store.snapshot().jira, baseURL: request.baseURL, version: version)
            return .json(.array(JiraIssueType.all.map(renderer.issueType)))
        }
        router.addJira(.GET, "/resolution") { request, version in
            let base = "\(request.baseURL)\(version.pathPrefix)"
            return .json([
                ["self": .string("\(base)/resolution/10000"), "id": "10000", "name": "Done", "description": "Work has been completed on this issue."],
                ["self": .string("\(base)/resolution/10001"), "id": "10001", "name": "Won't Do", "description": "This issue won't be actioned."],
                ["self": .string("\(base)/resolution/10002"), "id": "10002", "name": "Duplicate", "description": "The problem is a duplicate of an existing issue."],
            ])
        }
        router.addJira(.GET, "/label") { request, _ in
            let state = store.snapshot().jira
            var labels = Set<String>()
            for stored in state.storedIssues(where: { !$0.labels.isEmpty }) { labels.formUnion(stored.issue.labels) }
            let (startAt, maxResults) = try JiraPaging.window(request, defaultSize: 1_000, maximum: 1_000)
            let page = Page(of: labels.sorted(), offset: startAt, limit: maxResults)
            return .json(JiraPaging.pageBean(page, maxResults: maxResults, request: request, render: JSONValue.string))
        }
        router.addJira(.GET, "/issue/createmeta/{projectIdOrKey}/issuetypes") { request, version in
            let state = store.snapshot().jira
            let project = try project(request, in: state)
            let (startAt, maxResults) = try JiraPaging.window(request, defaultSize: 50, maximum: 200)
            let renderer = JiraRenderer(state: state, baseURL: request.baseURL, version: version)
            let page = Page(of: Self.issueTypes(of: project), offset: startAt, limit: maxResults)
            return .json(createMetaPage(page, maxResults: maxResults, version: version, key: "issueTypes", request: request, render: renderer.issueType))
        }
        router.addJira(.GET, "/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}") { request, version in
            let state = store.snapshot().jira
            let project = try project(request, in: state)
            let typeId = request.parameter("issueTypeId")
            guard let type = JiraIssueType.with(id: typeId), Self.issueTypes(of: project).contains(type) else {
                throw APIError.notFound("Issue type with id '\(typeId)' does not exist or is not valid for project '\(project.key)'.")
            }
            let (startAt, maxResults) = try JiraPaging.window(request, defaultSize: 50, maximum: 200)
            let metadata = JiraCreateMetadata(state: state, project: project, renderer: JiraRenderer(state: state, baseURL: request.baseURL, version: version))
            let page = Page(of: metadata.fields(for: type), offset: startAt, limit: maxResults)
            return .json(createMetaPage(page, maxResults: maxResults, version: version, key: "fields", request: request) { $0 })
        }
    }

    static let priorityDescriptions = [
        "1": "This problem will block progress.", "2": "Serious problem that could block progress.",
        "3": "Has the potential to affect progress.", "4": "Minor problem or easily worked around.",
        "5": "Trivial problem with little or no impact on progress.",
    ]
    static let priorityColors = ["1": "#d04437", "2": "#f15C75", "3": "#f79232", "4": "#707070", "5": "#999999"]

    /// Business projects have tasks and sub-tasks only; software projects have every type.
    static func issueTypes(of project: JiraProject) -> [JiraIssueType] {
        project.projectTypeKey == "business" ? [.task, .subtask] : JiraIssueType.all
    }

    private func project(_ request: RouteRequest, in state: JiraState) throws(APIError) -> JiraProject {
        let idOrKey = request.parameter("projectIdOrKey")
        guard let project = state.project(idOrKey: idOrKey) else { throw .projectNotFound(idOrKey) }
        return project
    }

    private func createMetaPage<Item>(
        _ page: Page<Item>, maxResults: Int, version: JiraAPIVersion, key: String, request: RouteRequest, render: (Item) -> JSONValue
    ) -> JSONValue {
        if version == .v3 {
            return [
                "maxResults": .number(JSONNumber(maxResults)),
                "startAt": .number(JSONNumber(page.offset)),
                "total": .number(JSONNumber(page.total)),
                key: .array(page.items.map(render)),
            ]
        }
        return JiraPaging.pageBean(page, maxResults: maxResults, request: request, links: false, render: render)
    }

    private func searchFields(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        let (startAt, maxResults) = try JiraPaging.window(request, defaultSize: 50, maximum: 100)
        var fields = JiraField.all
        let types = Set(request.query.list("type"))
        if !types.isEmpty { fields = fields.filter { types.contains($0.isCustom ? "custom" : "system") } }
        let ids = Set(request.query.list("id"))
        if !ids.isEmpty { fields = fields.filter { ids.contains($0.id) } }
        if let query = request.query["query"]?.lowercased(), !query.isEmpty {
            fields = fields.filter { $0.name.lowercased().contains(query) || $0.description.lowercased().contains(query) }
        }
        switch request.query["orderBy"] {
        case nil, "": break
        case "name", "+name": fields.sort { $0.name.lowercased() < $1.name.lowercased() }
        case "-name": fields.sort { $0.name.lowercased() > $1.name.lowercased() }
        case let other?:
            guard ["contextsCount", "lastUsed", "screensCount", "projectsCount"].contains(String(other.drop { $0 == "-" || $0 == "+" })) else {
                throw APIError.badRequest("Invalid orderBy value '\(other)'.")
            }
        }
        let renderer = JiraRenderer(state: store.snapshot().jira, baseURL: request.baseURL, version: version)
        let page = Page(of: fields, offset: startAt, limit: maxResults)
        return .json(JiraPaging.pageBean(page, maxResults: maxResults, request: request, render: renderer.fieldSearchResult))
    }
}

/// Which fields the create screen of a project's issue type has, as FieldCreateMetadata.
struct JiraCreateMetadata {
    let state: JiraState
    let project: JiraProject
    let renderer: JiraRenderer

    func fields(for type: JiraIssueType) -> [JSONValue] {
        var result: [JSONValue] = [
            field("summary", required: true, operations: ["set"]),
            field("issuetype", required: true, operations: [], allowed: JiraMetadataRoutes.issueTypes(of: project).map(renderer.issueType)),
            field("project", required: true, operations: ["set"], allowed: [renderer.project(project)]),
            field("description", required: false, operations: ["set"]),
            field("reporter", required: true, operations: ["set"], hasDefault: true),
            field("assignee", required: false, operations: ["set"]),
            field("priority", required: false, operations: ["set"], allowed: JiraPriority.all.map(renderer.priority), defaultValue: renderer.priority(.medium)),
            field("labels", required: false, operations: ["add", "set", "remove"]),
            field("duedate", required: false, operations: ["set"]),
            field(
                "components", required: false, operations: ["add", "set", "remove"],
                allowed: state.components.filter { $0.projectId == project.id }.map(renderer.projectComponent)
            ),
            field(
                "fixVersions", required: false, operations: ["set", "add", "remove"],
                allowed: state.versions.filter { $0.projectId == project.id && !$0.archived }.map(renderer.projectVersion)
            ),
            field("parent", required: type.isSubtask, operations: ["set"]),
        ]
        if !type.isSubtask, type != .epic {
            result.append(field(JiraField.storyPointsID, required: false, operations: ["set"]))
            result.append(field(JiraField.sprintID, required: false, operations: ["set"]))
        }
        result.append(field(JiraField.startDateID, required: false, operations: ["set"]))
        return result
    }

    private func field(
        _ id: String, required: Bool, operations: [String], hasDefault: Bool = false, allowed: [JSONValue]? = nil, defaultValue: JSONValue? = nil
    ) -> JSONValue {
        let definition = JiraField.find(id)
        var object: JSONObject = [
            "required": .bool(required),
            "schema": definition?.schema ?? ["type": "any"],
            "name": .string(definition?.name ?? id),
            "key": .string(id),
            "fieldId": .string(id),
            "hasDefaultValue": .bool(hasDefault || defaultValue != nil),
            "operations": .array(operations.map(JSONValue.string)),
        ]
        if let allowed { object["allowedValues"] = .array(allowed) }
        if let defaultValue { object["defaultValue"] = defaultValue }
        if id == "assignee" || id == "reporter" {
            object["autoCompleteUrl"] = .string("\(renderer.apiBase)/user/search?query=")
        }
        return .object(object)
    }
}
