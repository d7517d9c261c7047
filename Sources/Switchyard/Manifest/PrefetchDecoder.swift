/// Decodes an action's `prefetch` block and checks that it reads, and that it fills optional params the
/// request uses.
enum PrefetchDecoder {
    static func decode(
        _ json: JSONValue, at pointer: JSONPointer, declared: DeclaredParams, placed: Set<String>, problems: inout ProblemList
    ) -> Prefetch? {
        guard var reader = ObjectReader(json, at: pointer, what: "'prefetch'", problems: &problems) else { return nil }
        let request = reader.value("request").flatMap { ActionDecoder.decodeRequest($0, at: pointer.appending("request"), problems: &problems) }
        if reader.object["request"] == nil { problems.add(pointer, "missing required field 'request'") }
        let valuesJSON = reader.value("values")
        if valuesJSON == nil { problems.add(pointer, "missing required field 'values'") }
        reader.reportUnknownFields(&problems)
        let values = valuesJSON.map { decodeValues($0, at: pointer.appending("values"), declared: declared, placed: placed, problems: &problems) } ?? []

        guard let request else { return nil }
        let requestPointer = pointer.appending("request")
        if request.method != .get, request.method != .head {
            problems.add(requestPointer.appending("method"), "a prefetch only reads: its method must be GET or HEAD, not \(request.method.rawValue)")
        }
        if request.body != nil {
            problems.add(requestPointer, "a prefetch request sends no body")
        }
        ActionDecoder.checkPlacement(request, declared: declared, checkRequired: false, at: requestPointer, problems: &problems)
        let filled = Set(values.map(\.param))
        for name in request.placedParams.intersection(filled).sorted() {
            problems.add(requestPointer, "the prefetch request cannot use {\(name)}: the prefetch is what fills it")
        }
        guard !values.isEmpty else { return nil }
        return Prefetch(request: request, values: values)
    }

    private static func decodeValues(
        _ json: JSONValue, at pointer: JSONPointer, declared: DeclaredParams, placed: Set<String>, problems: inout ProblemList
    ) -> [PrefetchValue] {
        guard let reader = ObjectReader(json, at: pointer, what: "'values'", problems: &problems) else { return [] }
        if reader.object.isEmpty { problems.add(pointer, "'values' needs at least one param to fill") }
        return reader.object.compactMap { member in
            let valuePointer = pointer.appending(member.key)
            if !declared.names.contains(member.key) {
                var message = "'\(member.key)' is not a declared param"
                if let suggestion = EditDistance.closestMatch(to: member.key, among: declared.names) { message += "; did you mean '\(suggestion)'?" }
                problems.add(valuePointer, message)
            } else if declared.required.contains(member.key) {
                problems.add(valuePointer, "param '\(member.key)' is required, so the prefetch would never fill it: make it optional")
            } else if declared.defaulted.contains(member.key) {
                problems.add(valuePointer, "param '\(member.key)' has a default, so the prefetch would never fill it: remove the default")
            } else if !placed.contains(member.key) {
                problems.add(valuePointer, "param '\(member.key)' is placed nowhere in the request, so filling it has no effect")
            }
            guard var entry = ObjectReader(member.value, at: valuePointer, what: "a prefetch value", problems: &problems) else { return nil }
            let pointerText = entry.string("pointer", required: true, problems: &problems)
            let addJSON = entry.value("add")
            entry.reportUnknownFields(&problems)
            var add: Int?
            if let addJSON {
                if let number = addJSON.intValue, addJSON.typeName == "integer" {
                    add = number
                } else {
                    problems.add(valuePointer.appending("add"), "'add' must be an integer, got \(addJSON.displayText)")
                }
            }
            guard let pointerText else { return nil }
            guard let responsePointer = JSONPointer(pointerText) else {
                problems.add(valuePointer.appending("pointer"), "'pointer' must be a JSON pointer into the prefetch response, such as \"/version/number\"")
                return nil
            }
            return PrefetchValue(param: member.key, pointer: responsePointer, add: add)
        }
    }
}
