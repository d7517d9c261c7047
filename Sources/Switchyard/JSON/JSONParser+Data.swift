import Foundation

extension JSONParser {
    /// Runs `body` over the bytes of `data` in place: a manifest file read as `Data` is parsed without first
    /// being copied into an array (half a megabyte of fresh pages at every start for the bundled manifests).
    ///
    /// ```swift
    /// let value = try JSONParser.withBytes(of: data) { buffer throws(JSONParseError) in try JSONParser.parse(buffer) }
    /// ```
    static func withBytes<T>(of data: Data, _ body: (UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> T) throws(JSONParseError) -> T {
        let result = data.withUnsafeBytes { raw in
            Result { () throws(JSONParseError) in try body(raw.bindMemory(to: UInt8.self)) }
        }
        return try result.get()
    }
}
