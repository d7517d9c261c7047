/// Splits JQL or CQL text into words, quoted strings, operators and punctuation.
///
/// ```swift
/// try QueryLexer.tokens(in: #"summary ~ "login page""#).map(\.kind)
/// // [.word("summary"), .comparison("~"), .string("login page"), .end]
/// ```
enum QueryLexer {
    struct Token: Sendable {
        enum Kind: Sendable, Equatable {
            case word(String)
            case string(String)
            case comparison(String)
            case leftParenthesis
            case rightParenthesis
            case comma
            case end
        }

        let kind: Kind
        /// The 1-based character where the token starts.
        let position: Int

        /// How the token looked in the query, for error messages.
        var display: String {
            switch kind {
            case .word(let text): text
            case .string(let text): "\"\(text)\""
            case .comparison(let text): text
            case .leftParenthesis: "("
            case .rightParenthesis: ")"
            case .comma: ","
            case .end: ""
            }
        }
    }

    static func tokens(in text: String) throws(QuerySyntaxError) -> [Token] {
        let characters = Array(text)
        var tokens: [Token] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let position = index + 1
            switch character {
            case _ where character.isWhitespace:
                index += 1
            case "(":
                tokens.append(Token(kind: .leftParenthesis, position: position))
                index += 1
            case ")":
                tokens.append(Token(kind: .rightParenthesis, position: position))
                index += 1
            case ",":
                tokens.append(Token(kind: .comma, position: position))
                index += 1
            case "=", "~":
                tokens.append(Token(kind: .comparison(String(character)), position: position))
                index += 1
            case "!", "<", ">":
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                if next == "=" || (character == "!" && next == "~") {
                    tokens.append(Token(kind: .comparison(String([character, next!])), position: position))
                    index += 2
                } else if character == "!" {
                    throw QuerySyntaxError(message: "Expecting '!=' or '!~' but got '!'.", position: position)
                } else {
                    tokens.append(Token(kind: .comparison(String(character)), position: position))
                    index += 1
                }
            case "\"", "'":
                let (value, end) = try quotedString(characters, from: index)
                tokens.append(Token(kind: .string(value), position: position))
                index = end
            default:
                var end = index
                while end < characters.count, !isDelimiter(characters[end]) { end += 1 }
                tokens.append(Token(kind: .word(String(characters[index..<end])), position: position))
                index = end
            }
        }
        tokens.append(Token(kind: .end, position: characters.count + 1))
        return tokens
    }

    private static func isDelimiter(_ character: Character) -> Bool {
        character.isWhitespace || "()=,!~<>\"'".contains(character)
    }

    /// Reads a quoted string starting at the opening quote; returns its value and the index after it.
    private static func quotedString(_ characters: [Character], from start: Int) throws(QuerySyntaxError) -> (String, Int) {
        let quote = characters[start]
        var value = ""
        var index = start + 1
        while index < characters.count {
            let character = characters[index]
            if character == quote { return (value, index + 1) }
            if character == "\\", index + 1 < characters.count {
                let escaped = characters[index + 1]
                switch escaped {
                case "n": value.append("\n")
                case "t": value.append("\t")
                default: value.append(escaped)
                }
                index += 2
                continue
            }
            value.append(character)
            index += 1
        }
        throw QuerySyntaxError(message: "The quoted string '\(value)' has not been completed.", position: start + 1)
    }
}
