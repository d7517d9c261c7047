/// Extra generated issues in the DATA project (DATA-1…DATA-N), for load tests and export benchmarks:
/// the same N issues on every start, each with a short ADF description, spread one minute apart.
extension JiraState {
    /// Adds `count` issues to the DATA project.
    mutating func seedBulkIssues(_ count: Int) {
        guard count > 0, let projectIndex = projects.firstIndex(where: { $0.key == "DATA" }) else { return }
        let project = projects[projectIndex]
        let types: [JiraIssueType] = [.task, .bug, .story]
        let statuses: [JiraStatus] = [.toDo, .inProgress, .inReview, .done]
        let priorities: [JiraPriority] = [.high, .medium, .low]
        let assignees: [JiraUser?] = [.dev, .alice, .bob, nil]
        let first = Timestamp(year: 2025, month: 3, day: 1, hour: 8)
        let startNumber = project.lastIssueNumber
        for offset in 0..<count {
            let number = startNumber + offset + 1
            let id = String(nextIssueID)
            nextIssueID += 1
            let created = first.adding(minutes: offset)
            let status = statuses[offset % statuses.count]
            save(
                JiraIssue(
                    id: id, projectId: project.id, projectKey: project.key, number: number,
                    summary: "Pipeline job \(number): backfill partition \(offset % 97)",
                    description: ADF.doc([
                        ADF.paragraph("Backfill partition \(offset % 97) of the events table after the schema change."),
                        ADF.bulletList(["Check the row counts", "Compare with the warehouse"]),
                    ]),
                    issueTypeId: types[offset % types.count].id, statusId: status.id, priorityId: priorities[offset % priorities.count].id,
                    assigneeId: assignees[offset % assignees.count]?.accountId, reporterId: JiraUser.dev.accountId,
                    creatorId: JiraUser.dev.accountId, labels: ["bulk", "partition-\(offset % 97)"], dueDate: nil, parentId: nil,
                    created: created, updated: created.adding(minutes: 30), statusCategoryChanged: created,
                    resolved: status.category == .done ? created.adding(minutes: 30) : nil, comments: []
                )
            )
        }
        projects[projectIndex].lastIssueNumber = startNumber + count
    }
}
