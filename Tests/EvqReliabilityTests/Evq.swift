import Foundation

/// Runs the built `evq` (next to the test bundle, else .build/debug) with raw bytes on standard
/// input, so hostile input reaches the real program exactly as a user's would.
enum Evq {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let url: URL? = {
        var folders: [URL] = []
        if let exe = Bundle.main.executableURL { folders.append(exe.deletingLastPathComponent()) }
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        folders.append(root.appendingPathComponent(".build/debug"))
        return folders.map { $0.appendingPathComponent("evq") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Run {
        var status: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
        var seconds: Double
    }

    static func run(_ arguments: [String], input: Data = Data(), environment: [String: String] = [:]) throws -> Run {
        guard let url else { throw CocoaError(.fileNoSuchFile) }
        let p = Process()
        p.executableURL = url
        p.arguments = arguments
        p.currentDirectoryURL = root
        var env = ProcessInfo.processInfo.environment
        // Never the user's event cache: one of this test process's own (tests may name another).
        env["XDG_CACHE_HOME"] = NSTemporaryDirectory() + "evq-test-cache-\(getpid())"
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        p.standardInput = inPipe
        p.standardOutput = outPipe
        p.standardError = errPipe
        let start = Date()
        try p.run()
        // Read stderr on another thread so neither pipe can fill up and stall the child.
        let errBox = ErrBox()
        let reader = Thread { errBox.data = errPipe.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        inPipe.fileHandleForWriting.write(input)
        try inPipe.fileHandleForWriting.close()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        while !errBox.done { usleep(1000) }
        return Run(status: p.terminationStatus, stdout: out, stderr: String(decoding: errBox.data ?? Data(), as: UTF8.self),
                   seconds: Date().timeIntervalSince(start))
    }

    final class ErrBox: @unchecked Sendable {
        var data: Data? { didSet { done = true } }
        var done = false
    }

    static func folder() -> String {
        let path = NSTemporaryDirectory() + "evq-reliability-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
