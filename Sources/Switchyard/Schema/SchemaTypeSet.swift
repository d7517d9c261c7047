/// The `type` keyword compiled to bits, so checking an instance's type is a mask test.
///
/// `integer` accepts any integral number (`1.0` included); `number` accepts every number.
struct SchemaTypeSet: OptionSet, Sendable {
    let rawValue: UInt8

    static let null = SchemaTypeSet(rawValue: 1 << 0)
    static let boolean = SchemaTypeSet(rawValue: 1 << 1)
    static let integer = SchemaTypeSet(rawValue: 1 << 2)
    static let number = SchemaTypeSet(rawValue: 1 << 3)
    static let string = SchemaTypeSet(rawValue: 1 << 4)
    static let array = SchemaTypeSet(rawValue: 1 << 5)
    static let object = SchemaTypeSet(rawValue: 1 << 6)

    /// Every JSON Schema type name, in the order messages list them.
    static let names = ["null", "boolean", "integer", "number", "string", "array", "object"]

    init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// The set holding the single type `name`, or `nil` when `name` is not a JSON Schema type.
    init?(name: String) {
        guard let position = SchemaTypeSet.names.firstIndex(of: name) else { return nil }
        self.init(rawValue: 1 << UInt8(position))
    }

    /// Whether an instance of `value`'s type is allowed; an empty set allows every type.
    func accepts(_ value: JSONValue) -> Bool {
        if isEmpty { return true }
        switch value {
        case .null: return contains(.null)
        case .bool: return contains(.boolean)
        case .number(let number): return contains(.number) || (contains(.integer) && number.isInteger)
        case .string: return contains(.string)
        case .array: return contains(.array)
        case .object: return contains(.object)
        }
    }
}
