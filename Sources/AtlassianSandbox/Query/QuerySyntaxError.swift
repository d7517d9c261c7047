/// A query that does not follow the grammar, with the 1-based character where the problem is.
///
/// ```swift
/// QuerySyntaxError(message: "Expecting operator but got 'DEMO'.", position: 9).positionedMessage
/// // "Expecting operator but got 'DEMO'. (line 1, character 9)"
/// ```
struct QuerySyntaxError: Error, Sendable {
    let message: String
    let position: Int

    /// The message with Jira's position suffix: `Expecting ... (line 1, character 9)`.
    var positionedMessage: String {
        "\(message) (line 1, character \(position))"
    }
}
