import Switchyard
import Synchronization

/// What answering requests needs once the runtime has loaded: the runtime, the tools it offers, and the
/// action index searches rank against, built on first use (in search mode, started in the background as soon
/// as the runtime is there, so `tools/list` does not wait for it).
final class ServingState: Sendable {
    let runtime: SwitchyardRuntime
    let tools: ToolCatalog
    let configuration: ServeConfiguration
    private let index = Mutex<ActionIndex?>(nil)
    /// Narrowed views by request narrowing; a handful of header combinations in practice, and bounded.
    private let views = Mutex<[RequestNarrowing: ServingView]>([:])
    static let viewCapacity = 64

    init(runtime: SwitchyardRuntime, configuration: ServeConfiguration) {
        self.runtime = runtime
        self.configuration = configuration
        tools = ToolCatalog(catalog: runtime.catalog, mode: configuration.toolMode, dialect: configuration.schemaDialect)
        if configuration.toolMode == .search {
            Task.detached(priority: .utility) { [self] in _ = self.searchIndex }
        }
    }

    /// What the current request sees: everything the server offers, or its ``RequestNarrowing`` of it.
    func view() throws(ExecutionError) -> ServingView {
        guard let narrowing = RequestNarrowing.current, !narrowing.isEmpty else {
            return ServingView(catalog: runtime.catalog, tools: tools, narrowed: false)
        }
        if let cached = views.withLock({ $0[narrowing] }) { return cached }
        let catalog = try narrowing.apply(to: runtime.catalog)
        let view = ServingView(
            catalog: catalog, tools: ToolCatalog(catalog: catalog, mode: configuration.toolMode, dialect: configuration.schemaDialect), narrowed: true
        )
        views.withLock { views in
            if views.count >= Self.viewCapacity { views.removeAll() }
            views[narrowing] = view
        }
        return view
    }

    /// The index over the actions this server exposes.
    var searchIndex: ActionIndex {
        index.withLock { index in
            if let index { return index }
            let built = ActionIndex(catalog: runtime.catalog)
            index = built
            return built
        }
    }
}

/// The catalog and tools one request sees.
struct ServingView: Sendable {
    let catalog: ConnectorCatalog
    let tools: ToolCatalog
    /// Whether a request narrowing made it smaller than the server's.
    let narrowed: Bool

    /// Refuses an action outside a narrowed view, saying which header hid it.
    func check(_ request: ExecuteRequest) throws(ExecutionError) {
        guard narrowed else { return }
        do {
            _ = try catalog.resolve(request)
        } catch {
            throw ExecutionError(
                kind: .permission,
                message: "this request's X-Switchyard-Toolsets/-Tools-Include/-Tools-Exclude/-Read-Only headers leave it out: \(error.message)",
                retryable: false
            )
        }
    }
}
