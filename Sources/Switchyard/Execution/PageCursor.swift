import Foundation

/// Where a paginated action stopped: the page to fetch next and how many of its records were already
/// returned. It travels to the caller as an opaque `next` string and comes back as `cursor`.
struct PageCursor: Equatable {
    /// The page to fetch, in the terms of the pagination kind.
    enum Position: Equatable {
        case offset(Int)
        case token(String?)
        case link(String?)
        case page(Int)
    }

    /// `connector/entity/action`, so a cursor cannot be replayed on another action.
    var actionID: String
    var position: Position
    /// Records of that page already returned.
    var skip: Int

    var encoded: String {
        var object: JSONObject = ["a": .string(actionID)]
        switch position {
        case .offset(let offset): object["o"] = .number(JSONNumber(offset))
        case .token(let token): object["t"] = token.map(JSONValue.string) ?? .null
        case .link(let link): object["u"] = link.map(JSONValue.string) ?? .null
        case .page(let page): object["p"] = .number(JSONNumber(page))
        }
        if skip > 0 { object["k"] = .number(JSONNumber(skip)) }
        return Data(JSONValue.object(object).serializedBytes()).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    init(actionID: String, position: Position, skip: Int = 0) {
        self.actionID = actionID
        self.position = position
        self.skip = skip
    }

    /// Decodes a cursor given back by a caller, checking it belongs to this action and pagination kind.
    init(decoding text: String, actionID: String, kind: Pagination.Kind) throws(ExecutionError) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        let invalid = ExecutionError(kind: .validation, message: "param 'cursor' is not a cursor returned by \(actionID); pass the 'next' value of an earlier result unchanged")
        guard let data = Data(base64Encoded: base64), let json = try? JSONValue(parsing: data), let object = json.objectValue else { throw invalid }
        guard object["a"]?.stringValue == actionID else {
            throw ExecutionError(kind: .validation, message: "param 'cursor' belongs to another action (\(object["a"]?.displayText ?? "unknown")), not \(actionID)")
        }
        let skip = object["k"]?.intValue ?? 0
        switch kind {
        case .offset:
            guard let offset = object["o"]?.intValue, offset >= 0 else { throw invalid }
            self.init(actionID: actionID, position: .offset(offset), skip: skip)
        case .token:
            guard let token = object["t"], token.isNull || token.stringValue != nil else { throw invalid }
            self.init(actionID: actionID, position: .token(token.stringValue), skip: skip)
        case .nextLink:
            guard let link = object["u"], link.isNull || link.stringValue != nil else { throw invalid }
            self.init(actionID: actionID, position: .link(link.stringValue), skip: skip)
        case .pageNumber:
            guard let page = object["p"]?.intValue else { throw invalid }
            self.init(actionID: actionID, position: .page(page), skip: skip)
        }
        guard skip >= 0 else { throw invalid }
    }
}
