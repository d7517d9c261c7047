/// Every Confluence Cloud route the sandbox serves, v2 and v1.
///
/// ```swift
/// router.register(ConfluenceRoutes(store: store))
/// ```
struct ConfluenceRoutes: RouteGroup {
    let store: SandboxStore

    func register(on router: inout Router) {
        router.register(ConfluencePageRoutes(store: store))
        router.register(ConfluenceSpaceRoutes(store: store))
        router.register(ConfluenceV1Routes(store: store))
    }
}
