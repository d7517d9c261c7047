/// When ``ManifestDecoder`` decodes a manifest's entities and toolsets: with the rest of it, or when they
/// are first read.
///
/// Decoding the actions (templates parsed, schemas compiled, response shapes read) is most of the cost
/// of loading a manifest. A server that may never touch most connectors, or that answers its first
/// `tools/list` in search mode with connector names alone, need not pay it up front; the bundled
/// manifests, which CI checks, load this way in `switchyard serve`.
///
/// ```swift
/// let manifest = try ManifestDecoder.decode(file: "manifests/jira.json", decoding: .onFirstUse { problems in
///     problems.forEach { print($0) }
/// })
/// manifest.auth           // read now
/// manifest.entities       // decoded now, once
/// ```
public enum ManifestDecoding: Sendable {
    /// Everything now: a manifest with a problem anywhere is refused with all its problems.
    case eager
    /// The entities and toolsets when first read. Problems in them (a manifest checked with `switchyard
    /// validate` has none) go to `report` then, and the actions that decoded stay.
    case onFirstUse(report: @Sendable ([ManifestProblem]) -> Void)
}
