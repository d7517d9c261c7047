/// Every Jira Cloud REST v3 route the sandbox serves.
///
/// ```swift
/// router.register(JiraRoutes(store: store))
/// ```
struct JiraRoutes: RouteGroup {
    let store: SandboxStore

    func register(on router: inout Router) {
        router.register(JiraUserRoutes(store: store))
        router.register(JiraProjectRoutes(store: store))
        router.register(JiraSearchRoutes(store: store))
        router.register(JiraIssueRoutes(store: store))
        router.register(JiraCommentRoutes(store: store))
        router.register(JiraTransitionRoutes(store: store))
    }
}
