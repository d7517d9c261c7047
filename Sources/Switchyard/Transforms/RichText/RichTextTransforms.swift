/// The rich-text transforms of ``TextTransforms``: Markdown to and from ADF (Jira Cloud, Confluence Cloud
/// `atlas_doc_format`), Confluence storage format and Jira wiki markup (Server/Data Center).
///
/// `markdown_to_*` take Markdown text; a value already in the target form passes through unchanged (an ADF
/// object, or ADF JSON text, for `markdown_to_adf`; text that starts with a storage element for
/// `markdown_to_storage`). `*_to_markdown` take the stored form and return Markdown text. `null` stays
/// `null` in every direction; any other type is an error naming what was expected.
/// Mentions use `@[Display Name](accountId:…)` (see ``MarkdownMention``).
///
/// ```swift
/// try RichTextTransforms.markdownToADF("Hello **team**")   // {"type":"doc","version":1,"content":[…]}
/// try RichTextTransforms.adfToMarkdown(.string(#"{"type":"doc","version":1,"content":[]}"#))   // ""
/// ```
enum RichTextTransforms {
    static let markdownToADF: TextTransforms.Function = { value throws(TransformError) in
        switch value {
        case .null:
            return .null
        case .object(let object) where object["type"] != nil:
            return value
        case .string(let text):
            if let document = embeddedADF(text) { return document }
            return ADFWriter.write(MarkdownDocument(markdown: text))
        default:
            throw TransformError("markdown_to_adf expects Markdown text (or an ADF document), got \(value.typeName)")
        }
    }

    static let adfToMarkdown: TextTransforms.Function = { value throws(TransformError) in
        switch value {
        case .null:
            return .null
        case .object(let object):
            if object["type"] != nil { return .string(ADFReader.read(value).markdown) }
            if case .string(let embedded)? = object["value"] { return try adfToMarkdown(.string(embedded)) }
            throw TransformError("adf_to_markdown expects an ADF document (an object with \"type\"), got an object without one")
        case .string(let text):
            guard !text.trimmingASCIIWhitespace().isEmpty else { return .string("") }
            let parsed: JSONValue
            do {
                parsed = try JSONValue(parsing: text)
            } catch {
                throw TransformError("adf_to_markdown expects ADF JSON text, but the string is not JSON (\(error))")
            }
            guard case .object(let object) = parsed, object["type"] != nil else {
                throw TransformError("adf_to_markdown expects ADF JSON text, but the string holds \(parsed.typeName) without a \"type\"")
            }
            return .string(ADFReader.read(parsed).markdown)
        default:
            throw TransformError("adf_to_markdown expects an ADF document or ADF JSON text, got \(value.typeName)")
        }
    }

    static let markdownToStorage: TextTransforms.Function = { value throws(TransformError) in
        switch value {
        case .null:
            return .null
        case .string(let text):
            if StorageWriter.looksLikeStorage(text) { return value }
            return .string(StorageWriter.write(MarkdownDocument(markdown: text)))
        default:
            throw TransformError("markdown_to_storage expects Markdown text, got \(value.typeName)")
        }
    }

    static let storageToMarkdown: TextTransforms.Function = { value throws(TransformError) in
        switch value {
        case .null:
            return .null
        case .string(let text):
            return .string(StorageReader.read(text).markdown)
        case .object(let object):
            guard case .string(let text)? = object["value"] else {
                throw TransformError("storage_to_markdown expects storage XHTML text (or a body object with a \"value\" string), got an object without one")
            }
            return .string(StorageReader.read(text).markdown)
        default:
            throw TransformError("storage_to_markdown expects storage XHTML text, got \(value.typeName)")
        }
    }

    static let markdownToWiki: TextTransforms.Function = { value throws(TransformError) in
        switch value {
        case .null:
            return .null
        case .string(let text):
            return .string(WikiWriter.write(MarkdownDocument(markdown: text)))
        default:
            throw TransformError("markdown_to_wiki expects Markdown text, got \(value.typeName)")
        }
    }

    static let wikiToMarkdown: TextTransforms.Function = { value throws(TransformError) in
        switch value {
        case .null:
            return .null
        case .string(let text):
            return .string(WikiReader.read(text).markdown)
        default:
            throw TransformError("wiki_to_markdown expects Jira wiki markup text, got \(value.typeName)")
        }
    }

    /// ADF passed as JSON text (`{"type":"doc",…}`) instead of Markdown: the document it holds.
    private static func embeddedADF(_ text: String) -> JSONValue? {
        let trimmed = ArraySlice(text.utf8).trimmingWhitespace()
        guard trimmed.first == UInt8(ascii: "{"), trimmed.last == UInt8(ascii: "}"),
              let parsed = try? JSONValue(parsing: trimmed.string), parsed["type"]?.stringValue == "doc"
        else { return nil }
        return parsed
    }
}
