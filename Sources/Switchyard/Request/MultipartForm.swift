/// A `multipart/form-data` body (RFC 7578): named parts, each text or a file, joined by a random boundary.
///
/// The boundary is chosen so that it occurs in no part, and names and file names are escaped the way
/// browsers do (`"` → `%22`, CR → `%0D`, LF → `%0A`), so no value can end its header or start a new one.
///
/// ```swift
/// let form = MultipartForm(parts: [.init(name: "file", filename: "notes.txt", contentType: "text/plain", data: Array("hi".utf8))])
/// form.contentType   // "multipart/form-data; boundary=switchyard-…"
/// ```
public struct MultipartForm: Sendable {
    /// One part of the body.
    public struct Part: Sendable {
        public let name: String
        /// Present for file parts.
        public let filename: String?
        public let contentType: String?
        public let data: [UInt8]

        public init(name: String, filename: String? = nil, contentType: String? = nil, data: [UInt8]) {
            self.name = name
            self.filename = filename
            self.contentType = contentType
            self.data = data
        }
    }

    public let parts: [Part]
    public let boundary: String

    /// A form with a fresh random boundary that none of `parts` contains.
    public init(parts: [Part]) {
        var generator = SystemRandomNumberGenerator()
        self.init(parts: parts, generator: &generator)
    }

    /// A form whose boundary comes from `generator`, redrawn until no part contains it.
    init(parts: [Part], generator: inout some RandomNumberGenerator) {
        var boundary: String
        repeat {
            boundary = Self.randomBoundary(using: &generator)
        } while parts.contains { Self.contains(Array(boundary.utf8), in: $0.data) }
        self.init(parts: parts, boundary: boundary)
    }

    /// A form with a given boundary, for tests and canonical encodings.
    init(parts: [Part], boundary: String) {
        self.parts = parts
        self.boundary = boundary
    }

    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// The encoded body.
    public var bytes: [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(parts.reduce(0) { $0 + $1.data.count + 200 })
        for part in parts {
            output += Array("--\(boundary)\r\n".utf8)
            var disposition = "Content-Disposition: form-data; name=\"\(Self.escape(part.name))\""
            if let filename = part.filename { disposition += "; filename=\"\(Self.escape(filename))\"" }
            output += Array("\(disposition)\r\n".utf8)
            if let type = part.contentType { output += Array("Content-Type: \(type)\r\n".utf8) }
            output += Array("\r\n".utf8)
            output += part.data
            output += Array("\r\n".utf8)
        }
        output += Array("--\(boundary)--\r\n".utf8)
        return output
    }

    /// The body encoded with an empty boundary: the same for the same parts whatever boundary was drawn, so a
    /// dry run's confirmation token matches the real call.
    var canonicalBytes: [UInt8] {
        MultipartForm(parts: parts, boundary: "").bytes
    }

    /// A quoted-string value for `Content-Disposition`, escaped as the HTML standard's form encoder does.
    static func escape(_ value: String) -> String {
        var escaped = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": escaped += "%22"
            case "\r": escaped += "%0D"
            case "\n": escaped += "%0A"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// `switchyard-` and 32 random characters from the boundary-safe alphabet.
    static func randomBoundary(using generator: inout some RandomNumberGenerator) -> String {
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return "switchyard-" + String((0..<32).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        let first = needle[0]
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
