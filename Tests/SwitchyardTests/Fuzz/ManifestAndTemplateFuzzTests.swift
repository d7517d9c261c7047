import Foundation
import Testing
@testable import Switchyard

/// Seeded random and mutated inputs: a few thousand iterations in the normal run. Set
/// `SWITCHYARD_FUZZ_ITERATIONS` to run longer by hand.
@Suite("Fuzzing the manifest loader and the template filler")
struct ManifestAndTemplateFuzzTests {
    static var iterations: Int {
        ProcessInfo.processInfo.environment["SWITCHYARD_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 1500
    }

    @Test("mutated manifests never crash the loader; every failure names a file and pointer")
    func mutatedManifests() throws {
        let original = try JSONValue(parsing: try Data(contentsOf: URL(fileURLWithPath: SandboxHarness.testKitManifest)))
        var random = SeededGenerator(seed: 0xA11CE)
        for _ in 0..<Self.iterations {
            var value = original
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                value = mutate(value, depth: 0, random: &random)
            }
            do {
                _ = try ManifestDecoder.decode(value, source: "fuzz.json")
            } catch {
                #expect(!error.problems.isEmpty)
                #expect(error.problems.allSatisfy { $0.file == "fuzz.json" && !$0.message.isEmpty })
            }
        }
    }

    @Test("random templates parse or fail cleanly, and filled paths never gain a segment")
    func randomTemplates() throws {
        var random = SeededGenerator(seed: 0x7E3A)
        let alphabet = Array("ab{}|_/.%?#x1 ")
        for _ in 0..<Self.iterations {
            let text = String((0..<Int.random(in: 0...16, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            _ = try? Template(parsing: text)
        }
        let manifest = try ManifestDecoder.decode(try JSONValue(parsing: try Data(contentsOf: URL(fileURLWithPath: SandboxHarness.testKitManifest))), source: "testkit")
        let placement = try #require(manifest.entity("echo")?.action("placement"))
        for _ in 0..<Self.iterations {
            let segment = String((0..<Int.random(in: 1...12, using: &random)).map { _ in Character(Unicode.Scalar(UInt8.random(in: 32...126, using: &random))) })
            var params: JSONObject = ["segment": .string(segment), "text": .string(segment)]
            if Bool.random(using: &random) { params["tags"] = [.string(segment), "x"] }
            if Bool.random(using: &random) { params["trace"] = .string(segment) }
            do {
                let request = try RequestBuilder.build(placement.request, params: params, baseURL: "https://x.example.com", connectorHeaders: [])
                let pathSegments = request.path.split(separator: "/", omittingEmptySubsequences: false)
                #expect(pathSegments.count == 5, "\(request.path)")
                #expect(!request.path.contains("?") && !request.path.contains("#"))
                #expect(pathSegments.last != ".." && pathSegments.last != ".")
            } catch {
                #expect(error.kind == .validation)
            }
        }
    }

    private func mutate(_ value: JSONValue, depth: Int, random: inout SeededGenerator) -> JSONValue {
        switch value {
        case .object(var object) where !object.isEmpty && depth < 8:
            let key = object.keys.randomElement(using: &random)!
            switch Int.random(in: 0..<6, using: &random) {
            case 0: object[key] = nil
            case 1: object[key] = random.value(depth: 2)
            case 2: object["unexpected_\(Int.random(in: 0..<9, using: &random))"] = random.value(depth: 2)
            default: object[key] = mutate(object[key]!, depth: depth + 1, random: &random)
            }
            return .object(object)
        case .array(var elements) where !elements.isEmpty && depth < 8:
            let index = Int.random(in: 0..<elements.count, using: &random)
            elements[index] = mutate(elements[index], depth: depth + 1, random: &random)
            return .array(elements)
        case .string:
            return [.string("{"), .string("{bad name}"), .string("/x/{segment}/{nope}"), .number(JSONNumber(7)), .null, .string("{a|nope}")]
                .randomElement(using: &random)!
        default:
            return random.value(depth: 2)
        }
    }
}
