extension JSONSchema {
    /// `instance` with `default` values filled in for absent object properties.
    ///
    /// Defaults are applied through `properties` (and `additionalProperties` and `allOf` schemas) at every
    /// depth, and into each element of an array with an `items` schema. An absent optional object is not
    /// created just to hold its properties' defaults, but a default that is itself an object gets its own
    /// nested defaults. Present values, `null` included, are never replaced.
    ///
    /// ```swift
    /// // properties: { "fields": { properties: { "priority": { default: "Medium" } } }, "expand": { default: [] } }
    /// schema.applyingDefaults(to: ["fields": [:]])
    /// // ["fields": ["priority": "Medium"], "expand": []]
    /// ```
    public func applyingDefaults(to instance: JSONValue) -> JSONValue {
        root.fillingDefaults(in: instance) ?? instance
    }
}

extension SchemaNode {
    /// `value` with defaults filled in, or `nil` when there was nothing to fill, so untouched values are never
    /// copied. Recursion follows the schema, whose depth the compiler bounds.
    func fillingDefaults(in value: JSONValue) -> JSONValue? {
        var filled: JSONValue?
        switch value {
        case .object(let object):
            filled = fillingDefaults(in: object).map(JSONValue.object)
        case .array(let elements):
            guard let items = keywords.items else { break }
            var changed = false
            let updated = elements.map { element in
                guard let filledElement = items.fillingDefaults(in: element) else { return element }
                changed = true
                return filledElement
            }
            filled = changed ? .array(updated) : nil
        default:
            break
        }
        for branch in keywords.allOf {
            filled = branch.fillingDefaults(in: filled ?? value) ?? filled
        }
        return filled
    }

    private func fillingDefaults(in object: JSONObject) -> JSONObject? {
        var result = object
        var changed = false
        for property in keywords.properties {
            if let current = object[property.name] {
                guard let filled = property.schema.fillingDefaults(in: current) else { continue }
                result[property.name] = filled
            } else if let defaultValue = property.schema.keywords.defaultValue {
                result[property.name] = property.schema.fillingDefaults(in: defaultValue) ?? defaultValue
            } else {
                continue
            }
            changed = true
        }
        if case .validated(let additionalSchema) = keywords.additionalProperties {
            for member in object where propertiesByName[member.key] == nil {
                guard let filled = additionalSchema.fillingDefaults(in: member.value) else { continue }
                result[member.key] = filled
                changed = true
            }
        }
        return changed ? result : nil
    }
}
