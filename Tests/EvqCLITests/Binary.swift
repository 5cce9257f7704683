import Foundation

/// The built `evq` executable and a way to run it with controlled input and environment.
enum Binary {
    /// `evq` next to the test bundle (SwiftPM puts both in the same bin folder), else under
    /// the package's `.build/debug`.
    static let url: URL? = {
        var candidates: [URL] = []
        if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent()) }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates.append(packageRoot.appendingPathComponent(".build/debug"))
        return candidates.map { $0.appendingPathComponent("evq") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// The repository root (where seeds/ is).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs evq in the package root with `arguments`, feeding `input` on a pipe (so stdin is not a terminal).
    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:], in folder: String? = nil) throws -> Run {
        guard let url else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = folder.map { URL(fileURLWithPath: $0) } ?? packageRoot
        var env = ProcessInfo.processInfo.environment
        // Never the user's event cache: one of this test process's own (tests may name another).
        env["XDG_CACHE_HOME"] = NSTemporaryDirectory() + "evq-test-cache-\(getpid())"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        process.standardInput = inPipe
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        inPipe.fileHandleForWriting.write(Data(input.utf8))
        try inPipe.fileHandleForWriting.close()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// A fresh temporary folder.
    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "evq-cli-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
