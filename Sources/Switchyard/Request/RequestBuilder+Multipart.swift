import Foundation

extension RequestBuilder {
    /// Fills multipart part templates. A part whose value (or file content) is absent is left out; a file's
    /// content is decoded as its `encoding` says, checked against its size cap, and named with a filename
    /// that the encoder escapes.
    static func fill(_ templates: [MultipartPartTemplate], source: ParamSource) throws(ExecutionError) -> MultipartForm {
        var parts: [MultipartForm.Part] = []
        for template in templates {
            switch template.kind {
            case .text(let value):
                if let text = try value.fill(source.value, render: renderScalar) {
                    parts.append(MultipartForm.Part(name: template.name, data: Array(text.utf8)))
                }
            case .file(let file):
                if let part = try fillFile(file, name: template.name, source: source) { parts.append(part) }
            }
        }
        return MultipartForm(parts: parts)
    }

    private static func fillFile(_ file: FilePartTemplate, name: String, source: ParamSource) throws(ExecutionError) -> MultipartForm.Part? {
        guard let content = try file.content.fill(source.value, render: renderScalar) else { return nil }
        let contentParam = ParamLabel(file.content, fallback: "content of part '\(name)'")
        let encodingText = try file.encoding.flatMap { template throws(ExecutionError) in try template.fill(source.value, render: renderScalar) }
        let encoding = FilePartTemplate.Encoding(rawValue: encodingText ?? FilePartTemplate.Encoding.text.rawValue)
        guard let encoding else {
            let param = ParamLabel(file.encoding, fallback: "encoding of part '\(name)'")
            throw ExecutionError(
                kind: .validation, message: "\(param.text) must be 'text' or 'base64', got '\(encodingText ?? "")'", details: ["param": .string(param.name)]
            )
        }

        let data: [UInt8]
        switch encoding {
        case .text:
            data = Array(content.utf8)
        case .base64:
            do {
                data = try Base64Decoder.decode(content)
            } catch {
                throw ExecutionError(
                    kind: .validation, message: "\(contentParam.text) is not valid base64: \(error.message)",
                    details: ["param": .string(contentParam.name), "encoding": "base64"]
                )
            }
        }
        guard data.count <= file.maximumBytes else {
            throw ExecutionError(
                kind: .validation,
                message: "\(contentParam.text) is \(data.count) bytes, over the \(file.maximumBytes)-byte limit of part '\(name)': send a smaller file",
                details: ["param": .string(contentParam.name), "bytes": .number(JSONNumber(data.count)), "max_bytes": .number(JSONNumber(file.maximumBytes))]
            )
        }

        let filename = try file.filename.fill(source.value, render: renderScalar) ?? ""
        guard !filename.isEmpty else {
            let param = ParamLabel(file.filename, fallback: "filename of part '\(name)'")
            throw ExecutionError(
                kind: .validation, message: "\(param.text) is needed to send part '\(name)': give the file a name such as \"notes.txt\"",
                details: ["param": .string(param.name)]
            )
        }
        let contentType = try file.contentType.flatMap { template throws(ExecutionError) in try template.fill(source.value, render: renderScalar) }
        if let contentType, !isMediaType(contentType) {
            let param = ParamLabel(file.contentType, fallback: "content type of part '\(name)'")
            throw ExecutionError(
                kind: .validation, message: "\(param.text) must be a media type such as \"text/plain\" or \"image/png\", got '\(contentType)'",
                details: ["param": .string(param.name)]
            )
        }
        return MultipartForm.Part(name: name, filename: filename, contentType: contentType ?? "application/octet-stream", data: data)
    }

    /// `type/subtype` with optional parameters, and no control characters that could break the part's header.
    private static func isMediaType(_ text: String) -> Bool {
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return false }
        let essence = text.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        let halves = essence.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        return halves.count == 2 && halves.allSatisfy { !$0.isEmpty && !$0.contains(" ") }
    }
}

/// The param behind a part template, for errors: `name` for `details.param`, `text` for the message
/// (`param 'content'`); a template without a placeholder is named by what it is.
private struct ParamLabel {
    let name: String
    let text: String

    init(_ template: Template?, fallback: String) {
        if let placeholder = template?.placeholders.first {
            name = placeholder
            text = "param '\(placeholder)'"
        } else {
            name = fallback
            text = fallback
        }
    }
}
