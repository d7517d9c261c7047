/// Which deployment of a product a connector speaks to, so that a configured site switches on exactly one
/// flavour: `jira` (Cloud) or `jira-datacenter`, never both.
///
/// ```json
/// "deployment": {
///   "product": "jira",
///   "kind": "cloud",
///   "env": ["JIRA_DEPLOYMENT"],
///   "cloud_hosts": ["*.atlassian.net", "*.jira.com", "api.atlassian.com"]
/// }
/// ```
///
/// When connectors of one product are all configured, the site's host decides: a host matching
/// `cloud_hosts` is Cloud, any other is Data Center. The first of `env` set to `cloud` or `datacenter`
/// overrides the detection.
public struct Deployment: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case cloud, datacenter
    }

    /// Connectors of the same product are flavours of one another.
    public let product: String
    public let kind: Kind
    /// Environment variables that override the detection.
    public let environment: [String]
    /// Host patterns (`*` wildcards) of the product's Cloud sites.
    public let cloudHosts: [String]

    public init(product: String, kind: Kind, environment: [String], cloudHosts: [String]) {
        self.product = product
        self.kind = kind
        self.environment = environment
        self.cloudHosts = cloudHosts
    }

    /// The kind of site `host` is.
    public func kind(ofHost host: String) -> Kind {
        let host = host.lowercased()
        return cloudHosts.contains { Glob.matches($0.lowercased(), host) } ? .cloud : .datacenter
    }

    static func decode(_ json: JSONValue, at pointer: JSONPointer, problems: inout ProblemList) -> Deployment? {
        guard var reader = ObjectReader(json, at: pointer, what: "'deployment'", problems: &problems) else { return nil }
        let product = reader.string("product", required: true, problems: &problems)
        let kindName = reader.string("kind", required: true, problems: &problems)
        let kind = kindName.flatMap(Kind.init(rawValue:))
        if let kindName, kind == nil {
            problems.add(pointer.appending("kind"), "unknown deployment kind '\(kindName)'; expected \(Kind.allCases.map(\.rawValue).joined(separator: " or "))")
        }
        let environment = reader.strings("env", problems: &problems) ?? []
        let cloudHosts = reader.strings("cloud_hosts", problems: &problems) ?? []
        reader.reportUnknownFields(&problems)
        guard let product, let kind else { return nil }
        return Deployment(product: product, kind: kind, environment: environment, cloudHosts: cloudHosts)
    }
}
