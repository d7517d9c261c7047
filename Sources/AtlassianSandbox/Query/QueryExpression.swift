/// A boolean combination of clauses, e.g. `.and(.clause(project = DEMO), .not(.clause(status = Done)))`.
indirect enum QueryExpression: Sendable {
    case clause(QueryClause)
    case and(QueryExpression, QueryExpression)
    case or(QueryExpression, QueryExpression)
    case not(QueryExpression)
}
