/// A read an action makes first, to fill params the caller left out from the service's current state.
///
/// Confluence wants the next version number with every page update; with a prefetch the runtime reads the
/// page and sends its `version.number` + 1 when the caller gives no `version_number`:
///
/// ```json
/// "prefetch": {
///   "request": {"method": "GET", "path": "/wiki/api/v2/pages/{page_id}"},
///   "values": {"version_number": {"pointer": "/version/number", "add": 1}}
/// }
/// ```
///
/// The prefetch runs only when at least one of its `values` params is absent, and fills only the absent
/// ones, so a caller can still pass a version it read for optimistic concurrency.
public struct Prefetch: Sendable {
    /// The read: `GET` or `HEAD`, over the action's params.
    public let request: RequestTemplate
    /// The params it fills, in declaration order.
    public let values: [PrefetchValue]
}

/// One param a prefetch fills: the value at a JSON pointer into the prefetch response, optionally plus an
/// integer.
public struct PrefetchValue: Sendable {
    public let param: String
    public let pointer: JSONPointer
    /// Added to the value, which must then be an integer (`1` for the next version).
    public let add: Int?

    /// `/version/number + 1`
    public var description: String {
        guard let add else { return pointer.description }
        return add < 0 ? "\(pointer) - \(-add)" : "\(pointer) + \(add)"
    }
}
