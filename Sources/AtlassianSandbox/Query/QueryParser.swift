/// A recursive-descent parser for the JQL/CQL subset the sandbox understands.
///
/// Grammar (keywords are case-insensitive):
/// ```
/// query   := [or] [ORDER BY sort ("," sort)*]
/// or      := and (OR and)*
/// and     := unary (AND unary)*
/// unary   := NOT unary | "(" or ")" | clause
/// clause  := field (= | != | ~ | !~ | < | <= | > | >= ) value
///          | field [NOT] IN "(" value ("," value)* ")"
///          | field IS [NOT] (EMPTY | NULL)
/// value   := word | "quoted" | word "(" [value ("," value)*] ")" | EMPTY | NULL
/// ```
///
/// ```swift
/// let query = try QueryParser.parse("assignee = currentUser() AND labels in (checkout, auth)")
/// ```
struct QueryParser {
    private static let keywords: Set<String> = ["and", "or", "not", "in", "is", "empty", "null", "order", "by", "asc", "desc"]

    private let tokens: [QueryLexer.Token]
    private var index = 0

    static func parse(_ text: String) throws(QuerySyntaxError) -> ParsedQuery {
        var parser = QueryParser(tokens: try QueryLexer.tokens(in: text))
        return try parser.parseQuery()
    }

    private init(tokens: [QueryLexer.Token]) {
        self.tokens = tokens
    }

    private var current: QueryLexer.Token { tokens[index] }

    private mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    /// Whether the current token is the unquoted keyword `keyword`.
    private func isKeyword(_ keyword: String) -> Bool {
        if case .word(let word) = current.kind { return word.lowercased() == keyword }
        return false
    }

    private func unexpected(_ expectation: String) -> QuerySyntaxError {
        let found = current.kind == .end ? "reached the end of the query" : "got '\(current.display)'"
        return QuerySyntaxError(message: "Expecting \(expectation) but \(found).", position: current.position)
    }

    private mutating func parseQuery() throws(QuerySyntaxError) -> ParsedQuery {
        var restriction: QueryExpression?
        if current.kind != .end, !isKeyword("order") {
            restriction = try parseOr()
        }
        var orderBy: [QuerySort] = []
        if isKeyword("order") {
            advance()
            guard isKeyword("by") else { throw unexpected("'BY'") }
            advance()
            orderBy = try parseSortList()
        }
        guard current.kind == .end else {
            throw unexpected(restriction == nil ? "a field name" : "either 'OR' or 'AND'")
        }
        return ParsedQuery(restriction: restriction, orderBy: orderBy)
    }

    private mutating func parseOr() throws(QuerySyntaxError) -> QueryExpression {
        var expression = try parseAnd()
        while isKeyword("or") {
            advance()
            expression = .or(expression, try parseAnd())
        }
        return expression
    }

    private mutating func parseAnd() throws(QuerySyntaxError) -> QueryExpression {
        var expression = try parseUnary()
        while isKeyword("and") {
            advance()
            expression = .and(expression, try parseUnary())
        }
        return expression
    }

    private mutating func parseUnary() throws(QuerySyntaxError) -> QueryExpression {
        if isKeyword("not") {
            advance()
            return .not(try parseUnary())
        }
        if current.kind == .leftParenthesis {
            advance()
            let inner = try parseOr()
            guard current.kind == .rightParenthesis else { throw unexpected("')'") }
            advance()
            return inner
        }
        return .clause(try parseClause())
    }

    private mutating func parseClause() throws(QuerySyntaxError) -> QueryClause {
        let field = try parseFieldName()
        let comparison = try parseComparison()
        let operand: QueryOperand
        switch comparison {
        case .isIn, .notIn:
            operand = .list(try parseValueList())
        case .is, .isNot:
            guard isKeyword("empty") || isKeyword("null") else { throw unexpected("'EMPTY' or 'NULL'") }
            advance()
            operand = .empty
        default:
            if isKeyword("empty") || isKeyword("null") {
                advance()
                operand = .empty
            } else {
                operand = .value(try parseValue())
            }
        }
        return QueryClause(field: field, comparison: comparison, operand: operand)
    }

    private mutating func parseFieldName() throws(QuerySyntaxError) -> String {
        switch current.kind {
        case .word(let word) where !Self.keywords.contains(word.lowercased()):
            advance()
            return word
        case .string(let text):
            advance()
            return text
        default:
            throw unexpected("a field name")
        }
    }

    private mutating func parseComparison() throws(QuerySyntaxError) -> QueryComparison {
        if case .comparison(let symbol) = current.kind, let comparison = QueryComparison(rawValue: symbol) {
            advance()
            return comparison
        }
        if isKeyword("in") {
            advance()
            return .isIn
        }
        if isKeyword("not") {
            advance()
            guard isKeyword("in") else { throw unexpected("'IN'") }
            advance()
            return .notIn
        }
        if isKeyword("is") {
            advance()
            if isKeyword("not") {
                advance()
                return .isNot
            }
            return .is
        }
        let found = current.kind == .end ? "reached the end of the query" : "got '\(current.display)'"
        throw QuerySyntaxError(
            message: "Expecting operator but \(found). The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.",
            position: current.position
        )
    }

    private mutating func parseValueList() throws(QuerySyntaxError) -> [QueryValue] {
        // A function that returns a list, as in `sprint IN openSprints()`.
        if case .word = current.kind {
            let value = try parseValue()
            if case .function = value { return [value] }
            throw unexpected("'('")
        }
        guard current.kind == .leftParenthesis else { throw unexpected("'('") }
        advance()
        var values = [try parseValue()]
        while current.kind == .comma {
            advance()
            values.append(try parseValue())
        }
        guard current.kind == .rightParenthesis else { throw unexpected("')' or ','") }
        advance()
        return values
    }

    private mutating func parseValue() throws(QuerySyntaxError) -> QueryValue {
        switch current.kind {
        case .string(let text):
            advance()
            return .literal(text)
        case .word(let word) where !Self.keywords.contains(word.lowercased()):
            advance()
            guard current.kind == .leftParenthesis else { return .literal(word) }
            advance()
            var arguments: [String] = []
            while current.kind != .rightParenthesis {
                if !arguments.isEmpty {
                    guard current.kind == .comma else { throw unexpected("')' or ','") }
                    advance()
                }
                arguments.append(try parseValue().description)
            }
            advance()
            return .function(name: word, arguments: arguments)
        default:
            throw unexpected("either a value, 'EMPTY' or a function")
        }
    }

    private mutating func parseSortList() throws(QuerySyntaxError) -> [QuerySort] {
        var sorts: [QuerySort] = []
        repeat {
            if !sorts.isEmpty { advance() }
            let field = try parseFieldName()
            var direction: QuerySort.Direction?
            if isKeyword("asc") {
                direction = .ascending
                advance()
            } else if isKeyword("desc") {
                direction = .descending
                advance()
            }
            sorts.append(QuerySort(field: field, direction: direction))
        } while current.kind == .comma
        return sorts
    }
}
