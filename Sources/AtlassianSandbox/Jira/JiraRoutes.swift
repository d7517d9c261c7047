/// Every Jira route the sandbox serves: Cloud REST v3, REST v2 as Server/Data Center answers it, the
/// Jira Software agile API and the Jira Service Management API.
///
/// ```swift
/// router.register(JiraRoutes(store: store))
/// ```
struct JiraRoutes: RouteGroup {
    let store: SandboxStore

    func register(on router: inout Router) {
        // Create metadata before the issue routes, whose `/issue/{issueIdOrKey}/...` patterns come later.
        router.register(JiraServerInfoRoutes())
        router.register(JiraMetadataRoutes(store: store))
        router.register(JiraUserRoutes(store: store))
        router.register(JiraProjectRoutes(store: store))
        router.register(JiraSearchRoutes(store: store))
        router.register(JiraIssueRoutes(store: store))
        router.register(JiraCommentRoutes(store: store))
        router.register(JiraTransitionRoutes(store: store))
        router.register(JiraWorklogRoutes(store: store))
        router.register(JiraIssueActivityRoutes(store: store))
        router.register(JiraLinkRoutes(store: store))
        router.register(JiraRemoteLinkRoutes(store: store))
        router.register(JiraAttachmentRoutes(store: store))
        router.register(JiraReleaseRoutes(store: store))
        router.register(JiraAgileRoutes(store: store))
        router.register(JiraWebhookRoutes(store: store))
        router.register(ServiceDeskRoutes(store: store))
    }
}
