/// A prepared request as JSON, for dry runs: what would be sent, with every secret masked.
enum RequestDescription {
    static func describe(_ request: PreparedRequest, credential: Credential) -> JSONValue {
        var shown = request
        let masked = credential.masked
        if let header = masked.header { shown.setHeader(header.name, header.value) }
        if let query = masked.query { shown.query.append((query, "****")) }
        var headers = JSONObject()
        for header in shown.headers { headers[header.name] = .string(header.value) }
        var object: JSONObject = ["method": .string(shown.method.rawValue), "url": .string(shown.url), "headers": .object(headers)]
        switch shown.body {
        case .json(let value)?: object["body"] = value
        case .form(let pairs)?: object["form"] = .object(JSONObject(pairs.map { ($0.name, JSONValue.string($0.value)) }))
        case nil: object["body"] = .null
        }
        return .object(object)
    }
}
