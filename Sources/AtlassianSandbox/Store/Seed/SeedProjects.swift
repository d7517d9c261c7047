/// Seven projects, so that project search needs more than one small page.
extension JiraProject {
    static let seeded: [JiraProject] = [
        JiraProject(id: "10000", key: "DEMO", name: "Demo Project", description: "The web shop: storefront, search, checkout and shopper accounts.", leadAccountId: JiraUser.demo.accountId, projectTypeKey: "software", lastIssueNumber: 0),
        JiraProject(id: "10001", key: "OPS", name: "Operations", description: "Infrastructure, on-call and platform maintenance.", leadAccountId: JiraUser.bob.accountId, projectTypeKey: "software", lastIssueNumber: 0),
        JiraProject(id: "10002", key: "MOB", name: "Mobile App", description: "The iOS and Android shopping apps.", leadAccountId: JiraUser.carmen.accountId, projectTypeKey: "software", lastIssueNumber: 0),
        JiraProject(id: "10003", key: "DATA", name: "Data Platform", description: "Event pipeline, warehouse and reporting.", leadAccountId: JiraUser.dev.accountId, projectTypeKey: "software", lastIssueNumber: 0),
        JiraProject(id: "10004", key: "SEC", name: "Security", description: "Security reviews, findings and compliance work.", leadAccountId: JiraUser.alice.accountId, projectTypeKey: "software", lastIssueNumber: 0),
        JiraProject(id: "10005", key: "WEB", name: "Marketing Website", description: "Landing pages and campaign content.", leadAccountId: JiraUser.carmen.accountId, projectTypeKey: "business", lastIssueNumber: 0),
        JiraProject(id: "10006", key: "HR", name: "People Ops", description: "Hiring, onboarding and team events.", leadAccountId: JiraUser.alice.accountId, projectTypeKey: "business", lastIssueNumber: 0),
    ]
}
