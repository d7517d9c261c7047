import Foundation
import Switchyard

/// Atlassian's published OpenAPI documents, read from `../shared/specs` beside the repository (reference
/// data only, never copied into the repo), and a light structural check of a request against them.
enum OpenAPISpecs {
    static let fileNames = ["jira-platform-v3.json", "jira-software-agile.json", "confluence-v2.json", "confluence-v1.json"]

    /// The specs directory, or `nil` when it (or any of the four files) is missing.
    static let directory: String? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [root.resolvingSymlinksInPath(), root].map {
            $0.deletingLastPathComponent().appendingPathComponent("shared/specs").resolvingSymlinksInPath().path
        }
        return candidates.first { directory in
            fileNames.allSatisfy { FileManager.default.fileExists(atPath: directory + "/" + $0) }
        }
    }()

    static var available: Bool { directory != nil }

    /// Each spec, parsed once. A request belongs to the first spec whose `requestPrefix` its path starts with.
    static let all: [OpenAPISpec] = {
        guard let directory else { return [] }
        func load(_ file: String, requestPrefix: String, stripPrefix: String) -> OpenAPISpec {
            let path = directory + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else { fatalError("cannot read \(path)") }
            do {
                return OpenAPISpec(name: file, requestPrefix: requestPrefix, stripPrefix: stripPrefix, document: try JSONValue(parsing: data))
            } catch {
                fatalError("cannot parse \(path): \(error)")
            }
        }
        // Jira platform, agile and Confluence v1 write full paths; Confluence v2 paths are relative to the
        // server URL `https://{your-domain}/wiki/api/v2`.
        return [
            load("jira-platform-v3.json", requestPrefix: "/rest/api/3/", stripPrefix: ""),
            load("jira-software-agile.json", requestPrefix: "/rest/agile/1.0/", stripPrefix: ""),
            load("confluence-v2.json", requestPrefix: "/wiki/api/v2/", stripPrefix: "/wiki/api/v2"),
            load("confluence-v1.json", requestPrefix: "/wiki/rest/api/", stripPrefix: ""),
        ]
    }()

    static func spec(forPath path: String) -> OpenAPISpec? {
        all.first { path.hasPrefix($0.requestPrefix) || path + "/" == $0.requestPrefix }
    }
}

/// One problem a request has against its spec. `key` names what is wrong (`path`, `method`, `query:NAME`,
/// `body:NAME`, `body`) so a deviation can excuse exactly that.
struct ConformanceFinding: Sendable {
    let method: String
    let path: String
    /// The spec path template the request matched (with the spec's base), or the raw path when none did.
    let template: String
    let key: String
    let problem: String

    var line: String { "\(method) \(path) [\(template)] \(key): \(problem)" }
}

struct OpenAPISpec: Sendable {
    struct PathTemplate: Sendable {
        let text: String
        let segments: [String]
        let item: JSONValue
        var literalCount: Int { segments.count { !$0.hasPrefix("{") } }
    }

    let name: String
    let requestPrefix: String
    let stripPrefix: String
    let document: JSONValue
    let templates: [PathTemplate]

    init(name: String, requestPrefix: String, stripPrefix: String, document: JSONValue) {
        self.name = name
        self.requestPrefix = requestPrefix
        self.stripPrefix = stripPrefix
        self.document = document
        templates = (document["paths"]?.objectValue ?? [:]).map { member in
            PathTemplate(text: member.key, segments: Self.segments(member.key), item: member.value)
        }
    }

    static func segments(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    // MARK: Checking

    /// The operation a request reaches: its path template as reported (spec base included) and the resolved
    /// operation object, or the finding (`path` or `method`) that says why none matches.
    enum OperationMatch {
        case found(template: String, operation: JSONValue, pathItem: JSONValue)
        case problem(ConformanceFinding)
    }

    func operation(method: String, rawPath: String) -> OperationMatch {
        let relative = String(rawPath.dropFirst(stripPrefix.count))
        let segments = Self.segments(relative).map { $0.removingPercentEncoding ?? $0 }
        let verb = method.lowercased()
        let candidates = templates.filter { template in
            template.segments.count == segments.count
                && zip(template.segments, segments).allSatisfy { $0.hasPrefix("{") && $0.hasSuffix("}") || $0 == $1 }
        }
        // Prefer a template that has the method, then the one with the most literal segments.
        guard let template = candidates.max(by: { lhs, rhs in
            let left = (lhs.item[verb] != nil ? 1 : 0, lhs.literalCount)
            let right = (rhs.item[verb] != nil ? 1 : 0, rhs.literalCount)
            return left < right
        }) else {
            return .problem(ConformanceFinding(method: method, path: rawPath, template: rawPath, key: "path", problem: "no path template in \(name) matches"))
        }
        let shown = stripPrefix + template.text
        guard let operation = template.item[verb].map(resolve) else {
            let allowed = ["get", "put", "post", "delete", "patch"].filter { template.item[$0] != nil }.map { $0.uppercased() }
            let problem = "\(method) is not an operation of the path (spec has \(allowed.joined(separator: ", ")))"
            return .problem(ConformanceFinding(method: method, path: rawPath, template: shown, key: "method", problem: problem))
        }
        return .found(template: shown, operation: operation, pathItem: template.item)
    }

    /// Every problem of one request: its path template, method, query parameter names and JSON body.
    func check(method: String, rawPath: String, query: String?, body: [UInt8], contentType: String? = nil) -> [ConformanceFinding] {
        let shown: String
        let operation: JSONValue
        let pathItem: JSONValue
        switch self.operation(method: method, rawPath: rawPath) {
        case .problem(let finding): return [finding]
        case .found(let template, let found, let item): (shown, operation, pathItem) = (template, found, item)
        }
        func finding(_ key: String, _ problem: String) -> ConformanceFinding {
            ConformanceFinding(method: method, path: rawPath, template: shown, key: key, problem: problem)
        }
        var findings: [ConformanceFinding] = []

        let declared = Set(((pathItem["parameters"]?.arrayValue ?? []) + (operation["parameters"]?.arrayValue ?? []))
            .map(resolve).filter { $0["in"] == "query" }.compactMap { $0["name"]?.stringValue })
        var seen = Set<String>()
        for pair in (query ?? "").split(separator: "&") {
            let rawName = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let name = rawName.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? rawName
            guard !name.isEmpty, seen.insert(name).inserted, !declared.contains(name) else { continue }
            findings.append(finding("query:\(name)", "query parameter '\(name)' is not declared (spec has \(declared.sorted().joined(separator: ", ")))"))
        }

        guard !body.isEmpty else { return findings }
        // A multipart body is checked for its media type only: the spec describes its parts loosely.
        if let mediaType = contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased(),
           mediaType == "multipart/form-data" {
            let accepted = operation["requestBody"].map(resolve)?["content"]?.objectValue?.keys ?? []
            if !accepted.contains(mediaType) {
                findings.append(finding("body", "sends \(mediaType) but the operation takes \(accepted.isEmpty ? "no body" : accepted.joined(separator: ", "))"))
            }
            return findings
        }
        guard let sent = try? JSONValue(parsing: body) else { return findings }  // not JSON: nothing to compare
        guard let requestBody = operation["requestBody"].map(resolve) else {
            findings.append(finding("body", "sends a JSON body but the operation declares no request body"))
            return findings
        }
        guard let schema = requestBody["content"]?["application/json"]?["schema"] else {
            let types = requestBody["content"]?.objectValue?.keys.joined(separator: ", ") ?? "none"
            findings.append(finding("body", "sends JSON but the operation takes \(types)"))
            return findings
        }
        for (key, problem) in bodyProblems(sent, schema: schema) {
            findings.append(finding(key, problem))
        }
        return findings
    }

    /// Top-level problems of a JSON body: its type, and property names the schema does not declare.
    private func bodyProblems(_ value: JSONValue, schema rawSchema: JSONValue) -> [(String, String)] {
        var schema = resolve(rawSchema)
        // `oneOf`/`anyOf` without a type of its own: check against the alternative of the body's type.
        if schema["type"] == nil, let alternatives = (schema["oneOf"] ?? schema["anyOf"])?.arrayValue {
            guard let chosen = alternatives.map(resolve).first(where: { $0["type"]?.stringValue.map { Self.matches(value, type: $0) } ?? false })
            else { return [] }
            schema = chosen
        }
        if let type = schema["type"]?.stringValue, !Self.matches(value, type: type) {
            return [("body", "body is \(value.typeName) but the schema's type is \(type)")]
        }
        switch value {
        case .object(let object):
            guard let names = propertyNames(schema, depth: 0) else { return [] }
            return object.keys.filter { !names.contains($0) }.map {
                ("body:\($0)", "body property '\($0)' is not in the schema (which has \(names.sorted().joined(separator: ", ")))")
            }
        case .array(let elements):
            guard let items = schema["items"] else { return [] }
            var problems: [(String, String)] = []
            for element in elements {
                for problem in bodyProblems(element, schema: items) where !problems.contains(where: { $0.0 == problem.0 }) {
                    problems.append(problem)
                }
            }
            return problems
        default:
            return []
        }
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch type {
        case "number": value.typeName == "number" || value.typeName == "integer"
        default: value.typeName == type
        }
    }

    /// The property names an object schema declares, or `nil` when it accepts any (open or unknown).
    private func propertyNames(_ rawSchema: JSONValue, depth: Int) -> Set<String>? {
        guard depth < 16 else { return nil }
        let schema = resolve(rawSchema)
        if let additional = schema["additionalProperties"], additional != false { return nil }
        var names = Set(schema["properties"]?.objectValue?.keys ?? [])
        for part in schema["allOf"]?.arrayValue ?? [] {
            guard let more = propertyNames(part, depth: depth + 1) else { return nil }
            names.formUnion(more)
        }
        for key in ["oneOf", "anyOf"] {
            for part in schema[key]?.arrayValue ?? [] {
                guard let more = propertyNames(part, depth: depth + 1) else { return nil }
                names.formUnion(more)
            }
        }
        return names.isEmpty ? nil : names
    }

    /// Follows `$ref`s (`#/components/...`) until a value without one.
    func resolve(_ value: JSONValue) -> JSONValue {
        var current = value
        for _ in 0..<16 {
            guard let ref = current["$ref"]?.stringValue, ref.hasPrefix("#"),
                  let pointer = JSONPointer(String(ref.dropFirst())), let target = document.value(at: pointer)
            else { return current }
            current = target
        }
        return current
    }
}
