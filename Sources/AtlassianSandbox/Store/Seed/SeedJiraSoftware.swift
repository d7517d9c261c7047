import Switchyard

/// Seed data beyond the issues themselves: versions, components, a scrum board with three sprints, a
/// kanban board, story points, watchers, work logs, change history, links and attachment metadata.
///
/// DEMO's scrum board (id 1) has sprint 1 (closed), sprint 2 (active) and sprint 3 (future); DEMO-2 and DEMO-7
/// carried over from sprint 1 into sprint 2. Open DEMO issues in no open sprint make up the backlog.
extension JiraState {
    mutating func seedSoftwareData() {
        let demo = "10000"
        let ops = "10001"
        versions = [
            JiraVersion(id: nextOtherIDs.make(.version), projectId: demo, name: "1.0", description: "First release of the new storefront.", released: true, archived: false, startDate: "2025-11-03", releaseDate: "2025-12-15"),
            JiraVersion(id: nextOtherIDs.make(.version), projectId: demo, name: "1.1", description: "Checkout improvements.", released: false, archived: false, startDate: "2026-01-05", releaseDate: "2026-02-27"),
            JiraVersion(id: nextOtherIDs.make(.version), projectId: demo, name: "2.0", description: "Accounts and security.", released: false, archived: false, startDate: nil, releaseDate: nil),
            JiraVersion(id: nextOtherIDs.make(.version), projectId: ops, name: "2026.Q1", description: "Platform work for the first quarter.", released: false, archived: false, startDate: "2026-01-01", releaseDate: "2026-03-31"),
        ]
        components = [
            JiraComponent(id: nextOtherIDs.make(.component), projectId: demo, name: "Checkout", description: "Cart, payment and order placement.", leadAccountId: JiraUser.alice.accountId, assigneeType: "COMPONENT_LEAD"),
            JiraComponent(id: nextOtherIDs.make(.component), projectId: demo, name: "Search", description: "Product search and autocomplete.", leadAccountId: JiraUser.dev.accountId, assigneeType: "PROJECT_DEFAULT"),
            JiraComponent(id: nextOtherIDs.make(.component), projectId: demo, name: "Accounts", description: "Sign-in, passwords and shopper profiles.", leadAccountId: JiraUser.bob.accountId, assigneeType: "PROJECT_DEFAULT"),
            JiraComponent(id: nextOtherIDs.make(.component), projectId: ops, name: "Monitoring", description: "Alerts, dashboards and on-call tooling.", leadAccountId: nil, assigneeType: "PROJECT_DEFAULT"),
        ]
        boards = [
            JiraBoard(id: 1, name: "DEMO board", type: "scrum", projectId: demo),
            JiraBoard(id: 2, name: "OPS board", type: "kanban", projectId: ops),
        ]
        sprints = [
            JiraSprint(
                id: 1, boardId: 1, name: "DEMO Sprint 1", state: .closed,
                startDate: Timestamp(year: 2026, month: 1, day: 5, hour: 9), endDate: Timestamp(year: 2026, month: 1, day: 19, hour: 9),
                completeDate: Timestamp(year: 2026, month: 1, day: 19, hour: 11), createdDate: Timestamp(year: 2026, month: 1, day: 2, hour: 14),
                goal: "Ship search thumbnails and the password reset fix"
            ),
            JiraSprint(
                id: 2, boardId: 1, name: "DEMO Sprint 2", state: .active,
                startDate: Timestamp(year: 2026, month: 1, day: 19, hour: 12), endDate: Timestamp(year: 2026, month: 2, day: 2, hour: 12),
                completeDate: nil, createdDate: Timestamp(year: 2026, month: 1, day: 16, hour: 10),
                goal: "Stable checkout: saved cards, sessions and discounts"
            ),
            JiraSprint(
                id: 3, boardId: 1, name: "DEMO Sprint 3", state: .future, startDate: nil, endDate: nil, completeDate: nil,
                createdDate: Timestamp(year: 2026, month: 1, day: 20, hour: 16), goal: "Account security before the penetration test"
            ),
        ]

        let sprintMembership: [Int: [Int]] = [
            2: [1, 2], 7: [1, 2], 6: [1], 10: [1], 15: [1], 22: [1], 30: [1],
            5: [2], 11: [2], 13: [2], 17: [2], 18: [2], 20: [2], 23: [2], 25: [2],
            27: [3], 28: [3], 29: [3],
        ]
        let storyPoints: [Int: Double] = [
            2: 5, 3: 3, 4: 3, 5: 2, 6: 3, 7: 8, 8: 5, 9: 8, 10: 1, 11: 13, 14: 2, 16: 5, 17: 2, 18: 8, 19: 3,
            20: 5, 22: 1, 23: 5, 24: 3, 25: 2, 27: 5, 28: 3, 29: 8, 30: 3,
        ]
        let componentByLabel = ["checkout": "10200", "payments": "10200", "cart": "10200", "search": "10201", "auth": "10202", "login": "10202"]

        // Sorted by id so that history ids come out the same on every start.
        for issue in storedIssues(where: { _ in true }).map(\.issue).sorted(by: { Int($0.id) ?? 0 < Int($1.id) ?? 0 }) {
            var issue = issue
            let number = issue.number
            var watchers = [issue.reporterId]
            if let assignee = issue.assigneeId, assignee != issue.reporterId { watchers.append(assignee) }
            issue.watcherIds = watchers
            issue.changelog = seededHistory(for: issue)
            if issue.projectKey == "DEMO" {
                issue.sprintIds = sprintMembership[number] ?? []
                issue.storyPoints = storyPoints[number]
                var componentIds: [String] = []
                for label in issue.labels {
                    if let id = componentByLabel[label], !componentIds.contains(id) { componentIds.append(id) }
                }
                issue.componentIds = componentIds
                if issue.sprintIds == [1] { issue.fixVersionIds = ["10100"] } else if issue.sprintIds.last == 2 { issue.fixVersionIds = ["10101"] }
                if [11, 26, 27, 28].contains(number) { issue.fixVersionIds = ["10102"] }
            } else if issue.projectKey == "OPS", issue.labels.contains("alerts") {
                issue.componentIds = ["10203"]
            }
            save(issue)
        }

        logWork(on: "DEMO-7", [(JiraUser.demo, 7_200, "Reproduced with a throttled connection."), (JiraUser.demo, 5_400, nil)])
        logWork(on: "DEMO-2", [(JiraUser.alice, 10_800, "Card vault integration.")])
        logWork(on: "DEMO-18", [(JiraUser.dev, 28_800, "Copied the 2024 orders and checked the counts.")])

        // DEMO-8 blocks DEMO-2; DEMO-19 is a duplicate of DEMO-7's retries, filed later.
        link(.blocks, outward: "DEMO-2", inward: "DEMO-8")
        link(.relates, outward: "DEMO-3", inward: "DEMO-28")
        link(.duplicate, outward: "DEMO-7", inward: "DEMO-19")
        link(.relates, outward: "DEMO-18", inward: "OPS-2")

        attach(to: "DEMO-7", "session-timeout.har", "application/json", 48_213, by: .bob)
        attach(to: "DEMO-7", "checkout-error.png", "image/png", 182_044, by: .demo)
        attach(to: "DEMO-17", "safari-17-broken-image.png", "image/png", 95_310, by: .carmen)
    }

    /// Status changes along the workflow from To Do to where the issue is now, half an hour apart.
    private mutating func seededHistory(for issue: JiraIssue) -> [JiraHistory] {
        var path: [JiraStatus] = []
        switch issue.status {
        case .inProgress: path = [.toDo, .inProgress]
        case .inReview: path = [.toDo, .inProgress, .inReview]
        case .done: path = [.toDo, .inProgress, .done]
        default: return []
        }
        let author = issue.assigneeId ?? issue.reporterId
        return zip(path, path.dropFirst()).enumerated().map { index, step in
            var items = [
                JiraChangeItem(field: "status", fieldId: "status", from: step.0.id, fromString: step.0.name, to: step.1.id, toString: step.1.name)
            ]
            if step.1 == .done {
                items.append(JiraChangeItem(field: "resolution", fieldId: "resolution", to: "10000", toString: "Done"))
            }
            return JiraHistory(id: nextOtherIDs.make(.history), authorId: author, created: issue.created.adding(minutes: 30 * (index + 1)), items: items)
        }
    }

    private mutating func logWork(on key: String, _ entries: [(JiraUser, Int, String?)]) {
        guard var issue = issue(idOrKey: key) else { return }
        for (index, entry) in entries.enumerated() {
            let started = issue.created.adding(minutes: 45 + index * 120)
            issue.worklogs.append(
                JiraWorklog(
                    id: nextOtherIDs.make(.worklog), authorId: entry.0.accountId, started: started, timeSpentSeconds: entry.1,
                    comment: entry.2.map { ADF.doc([ADF.paragraph($0)]) }, created: started.adding(minutes: entry.1 / 60)
                )
            )
        }
        save(issue)
    }

    private mutating func link(_ type: JiraIssueLinkType, outward: String, inward: String) {
        guard let outwardIssue = issue(idOrKey: outward), let inwardIssue = issue(idOrKey: inward) else { return }
        issueLinks.append(JiraIssueLink(id: nextOtherIDs.make(.link), typeId: type.id, outwardIssueId: outwardIssue.id, inwardIssueId: inwardIssue.id))
    }

    private mutating func attach(to key: String, _ filename: String, _ mimeType: String, _ size: Int, by author: JiraUser) {
        guard var issue = issue(idOrKey: key) else { return }
        let created = issue.created.adding(minutes: 20 + issue.attachments.count * 7)
        issue.attachments.append(
            JiraAttachment(id: nextOtherIDs.make(.attachment), filename: filename, authorId: author.accountId, created: created, size: size, mimeType: mimeType)
        )
        save(issue)
    }
}
