import Foundation

/// Drives the real `evq` in a detached tmux session: keys in (`send-keys`), screen out
/// (`capture-pane`). Each instance has its own tmux server socket and its own HOME and XDG
/// folders, so tests never touch the user's history or each other.
final class Tmux {
    static let path: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static var available: Bool { path != nil && Binary.url != nil }

    let home: String
    let socket: String
    private(set) var started = false

    init(home: String? = nil) {
        self.home = home ?? Binary.temporaryFolder()
        self.socket = self.home + "/t-" + UUID().uuidString.prefix(8) + ".sock"
    }

    deinit { stop() }

    /// Ends the tmux server and evq with it.
    func stop() {
        if let pid = (try? tmux(["list-panes", "-t", "t", "-F", "#{pane_pid}"])).flatMap({ pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }), pid > 0 {
            kill(pid, SIGKILL)
        }
        _ = try? tmux(["kill-server"])
    }

    /// Starts evq over the seeds in a 120x40 window. With `showExitStatus`, evq runs under a
    /// shell that prints `[exit N]` when it ends and keeps the window open.
    func start(arguments: [String] = [], environment: [String: String] = [:], showExitStatus: Bool = false) throws {
        guard let evq = Binary.url?.path else { throw CocoaError(.fileNoSuchFile) }
        var env = ["HOME": home, "XDG_STATE_HOME": home + "/state", "XDG_CONFIG_HOME": home + "/config", "TERM": "xterm-256color",
                   "INPUTRC": home + "/inputrc", "LANG": "C.UTF-8"]
        for (k, v) in environment { env[k] = v }
        let assignments = env.keys.sorted().map { "\($0)=\(shellQuote(env[$0] ?? ""))" }
        var command = "env -u NO_COLOR " + assignments.joined(separator: " ") + " " + ([evq] + arguments).map(shellQuote).joined(separator: " ")
        // The wrapper keeps a handler (not an ignore, which evq would inherit) for Ctrl-C, as an
        // interactive shell survives the Ctrl-C that ends its foreground program.
        if showExitStatus { command = "sh -c " + shellQuote("trap true INT; " + command + "; echo \"[exit $?]\"; sleep 60") }
        try tmux(["new-session", "-d", "-x", "120", "-y", "40", "-s", "t", "-c", Binary.packageRoot.path, command])
        started = true
    }

    /// Sends keys as tmux names them (`Enter`, `Tab`, `C-c`, `Up`) or literal text with `literal`.
    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "t"] + keys) }
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "t", "-l", text]) }

    /// The visible screen; with `escapes`, including the colour escape sequences.
    func screen(escapes: Bool = false) -> String {
        (try? tmux(["capture-pane", "-p", "-t", "t"] + (escapes ? ["-e"] : []))) ?? ""
    }

    /// Polls the screen until `condition` holds or `timeout` seconds pass; returns the last screen.
    @discardableResult
    func wait(timeout: Double = 10, escapes: Bool = false, until condition: (String) -> Bool) -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = screen(escapes: escapes)
            if condition(last) { return (true, last) }
            usleep(50_000)
        }
        return (false, last)
    }

    /// Waits for the prompt (capture-pane drops its trailing space).
    @discardableResult
    func waitForPrompt(timeout: Double = 10) -> Bool {
        wait(timeout: timeout) { $0.split(separator: "\n").contains { $0.hasPrefix("evq>") } }.ok
    }

    /// Waits for text on screen.
    @discardableResult
    func wait(for text: String, timeout: Double = 10) -> (ok: Bool, screen: String) {
        wait(timeout: timeout) { $0.contains(text) }
    }

    /// The screen's non-empty lines.
    func lines() -> [String] {
        screen().split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// True while the evq session is alive.
    var isRunning: Bool { (try? tmux(["has-session", "-t", "t"])) != nil }

    /// Waits until evq has exited (its session closes).
    func waitForExit(timeout: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !isRunning { return true }
            usleep(50_000)
        }
        return false
    }

    /// Runs one tmux command and returns its standard output.
    ///
    /// Not through `Process`: Foundation notices a child's exit through a descriptor the child
    /// inherits, and the tmux server that `new-session` forks would inherit and hold it, so
    /// `waitUntilExit` would never return. posix_spawn plus waitpid has no such descriptor.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        guard let path = Tmux.path else { throw CocoaError(.fileNoSuchFile) }
        let outputFile = home + "/tmux-out-\(UUID().uuidString)"
        defer { unlink(outputFile) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path, "-S", socket, "-f", "/dev/null"] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        // The test runner's threads may block signals; evq under tmux must see Ctrl-C as a
        // terminal would deliver it, so the child starts with an empty mask and default actions.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, &attributes, argv, environ) == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (FileManager.default.contents(atPath: outputFile)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        // WIFEXITED && WEXITSTATUS == 0
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else { throw CocoaError(.executableLoad) }
        return output
    }

    private func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
