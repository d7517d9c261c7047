/// A prepared request as JSON, for dry runs: what would be sent, with every secret masked.
enum RequestDescription {
    static let sensitiveHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie", "x-api-key"]

    static func describe(_ request: PreparedRequest, credential: Credential) -> JSONValue {
        var authenticated = request
        credential.apply(to: &authenticated)
        var secretHeader: String?
        var secretQuery: String?
        if case .apiKey(let placement, let name, _) = credential {
            if placement == .header { secretHeader = name.lowercased() } else { secretQuery = name }
        }
        for index in authenticated.query.indices where authenticated.query[index].name == secretQuery {
            authenticated.query[index].value = "****"
        }
        var headers = JSONObject()
        for header in authenticated.headers {
            let lowered = header.name.lowercased()
            if sensitiveHeaders.contains(lowered) || lowered == secretHeader {
                let scheme = header.value.split(separator: " ").first.map(String.init)
                headers[header.name] = .string(lowered == "authorization" && scheme != nil && header.value.contains(" ") ? "\(scheme!) ****" : "****")
            } else {
                headers[header.name] = .string(header.value)
            }
        }
        var object: JSONObject = ["method": .string(authenticated.method.rawValue), "url": .string(authenticated.url), "headers": .object(headers)]
        switch authenticated.body {
        case .json(let value)?: object["body"] = value
        case .form(let pairs)?: object["form"] = .object(JSONObject(pairs.map { ($0.name, JSONValue.string($0.value)) }))
        case nil: object["body"] = .null
        }
        return .object(object)
    }
}
