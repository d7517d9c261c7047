/// Decodes a request's `multipart` block: part name → a text template, or a file part object.
enum MultipartDecoder {
    static func decode(_ json: JSONValue, at pointer: JSONPointer, problems: inout ProblemList) -> [MultipartPartTemplate] {
        guard let reader = ObjectReader(json, at: pointer, what: "'multipart'", problems: &problems) else { return [] }
        if reader.object.isEmpty { problems.add(pointer, "'multipart' needs at least one part") }
        reader.reportDuplicateKeys(what: "multipart part", &problems)
        return reader.object.compactMap { member in
            let partPointer = pointer.appending(member.key)
            if member.key.isEmpty { problems.add(partPointer, "a multipart part needs a non-empty name") }
            switch member.value {
            case .string(let text):
                return problems.template(text, at: partPointer).map { MultipartPartTemplate(name: member.key, kind: .text($0)) }
            case .object:
                return decodeFile(member.value, at: partPointer, problems: &problems)
                    .map { MultipartPartTemplate(name: member.key, kind: .file($0)) }
            default:
                problems.add(partPointer, "a multipart part must be a text template or a file object {\"filename\", \"content\", …}, got \(member.value.typeName)")
                return nil
            }
        }
    }

    private static func decodeFile(_ json: JSONValue, at pointer: JSONPointer, problems: inout ProblemList) -> FilePartTemplate? {
        guard var reader = ObjectReader(json, at: pointer, what: "a file part", problems: &problems) else { return nil }
        let content = reader.template("content", required: true, problems: &problems)
        let filename = reader.template("filename", required: true, problems: &problems)
        let encoding = reader.template("encoding", problems: &problems)
        let contentType = reader.template("content_type", problems: &problems)
        let maximumBytes = reader.integer("max_bytes", minimum: 1, problems: &problems)
        reader.reportUnknownFields(&problems)
        if let encoding, encoding.placeholders.isEmpty, FilePartTemplate.Encoding(rawValue: encoding.source) == nil {
            problems.add(pointer.appending("encoding"), "'encoding' must be 'text', 'base64' or a {param} that holds one of them")
        }
        if let content, content.placeholders.isEmpty {
            problems.add(pointer.appending("content"), "'content' must place a param, e.g. \"{content}\"")
        }
        guard let content, let filename else { return nil }
        return FilePartTemplate(
            content: content, filename: filename, encoding: encoding, contentType: contentType,
            maximumBytes: maximumBytes ?? FilePartTemplate.defaultMaximumBytes
        )
    }
}
