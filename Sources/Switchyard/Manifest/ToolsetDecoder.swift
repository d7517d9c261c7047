/// Decodes a manifest's `toolsets`: names, descriptions and `entity.action` patterns, each pattern
/// checked to match at least one action so a typo cannot silently empty a toolset.
enum ToolsetDecoder {
    static func decode(_ json: JSONValue, entities: [Entity], at pointer: JSONPointer, problems: inout ProblemList) -> [Toolset] {
        guard let object = ObjectReader(json, at: pointer, what: "'toolsets'", problems: &problems) else { return [] }
        object.reportDuplicateKeys(what: "toolset", &problems)
        let ids = entities.flatMap { entity in entity.actions.map { "\(entity.name).\($0.name)" } }
        return object.object.compactMap { member in
            let memberPointer = pointer.appending(member.key)
            if member.key == Toolset.allName {
                problems.add(memberPointer, "toolset name '\(Toolset.allName)' is reserved: it always means every action")
                return nil
            }
            ManifestDecoder.checkName(member.key, what: "toolset", at: memberPointer, problems: &problems)
            guard var reader = ObjectReader(member.value, at: memberPointer, what: "a toolset", problems: &problems) else { return nil }
            let description = reader.string("description", required: true, problems: &problems) ?? ""
            let patterns = reader.strings("actions", problems: &problems) ?? []
            if reader.value("actions") == nil { problems.add(memberPointer, "missing required field 'actions'") }
            reader.reportUnknownFields(&problems)
            for (index, pattern) in patterns.enumerated() where !ids.contains(where: { Glob.matches(pattern, $0) }) {
                var message = "'\(pattern)' matches no action; write entity.action, e.g. '\(ids.first ?? "issues.get")' or '\(ids.first?.split(separator: ".").first ?? "issues").*'"
                if let suggestion = EditDistance.closestMatch(to: pattern, among: ids) { message += "; did you mean '\(suggestion)'?" }
                problems.add(memberPointer.appending("actions").appending(index), message)
            }
            return Toolset(name: member.key, description: description, patterns: patterns)
        }
    }
}
