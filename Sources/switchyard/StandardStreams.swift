import Foundation

/// Writes whole lines to stdout (results) and stderr (diagnostics), unbuffered and in one write each.
enum StandardStreams {
    static func output(_ line: String) {
        write(line + "\n", to: FileHandle.standardOutput)
    }

    static func error(_ line: String) {
        write(line + "\n", to: FileHandle.standardError)
    }

    private static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(text.utf8))
    }
}
