import Switchyard

/// The JSON shapes of the Jira Service Management REST API (`/rest/servicedeskapi`): paged lists
/// (`size`, `start`, `limit`, `isLastPage`, `values`), date and duration objects, users, and customer requests.
/// Cloud and Data Center share the API; users carry an `accountId` on Cloud and a `name`/`key` on Data Center.
///
/// ```swift
/// let renderer = ServiceDeskRenderer(state: state, request: request)
/// renderer.date(issue.created)   // {"iso8601": "2026-01-06T10:03:00+0000", "jira": "...", "friendly": "...", "epochMillis": ...}
/// ```
struct ServiceDeskRenderer {
    static let defaultPageSize = 50
    static let maxPageSize = 100

    let state: JiraState
    let request: RouteRequest

    var apiBase: String { "\(request.baseURL)/rest/servicedeskapi" }

    /// The page window from `start` and `limit`.
    static func window(_ request: RouteRequest) throws(APIError) -> (start: Int, limit: Int) {
        let start = max(try request.integer("start", default: 0), 0)
        let limit = min(max(try request.integer("limit", default: defaultPageSize), 1), maxPageSize)
        return (start, limit)
    }

    /// A PagedDTO: `size`, `start`, `limit`, `isLastPage`, `values`, and `_links` with `next` when more remain.
    func paged<Item>(_ all: [Item], start: Int, limit: Int, render: (Item) -> JSONValue) -> JSONValue {
        let page = Page(of: all, offset: start, limit: limit)
        var links: JSONObject = ["base": .string(request.baseURL), "context": "", "self": .string(request.baseURL + request.uri)]
        if let next = page.nextOffset {
            links["next"] = .string(request.baseURL + request.pathAndQuery(replacing: ["start": String(next), "limit": String(limit)]))
        }
        if page.offset > 0 {
            links["prev"] = .string(request.baseURL + request.pathAndQuery(replacing: ["start": String(max(page.offset - limit, 0)), "limit": String(limit)]))
        }
        return [
            "_expands": [],
            "size": .number(JSONNumber(page.items.count)),
            "start": .number(JSONNumber(page.offset)),
            "limit": .number(JSONNumber(limit)),
            "isLastPage": .bool(page.isLast),
            "_links": .object(links),
            "values": .array(page.items.map(render)),
        ]
    }

    func serviceDesk(_ desk: JiraServiceDesk) -> JSONValue {
        [
            "id": .string(desk.id),
            "projectId": .string(desk.projectId),
            "projectName": .string(desk.projectName),
            "projectKey": .string(desk.projectKey),
            "_links": ["self": .string("\(apiBase)/servicedesk/\(desk.id)")],
        ]
    }

    func queue(_ queue: JiraServiceDesk.Queue, of desk: JiraServiceDesk, issueCount: Int?) -> JSONValue {
        var object: JSONObject = [
            "id": .string(queue.id),
            "name": .string(queue.name),
            "jql": .string(queue.jql(projectKey: desk.projectKey)),
            "fields": .array(queue.fields.map { .string($0) }),
        ]
        if let issueCount { object["issueCount"] = .number(JSONNumber(issueCount)) }
        object["_links"] = ["self": .string("\(apiBase)/servicedesk/\(desk.id)/queue/\(queue.id)")]
        return .object(object)
    }

    func requestType(_ type: JiraServiceDesk.RequestType, of desk: JiraServiceDesk) -> JSONValue {
        [
            "id": .string(type.id),
            "_links": ["self": .string("\(apiBase)/servicedesk/\(desk.id)/requesttype/\(type.id)")],
            "name": .string(type.name),
            "description": .string(type.description),
            "helpText": .string(type.helpText),
            "issueTypeId": .string(type.issueType.id),
            "serviceDeskId": .string(desk.id),
            "groupIds": .array(type.groupIds.map { .string($0) }),
        ]
    }

    func field(_ field: JiraServiceDesk.Field) -> JSONValue {
        [
            "fieldId": .string(field.fieldId),
            "name": .string(field.name),
            "description": .string(field.description),
            "required": .bool(field.required),
            "validValues": .array(field.validValues.map { ["value": .string($0), "label": .string($0), "children": []] }),
            "visible": true,
            "jiraSchema": ["type": .string(field.schemaType), "system": .string(field.fieldId)],
        ]
    }

    /// A CustomerRequestDTO: the issue as its service desk shows it.
    func customerRequest(_ issue: JiraIssue, type: JiraServiceDesk.RequestType, desk: JiraServiceDesk) -> JSONValue {
        var values: [JSONValue] = []
        for field in type.fields {
            let value: JSONValue
            switch field.fieldId {
            case "summary": value = .string(issue.summary)
            case "description": value = issue.description.map { .string(JiraText.wiki($0)) } ?? .null
            case "priority": value = ["id": .string(issue.priority.id), "name": .string(issue.priority.name)]
            case "duedate": value = issue.dueDate.map { .string($0) } ?? .null
            default: value = .null
            }
            if value.isNull { continue }
            values.append(["fieldId": .string(field.fieldId), "label": .string(field.name), "value": value])
        }
        let category = issue.status.category
        return [
            "_expands": ["participant", "status", "sla", "requestType", "serviceDesk", "attachment", "action", "comment"],
            "issueId": .string(issue.id),
            "issueKey": .string(issue.key),
            "requestTypeId": .string(type.id),
            "serviceDeskId": .string(desk.id),
            "createdDate": date(issue.created),
            "reporter": user(accountId: issue.reporterId),
            "requestFieldValues": .array(values),
            "currentStatus": [
                "status": .string(issue.status.name),
                "statusCategory": .string(category.key == "new" ? "NEW" : category.key == "done" ? "DONE" : "INDETERMINATE"),
                "statusDate": date(issue.statusCategoryChanged),
            ],
            "_links": [
                "jiraRest": .string("\(request.baseURL)/rest/api/2/issue/\(issue.id)"),
                "web": .string("\(request.baseURL)/servicedesk/customer/portal/\(desk.id)/\(issue.key)"),
                "self": .string("\(apiBase)/request/\(issue.id)"),
            ],
        ]
    }

    /// The request's SLAs: time to first response (4 h, met by the first comment from someone other than the
    /// reporter) and time to resolution (48 h), each a completed cycle once met, else an ongoing one measured
    /// up to `now`.
    func slas(of issue: JiraIssue, now: Timestamp) -> [JSONValue] {
        let firstResponse = issue.comments.first { $0.authorId != issue.reporterId }?.created
        return [
            sla(id: "1", name: "Time to first response", goalMinutes: 4 * 60, issue: issue, stop: firstResponse, now: now),
            sla(id: "2", name: "Time to resolution", goalMinutes: 48 * 60, issue: issue, stop: issue.resolved, now: now),
        ]
    }

    private func sla(id: String, name: String, goalMinutes: Int, issue: JiraIssue, stop: Timestamp?, now: Timestamp) -> JSONValue {
        let start = issue.created
        let breachTime = start.adding(minutes: goalMinutes)
        let goal = Int64(goalMinutes) * 60_000
        let end = stop ?? now
        let elapsed = end.millisecondsSince1970 - start.millisecondsSince1970
        var cycle: JSONObject = [
            "startTime": date(start),
            "breachTime": date(breachTime),
            "breached": .bool(elapsed > goal),
            "goalDuration": duration(milliseconds: goal),
            "elapsedTime": duration(milliseconds: elapsed),
            "remainingTime": duration(milliseconds: goal - elapsed),
        ]
        var object: JSONObject = ["id": .string(id), "name": .string(name), "_links": ["self": .string("\(apiBase)/request/\(issue.id)/sla/\(id)")]]
        if let stop {
            cycle["stopTime"] = date(stop)
            object["completedCycles"] = [.object(cycle)]
        } else {
            cycle["paused"] = false
            cycle["withinCalendarHours"] = true
            object["completedCycles"] = []
            object["ongoingCycle"] = .object(cycle)
        }
        return .object(object)
    }

    /// A DateDTO.
    func date(_ time: Timestamp) -> JSONValue {
        let jira = time.jiraText
        return [
            "iso8601": .string(String(jira.prefix(19)) + String(jira.suffix(5))),
            "jira": .string(jira),
            "friendly": .string(time.friendlyText),
            "epochMillis": .number(JSONNumber(Int(time.millisecondsSince1970))),
        ]
    }

    /// A DurationDTO, e.g. `{"millis": 14400000, "friendly": "4h"}`.
    func duration(milliseconds: Int64) -> JSONValue {
        let minutes = abs(milliseconds) / 60_000
        var friendly = minutes >= 60 ? "\(minutes / 60)h" : ""
        if minutes % 60 != 0 || minutes == 0 { friendly += (friendly.isEmpty ? "" : " ") + "\(minutes % 60)m" }
        return ["millis": .number(JSONNumber(Int(milliseconds))), "friendly": .string(milliseconds < 0 ? "-" + friendly : friendly)]
    }

    /// A UserDTO: `accountId` on Cloud, `name` and `key` on Data Center.
    func user(accountId: String) -> JSONValue {
        guard let user = state.user(accountId: accountId) else { return .null }
        var object: JSONObject = [:]
        if request.jiraDeployment == .dataCenter {
            object["name"] = .string(user.username)
            object["key"] = .string(user.userKey)
        } else {
            object["accountId"] = .string(user.accountId)
        }
        object["emailAddress"] = .string(user.emailAddress)
        object["displayName"] = .string(user.displayName)
        object["active"] = .bool(user.active)
        object["timeZone"] = .string(user.timeZone)
        return .object(object)
    }
}
