import Foundation
import Switchyard

/// Project versions and components: list a project's (bare arrays), create one, read one; update a version
/// (rename, describe, date, release or archive it).
///
/// ```http
/// POST /rest/api/3/version
/// {"name":"2.1","projectId":10000,"releaseDate":"2026-04-30"}
/// → 201 {"id":"10104","name":"2.1","projectId":10000,"released":false,...}
/// ```
struct JiraReleaseRoutes: RouteGroup {
    let store: SandboxStore

    func register(on router: inout Router) {
        router.addJira(.GET, "/project/{projectIdOrKey}/versions") { request, version in
            let state = store.snapshot().jira
            let project = try project(request.parameter("projectIdOrKey"), in: state)
            let renderer = JiraRenderer(state: state, baseURL: request.baseURL, version: version)
            return .json(.array(state.versions.filter { $0.projectId == project.id }.map(renderer.projectVersion)))
        }
        router.addJira(.GET, "/project/{projectIdOrKey}/components") { request, version in
            let state = store.snapshot().jira
            let project = try project(request.parameter("projectIdOrKey"), in: state)
            let renderer = JiraRenderer(state: state, baseURL: request.baseURL, version: version)
            return .json(.array(state.components.filter { $0.projectId == project.id }.map(renderer.projectComponent)))
        }
        router.addJira(.POST, "/version") { try createVersion($0, $1) }
        router.addJira(.GET, "/version/{id}") { request, version in
            let state = store.snapshot().jira
            let id = request.parameter("id")
            guard let found = state.version(id: id) else { throw APIError.notFound("Could not find version for id '\(id)'") }
            return .json(JiraRenderer(state: state, baseURL: request.baseURL, version: version).projectVersion(found))
        }
        router.addJira(.PUT, "/version/{id}") { try updateVersion($0, $1) }
        router.addJira(.POST, "/component") { try createComponent($0, $1) }
        router.addJira(.GET, "/component/{id}") { request, version in
            let state = store.snapshot().jira
            let id = request.parameter("id")
            guard let found = state.component(id: id) else { throw APIError.notFound("The component with id \(id) does not exist.") }
            return .json(JiraRenderer(state: state, baseURL: request.baseURL, version: version).projectComponent(found))
        }
    }

    private func project(_ idOrKey: String, in state: JiraState) throws(APIError) -> JiraProject {
        guard let project = state.project(idOrKey: idOrKey) else { throw .projectNotFound(idOrKey) }
        return project
    }

    /// The project named by `projectId` (a number) or `project` (a key).
    private static func referencedProject(_ body: JSONObject, in state: JiraState) -> JiraProject? {
        if let id = body["projectId"]?.intValue.map(String.init) ?? body["projectId"]?.stringValue { return state.project(idOrKey: id) }
        return body["project"]?.stringValue.flatMap { state.project(idOrKey: $0) }
    }

    private func createVersion(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        let body = try request.jsonObjectBody()
        let created = try store.write { state throws(APIError) -> JiraVersion in
            var errors = JSONObject()
            let name = body["name"]?.stringValue?.trimmingCharacters(in: .whitespaces) ?? ""
            let project = Self.referencedProject(body, in: state.jira)
            if project == nil { errors["project"] = "Project must be specified to create a version." }
            if name.isEmpty {
                errors["name"] = "You must specify a valid version name"
            } else if let project, state.jira.versions.contains(where: { $0.projectId == project.id && $0.name.lowercased() == name.lowercased() }) {
                errors["name"] = "A version with this name already exists in this project."
            }
            let dates = Self.dates(body, errors: &errors)
            guard errors.isEmpty, let project else { throw .invalidFields(errors) }
            let created = JiraVersion(
                id: state.jira.nextOtherIDs.make(.version), projectId: project.id, name: name,
                description: body["description"]?.stringValue ?? "", released: body["released"]?.boolValue ?? false,
                archived: body["archived"]?.boolValue ?? false, startDate: dates["startDate"], releaseDate: dates["releaseDate"]
            )
            state.jira.versions.append(created)
            return created
        }
        let renderer = JiraRenderer(state: store.snapshot().jira, baseURL: request.baseURL, version: version)
        guard case .object(var object) = renderer.projectVersion(created) else { return .noContent }
        object["project"] = .string(store.snapshot().jira.project(idOrKey: created.projectId)?.key ?? "")
        return .json(.object(object), status: .created)
    }

    /// The `releaseDate` and `startDate` of a version body (`yyyy-MM-dd`); a malformed one is recorded in `errors`.
    private static func dates(_ body: JSONObject, errors: inout JSONObject) -> [String: String] {
        var dates: [String: String] = [:]
        for key in ["releaseDate", "startDate"] {
            guard let value = body[key], !value.isNull else { continue }
            guard let text = value.stringValue, text.count == 10, Timestamp(queryLiteral: text) != nil else {
                errors[key] = "Invalid date format. Please enter the date in the format 'yyyy-MM-dd'."
                continue
            }
            dates[key] = text
        }
        return dates
    }

    /// `PUT /version/{id}`: the fields given change, the others stay.
    private func updateVersion(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        let body = try request.jsonObjectBody()
        let id = request.parameter("id")
        let updated = try store.write { state throws(APIError) -> JiraVersion in
            guard let index = state.jira.versions.firstIndex(where: { $0.id == id }) else { throw .notFound("Could not find version for id '\(id)'") }
            var found = state.jira.versions[index]
            var errors = JSONObject()
            if let name = body["name"]?.stringValue?.trimmingCharacters(in: .whitespaces) {
                if name.isEmpty {
                    errors["name"] = "You must specify a valid version name"
                } else if state.jira.versions.contains(where: { $0.id != id && $0.projectId == found.projectId && $0.name.lowercased() == name.lowercased() }) {
                    errors["name"] = "A version with this name already exists in this project."
                }
                found.name = name
            }
            let dates = Self.dates(body, errors: &errors)
            guard errors.isEmpty else { throw .invalidFields(errors) }
            if let description = body["description"]?.stringValue { found.description = description }
            if let released = body["released"]?.boolValue { found.released = released }
            if let archived = body["archived"]?.boolValue { found.archived = archived }
            if let start = dates["startDate"] { found.startDate = start }
            if let release = dates["releaseDate"] { found.releaseDate = release }
            state.jira.versions[index] = found
            return found
        }
        return .json(JiraRenderer(state: store.snapshot().jira, baseURL: request.baseURL, version: version).projectVersion(updated))
    }

    private func createComponent(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        let body = try request.jsonObjectBody()
        let created = try store.write { state throws(APIError) -> JiraComponent in
            var errors = JSONObject()
            let name = body["name"]?.stringValue?.trimmingCharacters(in: .whitespaces) ?? ""
            let project = body["project"]?.stringValue.flatMap { state.jira.project(idOrKey: $0) }
            if project == nil { errors["project"] = "The project is not valid." }
            if name.isEmpty {
                errors["name"] = "The component name specified is invalid - cannot be an empty string."
            } else if let project, state.jira.components.contains(where: { $0.projectId == project.id && $0.name.lowercased() == name.lowercased() }) {
                errors["name"] = .string("A component with the name \(name) already exists in this project.")
            }
            var leadId: String?
            if let lead = body["leadAccountId"]?.stringValue ?? body["leadUserName"]?.stringValue, !lead.isEmpty {
                leadId = (state.jira.user(accountId: lead) ?? state.jira.user(username: lead))?.accountId
                if leadId == nil { errors["leadAccountId"] = .string("The user \(lead) does not exist.") }
            }
            let assigneeType = body["assigneeType"]?.stringValue ?? "PROJECT_DEFAULT"
            if !["PROJECT_DEFAULT", "COMPONENT_LEAD", "PROJECT_LEAD", "UNASSIGNED"].contains(assigneeType) {
                errors["assigneeType"] = "Invalid assignee type."
            }
            guard errors.isEmpty, let project else { throw .invalidFields(errors) }
            let created = JiraComponent(
                id: state.jira.nextOtherIDs.make(.component), projectId: project.id, name: name,
                description: body["description"]?.stringValue ?? "", leadAccountId: leadId, assigneeType: assigneeType
            )
            state.jira.components.append(created)
            return created
        }
        let renderer = JiraRenderer(state: store.snapshot().jira, baseURL: request.baseURL, version: version)
        return .json(renderer.projectComponent(created), status: .created)
    }
}
