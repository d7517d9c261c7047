import Foundation

/// Finds the manifests shipped with Switchyard: `$SWITCHYARD_HOME/manifests`, else a `manifests` folder
/// beside or above the executable (a checkout's `.build/release/switchyard`), else `../share/switchyard/manifests`
/// of an installed binary, else `./manifests`.
enum BundledManifests {
    static func directory(environment: [String: String]) -> String? {
        let fileManager = FileManager.default
        func isManifestDirectory(_ path: String) -> Bool {
            var isDirectory: ObjCBool = false
            return fileManager.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        if let home = environment["SWITCHYARD_HOME"] {
            let path = (home as NSString).appendingPathComponent("manifests")
            if isManifestDirectory(path) { return path }
        }
        let executable = (try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = ((executable as NSString).standardizingPath as NSString).deletingLastPathComponent
        for _ in 0..<6 {
            let candidate = (directory as NSString).appendingPathComponent("manifests")
            if isManifestDirectory(candidate) { return candidate }
            let installed = (directory as NSString).appendingPathComponent("share/switchyard/manifests")
            if isManifestDirectory(installed) { return installed }
            let parent = (directory as NSString).deletingLastPathComponent
            if parent == directory { break }
            directory = parent
        }
        let local = (fileManager.currentDirectoryPath as NSString).appendingPathComponent("manifests")
        return isManifestDirectory(local) ? local : nil
    }
}
