import ArgumentParser
import Switchyard

/// `switchyard validate`: lint manifest files, naming the file, JSON pointer and problem of each error.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check connector manifests; every problem names the file, the JSON pointer and what is wrong.",
        discussion: "With no PATH, checks the bundled manifests and those in --manifests and SWITCHYARD_MANIFESTS."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Manifest files or directories to check.") var paths: [String] = []

    func run() async throws {
        var problems: [ManifestProblem] = []
        var files: [String] = []
        for path in paths.isEmpty ? global.allManifestDirectories : paths {
            files += ConnectorCatalog.manifestFiles(in: path, problems: &problems)
        }
        var checked = 0
        for file in files {
            do {
                let manifest = try ManifestDecoder.decode(file: file)
                let actions = manifest.entities.reduce(0) { $0 + $1.actions.count }
                StandardStreams.output("ok    \(file)  (\(manifest.name): \(manifest.entities.count) entities, \(actions) actions)")
                checked += 1
            } catch {
                problems += error.problems
                StandardStreams.output("FAIL  \(file)")
            }
        }
        for problem in problems {
            StandardStreams.output("  \(problem)")
        }
        StandardStreams.output("\(checked) valid, \(files.count - checked) invalid")
        if !problems.isEmpty { throw ExitCode(1) }
    }
}
