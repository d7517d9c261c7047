import Switchyard
import Synchronization

/// What answering requests needs once the runtime has loaded: the runtime, the tools it offers, and the
/// action index searches rank against, built on first use (in search mode, started in the background as soon
/// as the runtime is there, so `tools/list` does not wait for it).
final class ServingState: Sendable {
    let runtime: SwitchyardRuntime
    let tools: ToolCatalog
    private let index = Mutex<ActionIndex?>(nil)

    init(runtime: SwitchyardRuntime, configuration: ServeConfiguration) {
        self.runtime = runtime
        tools = ToolCatalog(catalog: runtime.catalog, mode: configuration.toolMode, dialect: configuration.schemaDialect)
        if configuration.toolMode == .search {
            Task.detached(priority: .utility) { [self] in _ = self.searchIndex }
        }
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
