/// A JSON object that keeps its members in the order they were written.
///
/// Lookups are linear, which is the fastest choice for the small objects APIs return; equality ignores
/// order, as JSON does.
///
/// ```swift
/// var object: JSONObject = ["key": "DEMO-1"]
/// object["summary"] = "Fix login"
/// object.keys   // ["key", "summary"]
/// ```
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// One `"key": value` pair.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    public private(set) var members: [Member]

    public init() {
        members = []
    }

    /// Members in order; a repeated key keeps its first position and its last value.
    public init(_ pairs: some Sequence<(String, JSONValue)>) {
        members = []
        for (key, value) in pairs { self[key] = value }
    }

    /// A literal's keys are distinct (a repeated one is a programming error, caught by an assertion in
    /// debug builds), so its members are taken as written instead of looked up one by one.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        assert(Set(elements.map(\.0)).count == elements.count, "repeated key in a JSONObject literal: \(elements.map(\.0))")
        members = elements.map { Member(key: $0.0, value: $0.1) }
    }

    /// Builds from members the parser already read, without checking for repeated keys.
    init(uncheckedMembers: [Member]) {
        members = uncheckedMembers
    }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    public var keys: [String] { members.map(\.key) }

    /// Reading gives the value for `key`; writing replaces it in place, appends it, or removes it with `nil`.
    public subscript(key: String) -> JSONValue? {
        get {
            for member in members where member.key == key { return member.value }
            return nil
        }
        set {
            let index = members.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): members[index].value = value
            case (let index?, nil): members.remove(at: index)
            case (nil, let value?): members.append(Member(key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    /// Sets every member of `other` on this object, in `other`'s order.
    public mutating func merge(_ other: JSONObject) {
        for member in other.members { self[member.key] = member.value }
    }

    public func makeIterator() -> some IteratorProtocol<Member> {
        members.makeIterator()
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.members.allSatisfy { rhs[$0.key] == $0.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
    }
}
