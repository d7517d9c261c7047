import Switchyard

/// Jira Service Management REST (`/rest/servicedeskapi`), as Cloud and Data Center serve it: `info`, service desks,
/// their queues and the issues in each, request types and their fields, raising a customer request (which
/// creates the issue), reading one back, and its SLAs. Lists are PagedDTOs paged by `start` and `limit`;
/// errors are `{"errorMessage": …}`.
///
/// ```http
/// GET /rest/servicedeskapi/servicedesk/1/queue?includeCount=true
/// → {"size":4,"start":0,"limit":50,"isLastPage":true,"values":[{"id":"1","name":"All open requests","jql":"…","issueCount":3},…]}
/// POST /rest/servicedeskapi/request
/// {"serviceDeskId":"1","requestTypeId":"10","requestFieldValues":{"summary":"VPN drops every hour"}}
/// → 201 {"issueId":"10036","issueKey":"OPS-6","requestTypeId":"10","serviceDeskId":"1",…}
/// ```
struct ServiceDeskRoutes: RouteGroup {
    static let base = "/rest/servicedeskapi"

    let store: SandboxStore

    func register(on router: inout Router) {
        let base = Self.base
        router.add(.GET, "\(base)/info", dialect: .serviceDesk) { request in
            // What clients probe to learn that Jira Service Management is installed.
            let dataCenter = request.jiraDeployment == .dataCenter
            return .json([
                "version": .string(dataCenter ? "10.3.2" : "10.0.0"),
                "platformVersion": .string(dataCenter ? "10.3.2" : "1001.0.0"),
                "buildDate": ServiceDeskRenderer(state: store.snapshot().jira, request: request).date(Timestamp(year: 2026, month: 1, day: 5)),
                "buildChangeSet": "sandbox",
                "isLicensedForUse": true,
                "_links": ["self": .string("\(request.baseURL)\(base)/info")],
            ])
        }
        router.add(.GET, "\(base)/servicedesk", dialect: .serviceDesk) { request in
            let (start, limit) = try ServiceDeskRenderer.window(request)
            let renderer = ServiceDeskRenderer(state: store.snapshot().jira, request: request)
            return .json(renderer.paged(JiraServiceDesk.all, start: start, limit: limit) { renderer.serviceDesk($0) })
        }
        router.add(.GET, "\(base)/servicedesk/{serviceDeskId}", dialect: .serviceDesk) { request in
            .json(ServiceDeskRenderer(state: store.snapshot().jira, request: request).serviceDesk(try desk(request)))
        }
        router.add(.GET, "\(base)/servicedesk/{serviceDeskId}/queue", dialect: .serviceDesk) { request in
            let desk = try desk(request)
            let (start, limit) = try ServiceDeskRenderer.window(request)
            let state = store.snapshot().jira
            let renderer = ServiceDeskRenderer(state: state, request: request)
            var counted: [(queue: JiraServiceDesk.Queue, count: Int?)] = []
            for queue in desk.queues {
                counted.append((queue, request.flag("includeCount") ? try issues(in: queue, of: desk, state: state, request: request).count : nil))
            }
            return .json(renderer.paged(counted, start: start, limit: limit) { renderer.queue($0.queue, of: desk, issueCount: $0.count) })
        }
        router.add(.GET, "\(base)/servicedesk/{serviceDeskId}/queue/{queueId}", dialect: .serviceDesk) { request in
            let desk = try desk(request)
            let queue = try queue(request, of: desk)
            let state = store.snapshot().jira
            let count = request.flag("includeCount") ? try issues(in: queue, of: desk, state: state, request: request).count : nil
            return .json(ServiceDeskRenderer(state: state, request: request).queue(queue, of: desk, issueCount: count))
        }
        router.add(.GET, "\(base)/servicedesk/{serviceDeskId}/queue/{queueId}/issue", dialect: .serviceDesk) { request in
            let desk = try desk(request)
            let queue = try queue(request, of: desk)
            let (start, limit) = try ServiceDeskRenderer.window(request)
            let state = store.snapshot().jira
            let found = try issues(in: queue, of: desk, state: state, request: request)
            // The issues carry the queue's columns only, in the platform API's representation.
            let version: JiraAPIVersion = request.jiraDeployment == .dataCenter ? .v2 : .v3
            let jira = JiraRenderer(state: state, baseURL: request.baseURL, version: version)
            let selection = JiraFieldSelection(queue.fields)
            return .json(ServiceDeskRenderer(state: state, request: request).paged(found, start: start, limit: limit) {
                jira.issue($0.issue, fields: selection, currentUser: request.accountId)
            })
        }
        router.add(.GET, "\(base)/servicedesk/{serviceDeskId}/requesttype", dialect: .serviceDesk) { request in
            let desk = try desk(request)
            let (start, limit) = try ServiceDeskRenderer.window(request)
            let search = (request.query["searchQuery"] ?? "").lowercased()
            let group = request.query["groupId"] ?? ""
            let types = desk.requestTypes.filter { type in
                (search.isEmpty || type.name.lowercased().contains(search) || type.description.lowercased().contains(search))
                    && (group.isEmpty || type.groupIds.contains(group))
            }
            let renderer = ServiceDeskRenderer(state: store.snapshot().jira, request: request)
            return .json(renderer.paged(types, start: start, limit: limit) { renderer.requestType($0, of: desk) })
        }
        router.add(.GET, "\(base)/servicedesk/{serviceDeskId}/requesttype/{requestTypeId}", dialect: .serviceDesk) { request in
            let desk = try desk(request)
            return .json(ServiceDeskRenderer(state: store.snapshot().jira, request: request).requestType(try requestType(request, of: desk), of: desk))
        }
        router.add(.GET, "\(base)/servicedesk/{serviceDeskId}/requesttype/{requestTypeId}/field", dialect: .serviceDesk) { request in
            let type = try requestType(request, of: try desk(request))
            let renderer = ServiceDeskRenderer(state: store.snapshot().jira, request: request)
            return .json([
                "requestTypeFields": .array(type.fields.map { renderer.field($0) }),
                "canRaiseOnBehalfOf": true,
                "canAddRequestParticipants": true,
            ])
        }
        router.add(.POST, "\(base)/request", dialect: .serviceDesk) { try createRequest($0) }
        router.add(.GET, "\(base)/request/{issueIdOrKey}", dialect: .serviceDesk) { request in
            let state = store.snapshot().jira
            let (issue, desk) = try customerRequest(request, in: state)
            let renderer = ServiceDeskRenderer(state: state, request: request)
            return .json(renderer.customerRequest(issue, type: desk.requestType(of: issue, in: state), desk: desk))
        }
        router.add(.GET, "\(base)/request/{issueIdOrKey}/sla", dialect: .serviceDesk) { request in
            let state = store.snapshot().jira
            let (issue, _) = try customerRequest(request, in: state)
            let (start, limit) = try ServiceDeskRenderer.window(request)
            let renderer = ServiceDeskRenderer(state: state, request: request)
            return .json(renderer.paged(renderer.slas(of: issue, now: .now()), start: start, limit: limit) { $0 })
        }
    }

    private func desk(_ request: RouteRequest) throws(APIError) -> JiraServiceDesk {
        let id = request.parameter("serviceDeskId")
        guard let desk = JiraServiceDesk.with(idOrProject: id) else {
            throw .notFound("The service desk with id or project key '\(id)' does not exist, or you do not have permission to see it.")
        }
        return desk
    }

    private func queue(_ request: RouteRequest, of desk: JiraServiceDesk) throws(APIError) -> JiraServiceDesk.Queue {
        let id = request.parameter("queueId")
        guard let queue = desk.queue(id: id) else { throw .notFound("The queue with id '\(id)' does not exist in service desk \(desk.id).") }
        return queue
    }

    private func requestType(_ request: RouteRequest, of desk: JiraServiceDesk) throws(APIError) -> JiraServiceDesk.RequestType {
        let id = request.parameter("requestTypeId")
        guard let type = desk.requestType(id: id) else {
            throw .notFound("The request type with id '\(id)' does not exist in service desk \(desk.id).")
        }
        return type
    }

    /// The issues a queue shows, in its order, as JQL finds them for the caller (`currentUser()`).
    private func issues(in queue: JiraServiceDesk.Queue, of desk: JiraServiceDesk, state: JiraState, request: RouteRequest) throws -> [StoredIssue] {
        try JQLQuery(queue.jql(projectKey: desk.projectKey)).run(in: state, currentUser: request.accountId)
    }

    /// An issue of a service desk project, which the API calls a customer request.
    private func customerRequest(_ request: RouteRequest, in state: JiraState) throws(APIError) -> (JiraIssue, JiraServiceDesk) {
        let key = request.parameter("issueIdOrKey")
        guard let issue = state.issue(idOrKey: key), let desk = JiraServiceDesk.with(projectId: issue.projectId) else {
            throw .notFound("The request '\(key)' does not exist, is not a customer request, or you do not have permission to see it.")
        }
        return (issue, desk)
    }

    /// `POST /request`: the request type's form filled from `requestFieldValues`, checked as the portal checks
    /// it (required fields, known fields, valid values), then created as an issue of the type's issue type.
    private func createRequest(_ request: RouteRequest) throws -> SandboxResponse {
        let body = try request.jsonObjectBody()
        guard let deskID = Self.identifier(body["serviceDeskId"]), let typeID = Self.identifier(body["requestTypeId"]) else {
            throw APIError.badRequest("serviceDeskId and requestTypeId are required.")
        }
        guard let desk = JiraServiceDesk.with(idOrProject: deskID) else {
            throw APIError.notFound("The service desk with id '\(deskID)' does not exist, or you do not have permission to see it.")
        }
        guard let type = desk.requestType(id: typeID) else {
            throw APIError.badRequest("The request type '\(typeID)' does not belong to service desk \(desk.id).")
        }
        let values = body["requestFieldValues"]?.objectValue ?? [:]
        var problems: [String] = []
        for name in values.keys where !type.fields.contains(where: { $0.fieldId == name }) {
            problems.append("\(name): not a field of the request type '\(type.name)'.")
        }
        var fields: JSONObject = ["project": ["id": .string(desk.projectId)], "issuetype": ["id": .string(type.issueType.id)]]
        for field in type.fields {
            let value = values[field.fieldId] ?? .null
            if value.isNull || value.stringValue?.isEmpty == true {
                if field.required { problems.append("\(field.name): this field is required.") }
                continue
            }
            switch field.fieldId {
            case "priority":
                let name = value.stringValue ?? value["name"]?.stringValue ?? value["id"].flatMap { id in JiraPriority.all.first { $0.id == id.stringValue }?.name }
                guard let name, field.validValues.contains(name) else {
                    problems.append("\(field.name): must be one of \(field.validValues.joined(separator: ", ")).")
                    continue
                }
                fields["priority"] = ["name": .string(name)]
            default:
                guard value.stringValue != nil else {
                    problems.append("\(field.name): must be text.")
                    continue
                }
                fields[field.fieldId] = value
            }
        }
        if let onBehalf = body["raiseOnBehalfOf"]?.stringValue {
            let state = store.snapshot().jira
            guard let user = state.user(accountId: onBehalf) ?? state.user(username: onBehalf) else {
                throw APIError.badRequest("raiseOnBehalfOf: no user '\(onBehalf)' exists.")
            }
            fields["reporter"] = ["name": .string(user.username)]
        }
        guard problems.isEmpty else { throw APIError.badRequest(problems.joined(separator: " ")) }
        // REST v2 semantics: the description is plain text (wiki markup), users are referred to by name.
        let issue = try JiraIssueRoutes(store: store).create(["fields": .object(fields)], request, .v2) { state, issue in
            state.requestTypeIDs[issue.id] = type.id
        }
        let renderer = ServiceDeskRenderer(state: store.snapshot().jira, request: request)
        return .json(renderer.customerRequest(issue, type: type, desk: desk), status: .created)
    }

    /// An id sent as a string or a number.
    private static func identifier(_ value: JSONValue?) -> String? {
        if let text = value?.stringValue, !text.isEmpty { return text }
        return value?.intValue.map(String.init)
    }
}
