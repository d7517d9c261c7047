import Switchyard

/// Creating, updating (which starts and completes) and deleting sprints, as Jira Software REST 1.0 does:
/// a sprint starts from `future` with a start and end date, completes from `active`, and a closed sprint
/// stays closed; deleting one sends its open issues back to the backlog.
///
/// ```http
/// POST /rest/agile/1.0/sprint/3
/// {"state": "active", "startDate": "2026-02-02T09:00:00.000Z", "endDate": "2026-02-16T09:00:00.000Z"}
/// → 200 {"id": 3, "state": "active", …}
/// ```
extension JiraAgileRoutes {
    func registerSprintWrites(on router: inout Router) {
        let base = JiraAPIVersion.agile.pathPrefix
        router.add(.POST, "\(base)/sprint", dialect: .jira) { request in
            let body = try request.jsonObjectBody()
            var errors = JSONObject()
            let name = body["name"]?.stringValue?.trimmingCharacters(in: .whitespaces) ?? ""
            if name.isEmpty { errors["name"] = "Sprint name cannot be empty." } else if name.count > 255 { errors["name"] = "Sprint name is too long." }
            let startDate = date(body, "startDate", into: &errors)
            let endDate = date(body, "endDate", into: &errors)
            let boardId = body["originBoardId"]?.intValue
            if boardId == nil { errors["originBoardId"] = "Board id must be specified." }
            guard errors.isEmpty, let boardId else { throw APIError.invalidFields(errors) }
            let created = try store.write { state throws(APIError) -> JiraSprint in
                guard let board = state.jira.board(id: boardId) else { throw .notFound("Board does not exist or you do not have permission to see it.") }
                guard board.type == "scrum" else { throw .badRequest("The board does not support sprints") }
                let sprint = JiraSprint(
                    id: (state.jira.sprints.map(\.id).max() ?? 0) + 1, boardId: board.id, name: name, state: .future,
                    startDate: startDate, endDate: endDate, completeDate: nil, createdDate: .now(), goal: body["goal"]?.stringValue ?? ""
                )
                state.jira.sprints.append(sprint)
                return sprint
            }
            return .json(renderer(request, store.snapshot().jira).sprint(created), status: .created)
        }
        router.add(.POST, "\(base)/sprint/{sprintId}", dialect: .jira) { request in
            let body = try request.jsonObjectBody()
            var errors = JSONObject()
            let startDate = date(body, "startDate", into: &errors)
            let endDate = date(body, "endDate", into: &errors)
            var target: JiraSprint.State?
            if let text = body["state"]?.stringValue {
                target = JiraSprint.State(rawValue: text.lowercased())
                if target == nil { errors["state"] = .string("The sprint state '\(text)' is not valid. Valid states are future, active and closed.") }
            }
            if let name = body["name"]?.stringValue, name.trimmingCharacters(in: .whitespaces).isEmpty { errors["name"] = "Sprint name cannot be empty." }
            guard errors.isEmpty else { throw APIError.invalidFields(errors) }
            let updated = try store.write { state throws(APIError) -> JiraSprint in
                var sprint = try sprint(request, in: state.jira)
                if sprint.state == .closed { throw .badRequest("A closed sprint cannot be updated.") }
                if let name = body["name"]?.stringValue { sprint.name = name.trimmingCharacters(in: .whitespaces) }
                if let goal = body["goal"]?.stringValue { sprint.goal = goal }
                if let startDate { sprint.startDate = startDate }
                if let endDate { sprint.endDate = endDate }
                switch (sprint.state, target) {
                case (_, nil), (.future, .future?), (.active, .active?):
                    break
                case (.future, .active?):
                    guard sprint.startDate != nil, sprint.endDate != nil else {
                        throw .badRequest("A sprint needs a start date and an end date to be started.")
                    }
                    sprint.state = .active
                case (.active, .closed?):
                    sprint.state = .closed
                    sprint.completeDate = .now()
                case (.future, .closed?):
                    throw .badRequest("Only an active sprint can be completed.")
                case (.active, .future?):
                    throw .badRequest("An active sprint cannot go back to future.")
                case (.closed, _):
                    throw .badRequest("A closed sprint cannot be updated.")
                }
                if let start = sprint.startDate, let end = sprint.endDate, end < start {
                    throw .invalidFields(["endDate": "The end date must be after the start date."])
                }
                guard let index = state.jira.sprints.firstIndex(where: { $0.id == sprint.id }) else { throw .notFound("Sprint does not exist or you do not have permission to see it.") }
                state.jira.sprints[index] = sprint
                return sprint
            }
            return .json(renderer(request, store.snapshot().jira).sprint(updated))
        }
        router.add(.DELETE, "\(base)/sprint/{sprintId}", dialect: .jira) { request in
            try store.write { state throws(APIError) in
                let sprint = try sprint(request, in: state.jira)
                state.jira.sprints.removeAll { $0.id == sprint.id }
                for var issue in state.jira.storedIssues(where: { $0.sprintIds.contains(sprint.id) }).map(\.issue) {
                    issue.sprintIds.removeAll { $0 == sprint.id }
                    state.jira.save(issue)
                }
            }
            return .noContent
        }
    }

    /// A date-time field of a sprint body; a malformed one is recorded in `errors`.
    private func date(_ body: JSONObject, _ name: String, into errors: inout JSONObject) -> Timestamp? {
        guard let value = body[name], !value.isNull else { return nil }
        guard let text = value.stringValue, let timestamp = Timestamp(jiraText: text) else {
            errors[name] = "Invalid date format. Please enter the date in the format \"yyyy-MM-dd'T'HH:mm:ss.SSSZ\"."
            return nil
        }
        return timestamp
    }
}
