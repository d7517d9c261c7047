/// One validation of an instance against a ``SchemaNode`` tree.
///
/// A validator either collects every violation or, as a probe for `oneOf`/`anyOf` branches, only notes that
/// something failed and stops early. Violations record their path as they bubble up, innermost segment
/// first, and are phrased only at the end, so checking a valid instance allocates nothing (beyond what the
/// regex engine allocates to run a `pattern`).
struct SchemaValidator {
    /// How deeply nested an instance value may be before validation stops descending.
    static let maximumDepth = 64

    /// A violation found during the walk, with its path still being built from the inside out.
    private struct Finding {
        let reason: ViolationReason
        var reversedPath: [ParamPath.Segment]
    }

    private let collectsViolations: Bool
    private var findings: [Finding] = []
    private(set) var hasFailed = false

    init(collectingViolations: Bool) {
        collectsViolations = collectingViolations
    }

    /// The violations found, phrased, in the order they were found; the instance root is called `rootName`.
    func violations(rootName: String) -> [SchemaViolation] {
        findings.map { finding in
            let path = ParamPath(segments: finding.reversedPath.reversed())
            return SchemaViolation(
                path: path.description,
                keyword: finding.reason.keyword,
                message: finding.reason.message(at: path, rootName: rootName),
                expected: finding.reason.expected(at: path)
            )
        }
    }

    /// Whether `value` satisfies `node`, checked without collecting anything.
    static func conforms(_ value: JSONValue, to node: SchemaNode, depth: Int) -> Bool {
        var probe = SchemaValidator(collectingViolations: false)
        probe.check(value, against: node, depth: depth)
        return !probe.hasFailed
    }

    /// Checks `value`, found `depth` levels into the instance, against every keyword of `node`.
    mutating func check(_ value: JSONValue, against node: SchemaNode, depth: Int) {
        if node.rejectsEverything {
            report(.forbidden(actual: value))
            return
        }
        guard node.typeSet.accepts(value) else {
            // Other keywords would only restate the wrong type.
            report(.typeMismatch(expected: node.keywords.types, actual: value))
            return
        }
        // Keywords are read through `node` rather than copied out, which would retain every field per check.
        if let constValue = node.keywords.constValue, constValue != value {
            report(.constMismatch(expected: constValue, actual: value))
        }
        if let enumValues = node.keywords.enumValues, !node.enumContains(value) {
            report(.notInEnum(allowed: enumValues, actual: value))
        }
        switch value {
        case .string(let text): checkString(text, against: node)
        case .number(let number): checkNumber(number, against: node)
        case .array(let elements): checkArray(elements, against: node, depth: depth)
        case .object(let object): checkObject(object, against: node, depth: depth)
        case .null, .bool: break
        }
        for branch in node.keywords.allOf where !shouldStop {
            check(value, against: branch, depth: depth)
        }
        if !node.keywords.anyOf.isEmpty, !shouldStop {
            checkBranches(value, against: node.keywords.anyOf, exactlyOne: false, depth: depth)
        }
        if !node.keywords.oneOf.isEmpty, !shouldStop {
            checkBranches(value, against: node.keywords.oneOf, exactlyOne: true, depth: depth)
        }
    }

    // MARK: Keyword groups

    private mutating func checkString(_ text: String, against node: SchemaNode) {
        if node.keywords.minLength != nil || node.keywords.maxLength != nil {
            // Lengths count Unicode scalars (code points), as JSON Schema specifies. A scalar takes one to four
            // UTF-8 bytes, so the O(1) UTF-8 count settles most strings without a scan.
            let utf8Count = text.utf8.count
            if let minimum = node.keywords.minLength,
                utf8Count < minimum || (utf8Count / 4 < minimum && text.unicodeScalars.count < minimum)
            {
                report(.tooShort(minimum: minimum, actual: text.unicodeScalars.count))
            }
            if let maximum = node.keywords.maxLength, utf8Count > maximum, text.unicodeScalars.count > maximum {
                report(.tooLong(maximum: maximum, actual: text.unicodeScalars.count))
            }
        }
        if let pattern = node.keywords.pattern, !pattern.matches(text) {
            report(.patternMismatch(pattern: pattern.source, actual: text))
        }
        if let format = node.keywords.format, !format.accepts(text) {
            report(.formatMismatch(format, actual: text))
        }
    }

    private mutating func checkNumber(_ number: JSONNumber, against node: SchemaNode) {
        if let minimum = node.keywords.minimum, minimum.position(of: number) == .below {
            report(.belowMinimum(minimum.limit, exclusive: false, actual: number))
        }
        if let minimum = node.keywords.exclusiveMinimum, minimum.position(of: number) != .above {
            report(.belowMinimum(minimum.limit, exclusive: true, actual: number))
        }
        if let maximum = node.keywords.maximum, maximum.position(of: number) == .above {
            report(.aboveMaximum(maximum.limit, exclusive: false, actual: number))
        }
        if let maximum = node.keywords.exclusiveMaximum, maximum.position(of: number) != .below {
            report(.aboveMaximum(maximum.limit, exclusive: true, actual: number))
        }
    }

    private mutating func checkArray(_ elements: [JSONValue], against node: SchemaNode, depth: Int) {
        if let minimum = node.keywords.minItems, elements.count < minimum {
            report(.tooFewItems(minimum: minimum, actual: elements.count))
        }
        if let maximum = node.keywords.maxItems, elements.count > maximum {
            report(.tooManyItems(maximum: maximum, actual: elements.count))
        }
        if node.keywords.uniqueItems, let (firstIndex, repeatIndex) = firstRepeat(in: elements) {
            report(.duplicateItems(firstIndex: firstIndex, repeatIndex: repeatIndex))
        }
        guard let items = node.keywords.items else { return }
        for (index, element) in elements.enumerated() where !shouldStop {
            check(element, at: .element(index), against: items, depth: depth)
        }
    }

    private mutating func checkObject(_ object: JSONObject, against node: SchemaNode, depth: Int) {
        for name in node.keywords.required where object[name] == nil {
            report(.missingRequired(expectedTypes: node.propertiesByName[name]?.keywords.types ?? []), at: .member(name))
        }
        for member in object.members where !shouldStop {
            if let propertySchema = node.propertiesByName[member.key] {
                check(member.value, at: .member(member.key), against: propertySchema, depth: depth)
                continue
            }
            switch node.keywords.additionalProperties {
            case .allowed:
                break
            case .validated(let additionalSchema):
                check(member.value, at: .member(member.key), against: additionalSchema, depth: depth)
            case .forbidden:
                report(
                    .unknownParam(
                        suggestion: EditDistance.closestMatch(to: member.key, among: node.propertyNames),
                        accepted: node.propertyNames
                    ),
                    at: .member(member.key)
                )
            }
        }
    }

    /// `anyOf` (at least one branch) or `oneOf` (exactly one branch).
    ///
    /// When nothing matches and exactly one branch accepts the value's type, that branch's own violations are
    /// the most useful thing to show; otherwise one violation lists the allowed shapes.
    private mutating func checkBranches(_ value: JSONValue, against branches: [SchemaNode], exactlyOne: Bool, depth: Int) {
        var firstMatch: Int?
        for (index, branch) in branches.enumerated() where SchemaValidator.conforms(value, to: branch, depth: depth) {
            guard exactlyOne else { return }
            if let firstMatch {
                report(.severalShapesMatched(shapes: branches.map(\.shapeSummary), first: firstMatch, second: index))
                return
            }
            firstMatch = index
        }
        guard firstMatch == nil else { return }
        let branchesOfRightType = branches.filter { $0.acceptsType(of: value) }
        if branchesOfRightType.count == 1, collectsViolations {
            check(value, against: branchesOfRightType[0], depth: depth)
        } else {
            report(.noShapeMatched(shapes: branches.map(\.shapeSummary), actual: value, exactlyOne: exactlyOne))
        }
    }

    // MARK: Walking

    /// Whether a probe has already failed, so checking further cannot change its answer.
    private var shouldStop: Bool { hasFailed && !collectsViolations }

    /// Checks a member or element of the current value, adding its segment to the path of anything it finds.
    private mutating func check(_ child: JSONValue, at segment: ParamPath.Segment, against node: SchemaNode, depth: Int) {
        guard depth < SchemaValidator.maximumDepth else {
            report(.nestedTooDeeply(limit: SchemaValidator.maximumDepth), at: segment)
            return
        }
        let findingsBefore = findings.count
        check(child, against: node, depth: depth + 1)
        for index in findingsBefore..<findings.count {
            findings[index].reversedPath.append(segment)
        }
    }

    private mutating func report(_ reason: @autoclosure () -> ViolationReason, at segment: ParamPath.Segment? = nil) {
        hasFailed = true
        guard collectsViolations else { return }
        findings.append(Finding(reason: reason(), reversedPath: segment.map { [$0] } ?? []))
    }

    /// The first pair of equal elements (by JSON equality: `1` equals `1.0`, key order is ignored), if any.
    private func firstRepeat(in elements: [JSONValue]) -> (Int, Int)? {
        guard elements.count > 1 else { return nil }
        if elements.count <= 16 {
            for later in 1..<elements.count {
                for earlier in 0..<later where elements[earlier] == elements[later] {
                    return (earlier, later)
                }
            }
            return nil
        }
        var firstIndexByValue: [JSONValue: Int] = [:]
        for (index, element) in elements.enumerated() {
            if let earlier = firstIndexByValue[element] { return (earlier, index) }
            firstIndexByValue[element] = index
        }
        return nil
    }
}
