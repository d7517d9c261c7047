/// The named transforms manifests may apply to params (`{description|markdown_to_adf}`) and to response
/// fields (`"transforms": {"fields.description": "adf_to_markdown"}`).
///
/// Conversions live here, once, rather than in code special-cased per action: a manifest names the
/// transform and the runtime applies it.
///
/// ```swift
/// try TextTransforms.apply("json_string", to: ["type": "doc"], param: "body")   // "{\"type\":\"doc\"}"
/// ```
public enum TextTransforms {
    /// A transform from one JSON value to another; throws a message when the input cannot be converted.
    public typealias Function = @Sendable (JSONValue) throws(TransformError) -> JSONValue

    static let registry: [String: Function] = [
        "json_string": JSONStringTransforms.encode,
        "parse_json": JSONStringTransforms.decode,
        "markdown_to_adf": RichTextTransforms.markdownToADF,
        "adf_to_markdown": RichTextTransforms.adfToMarkdown,
        "markdown_to_storage": RichTextTransforms.markdownToStorage,
        "storage_to_markdown": RichTextTransforms.storageToMarkdown,
        "markdown_to_wiki": RichTextTransforms.markdownToWiki,
        "wiki_to_markdown": RichTextTransforms.wikiToMarkdown,
    ]

    /// Every transform name a manifest may use.
    public static var names: [String] { registry.keys.sorted() }

    public static func function(named name: String) -> Function? {
        registry[name]
    }

    /// Applies a transform to a param's value; a failure is a validation error naming the param.
    static func apply(_ name: String, to value: JSONValue, param: String) throws(ExecutionError) -> JSONValue {
        guard let function = registry[name] else {
            throw ExecutionError(kind: .config, message: "unknown transform '\(name)' for param '\(param)'")
        }
        do {
            return try function(value)
        } catch {
            throw ExecutionError(kind: .validation, message: "param '\(param)' could not be converted (\(name)): \(error.message)")
        }
    }
}

/// Why a value could not be transformed.
public struct TransformError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// JSON carried inside a string, as Confluence's `atlas_doc_format` bodies are.
enum JSONStringTransforms {
    /// Any value → its compact JSON text; strings pass through, assumed to be JSON text already.
    static let encode: TextTransforms.Function = { value throws(TransformError) in
        if case .string = value { return value }
        return .string(value.serialized())
    }

    /// JSON text → the value it holds; other values pass through.
    static let decode: TextTransforms.Function = { value throws(TransformError) in
        guard case .string(let text) = value else { return value }
        do {
            return try JSONValue(parsing: text)
        } catch {
            throw TransformError("not valid JSON: \(error)")
        }
    }
}
