/// One compiled schema or sub-schema: the tree ``JSONSchema`` wraps.
///
/// A node is immutable once ``SchemaCompiler`` has built it, so a whole tree is shared freely between
/// copies of a schema and between concurrent validations. Lookups that validation needs on every call are
/// precomputed here.
final class SchemaNode: Sendable {
    /// The schema exactly as written.
    let json: JSONValue
    /// Whether this is the `false` schema, which no value satisfies.
    let rejectsEverything: Bool
    let keywords: SchemaKeywords
    /// `keywords.types` as a mask; empty when any type is allowed.
    let typeSet: SchemaTypeSet
    /// The types this schema can accept at all: `typeSet`, or for a schema made only of `anyOf`/`oneOf`, the
    /// types its branches accept; empty when that is every type. Lets `oneOf` find the one branch meant for a
    /// value of a given type.
    let acceptedTypes: SchemaTypeSet
    /// The names in `keywords.properties`, in declaration order.
    let propertyNames: [String]
    /// `keywords.properties` by name.
    let propertiesByName: [String: SchemaNode]
    /// `keywords.enumValues` as a set, when the enum is long enough for hashing to beat a linear scan.
    let enumLookup: Set<JSONValue>?

    /// Enums with more values than this are checked through ``enumLookup``.
    private static let linearEnumLimit = 8

    init(json: JSONValue, keywords: SchemaKeywords) {
        self.json = json
        rejectsEverything = false
        self.keywords = keywords
        typeSet = keywords.types.reduce(into: []) { set, name in set.formUnion(SchemaTypeSet(name: name) ?? []) }
        acceptedTypes = typeSet.isEmpty ? SchemaNode.typesAccepted(byBranches: [keywords.anyOf, keywords.oneOf]) : typeSet
        propertyNames = keywords.properties.map(\.name)
        propertiesByName = Dictionary(keywords.properties.map { ($0.name, $0.schema) }, uniquingKeysWith: { first, _ in first })
        if let enumValues = keywords.enumValues, enumValues.count > SchemaNode.linearEnumLimit {
            enumLookup = Set(enumValues)
        } else {
            enumLookup = nil
        }
    }

    /// The `true` schema (anything goes) or the `false` schema (nothing does).
    init(boolean: Bool) {
        json = .bool(boolean)
        rejectsEverything = !boolean
        keywords = SchemaKeywords()
        typeSet = []
        acceptedTypes = []
        propertyNames = []
        propertiesByName = [:]
        enumLookup = nil
    }

    /// The types every non-empty branch list accepts between its branches; empty (any type) when a list has an
    /// unconstrained branch or the lists share no type.
    private static func typesAccepted(byBranches branchLists: [[SchemaNode]]) -> SchemaTypeSet {
        var accepted: SchemaTypeSet?
        for branches in branchLists where !branches.isEmpty {
            let possibleBranches = branches.filter { !$0.rejectsEverything }
            guard !possibleBranches.contains(where: { $0.acceptedTypes.isEmpty }) else { continue }
            let union = possibleBranches.reduce(into: SchemaTypeSet()) { $0.formUnion($1.acceptedTypes) }
            accepted = accepted.map { $0.intersection(union) } ?? union
        }
        return accepted ?? []
    }

    /// Whether `value` could satisfy this schema as far as its type goes.
    func acceptsType(of value: JSONValue) -> Bool {
        !rejectsEverything && acceptedTypes.accepts(value)
    }

    /// Whether `value` equals one of the `enum` values (numbers compare by value, objects ignore key order).
    func enumContains(_ value: JSONValue) -> Bool {
        if let enumLookup { return enumLookup.contains(value) }
        return keywords.enumValues?.contains(value) ?? true
    }

    /// A few words describing what this schema accepts, used to list the branches of `oneOf` and `anyOf`:
    /// `string`, `object with 'id'`, `one of "open", "done"`, `array of string`.
    var shapeSummary: String {
        if rejectsEverything { return "nothing" }
        if let constValue = keywords.constValue { return constValue.abbreviatedJSON() }
        if let enumValues = keywords.enumValues {
            return "one of " + enumValues.prefix(5).map { $0.abbreviatedJSON() }.joined(separator: ", ")
                + (enumValues.count > 5 ? ", …" : "")
        }
        var words = keywords.types.isEmpty ? [] : [keywords.types.joined(separator: " or ")]
        let isObjectShaped = !keywords.required.isEmpty || !keywords.properties.isEmpty
        if isObjectShaped && (typeSet.isEmpty || typeSet.contains(.object)) {
            if words.isEmpty { words.append("object") }
            let names = keywords.required.isEmpty ? keywords.properties.map(\.name) : keywords.required
            let quoted = names.prefix(4).map { "'\($0)'" }.joined(separator: keywords.required.isEmpty ? " or " : " and ")
            words.append("with " + quoted + (names.count > 4 ? " …" : ""))
        }
        if let items = keywords.items, typeSet.isEmpty || typeSet.contains(.array) {
            if words.isEmpty { words.append("array") }
            words.append("of " + items.shapeSummary)
        }
        if let format = keywords.format {
            words.append("(\(format.rawValue))")
        } else if let pattern = keywords.pattern {
            words.append("matching " + pattern.source)
        }
        if words.isEmpty, !(keywords.anyOf + keywords.oneOf).isEmpty {
            return (keywords.anyOf + keywords.oneOf).map(\.shapeSummary).joined(separator: " or ")
        }
        return words.isEmpty ? "anything" : words.joined(separator: " ")
    }
}
