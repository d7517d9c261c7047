/// The parts of an action a search looks at, each with its BM25F weight and length normalisation.
///
/// The id and the manifest's keywords say most about what an action is for; the description says the most
/// words; param names and the entity's description only hint.
enum SearchField: Int, CaseIterable {
    /// The entity and action names, split into words ("issue links create").
    case name
    /// The action's and its entity's `keywords`.
    case keywords
    /// The first sentence of the action's description.
    case summary
    /// The whole description of the action.
    case description
    /// Declared param names, split at `_` ("account id", "transition id").
    case params
    /// The entity's description.
    case entity
    /// The connector's name and title ("jira datacenter", "Jira Data Center").
    case connector

    /// How much one occurrence here counts against one in the description.
    var weight: Float {
        switch self {
        case .name: 4.0
        case .keywords: 3.5
        case .summary: 1.5
        case .description: 1.0
        case .params: 0.5
        case .entity: 0.5
        case .connector: 3.0
        }
    }

    /// BM25's `b`: how much a longer-than-average field is discounted.
    var lengthNormalisation: Float {
        switch self {
        case .description, .entity: 0.75
        case .summary, .params: 0.5
        case .name, .keywords, .connector: 0.3
        }
    }
}
