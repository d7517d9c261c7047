/// Every Confluence route the sandbox serves: Cloud v2 and v1 (under `/wiki`) and Server/Data Center
/// REST (the same v1 API with no `/wiki` context path), all over one store.
///
/// ```swift
/// router.register(ConfluenceRoutes(store: store))
/// ```
struct ConfluenceRoutes: RouteGroup {
    let store: SandboxStore

    func register(on router: inout Router) {
        router.register(ConfluencePageRoutes(store: store))
        router.register(ConfluenceBlogPostRoutes(store: store))
        router.register(ConfluenceSpaceRoutes(store: store))
        router.register(ConfluenceV2ExtrasRoutes(store: store))
        router.register(ConfluenceInlineCommentRoutes(store: store))
        router.register(ConfluenceCommentEditRoutes(store: store))
        router.register(ConfluenceWebhookRoutes(store: store))
        for context in ["/wiki", ""] {
            router.register(ConfluenceV1Routes(store: store, context: context))
            router.register(ConfluenceV1ContentRoutes(store: store, context: context))
            router.register(ConfluenceV1LabelRoutes(store: store, context: context))
            router.register(ConfluenceV1AttachmentRoutes(store: store, context: context))
        }
    }
}
