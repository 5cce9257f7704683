import EvqModel
import Foundation

/// What running one statement of an example printed, and whether it failed.
public struct StatementRun: Sendable {
    /// Everything it printed, diagnostics included, as plain text (no colour).
    public var output: String
    /// True when the statement produced an error.
    public var failed: Bool
    /// True when the statement ended the script (`.quit`): later statements do not run.
    public var quit: Bool
    public init(output: String, failed: Bool, quit: Bool = false) {
        self.output = output
        self.failed = failed
        self.quit = quit
    }
}

/// Runs statements for one script. Made fresh per script by the caller (the shell), from the
/// script's directives, so scripts never share state.
public typealias StatementExecutor = (ExampleScript.Statement) -> StatementRun

/// Builds the executor for a script; throws a message when its corpus cannot be loaded.
public typealias ExecutorFactory = (_ script: ExampleScript, _ scriptPath: String) throws -> StatementExecutor

/// `evq test`: runs example scripts and compares their transcripts with the sibling `.out`
/// files, in the tradition of sqllogictest and cram. Shared by `evq test` and `swift test`.
///
/// Contract: returns a summary; the caller exits 1 when `failed > 0`. Output goes to `log`.
public struct GoldenRunner {
    public struct Summary: Sendable, Equatable {
        public var passed = 0
        public var failed = 0
        public var skipped = 0
        /// `.out` files written by `--update` or recorded as new baselines.
        public var written: [String] = []
        public var line: String {
            "\(passed) passed, \(failed) failed" + (skipped > 0 ? ", \(skipped) skipped" : "")
        }
    }

    public var update: Bool
    public var filter: String?
    public var makeExecutor: ExecutorFactory

    public init(update: Bool = false, filter: String? = nil, makeExecutor: @escaping ExecutorFactory) {
        self.update = update
        self.filter = filter
        self.makeExecutor = makeExecutor
    }

    /// Every `.evq` file under the paths (files given directly are taken as they are), sorted.
    public static func discover(_ paths: [String]) -> [String] {
        let fm = FileManager.default
        var found: [String] = []
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                found.append(path)  // reported as a failure by `run`
                continue
            }
            if !isDir.boolValue {
                found.append(path)
                continue
            }
            let enumerator = fm.enumerator(atPath: path)
            while let item = enumerator?.nextObject() as? String {
                // Scripts under an `include/` folder are pulled in by others with `.read`; they
                // are not examples of their own.
                let folders = item.split(separator: "/").dropLast()
                if item.hasSuffix(".evq") && !folders.contains("include") {
                    found.append((path as NSString).appendingPathComponent(item))
                }
            }
        }
        return found.sorted()
    }

    public func run(paths: [String], log: (String) -> Void) -> Summary {
        var summary = Summary()
        for path in GoldenRunner.discover(paths) {
            if let filter, !path.localizedCaseInsensitiveContains(filter) { continue }
            runScript(path, into: &summary, log: log)
        }
        log(summary.line + "\n")
        return summary
    }

    /// The transcript a script produces now, plus the failures that need no expected file
    /// (an `# error` statement that succeeded).
    public func transcript(of script: ExampleScript, at path: String) throws -> (Transcript, [String]) {
        let execute = try makeExecutor(script, path)
        var blocks: [Transcript.Block] = []
        var problems: [String] = []
        for statement in script.statements {
            let run = execute(statement)
            blocks.append(Transcript.Block(echo: Transcript.echo(statement.text), output: Transcript.lines(run.output)))
            if statement.expectsError && !run.failed {
                problems.append("\(path):\(statement.line): expected an error, but the statement succeeded: \(statement.text)")
            }
            if run.quit { break }
        }
        return (Transcript(blocks: blocks), problems)
    }

    private func runScript(_ path: String, into summary: inout Summary, log: (String) -> Void) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            summary.failed += 1
            log("FAIL \(path): cannot read the script\n")
            return
        }
        let script = ExampleScript(text: text)
        if let reason = script.skip {
            summary.skipped += 1
            log("skip \(path): \(reason)\n")
            return
        }
        let actual: Transcript
        let problems: [String]
        do {
            (actual, problems) = try transcript(of: script, at: path)
        } catch {
            summary.failed += 1
            log("FAIL \(path): \(error)\n")
            return
        }
        let outPath = GoldenRunner.expectedPath(for: path)
        let expectedText = try? String(contentsOfFile: outPath, encoding: .utf8)
        if update || expectedText == nil {
            if expectedText != actual.text {
                do {
                    try AtomicFile.write(actual.text, to: outPath)  // never a half-written .out
                } catch {
                    summary.failed += 1
                    log("FAIL \(path): cannot write \(outPath): \(error)\n")
                    return
                }
                summary.written.append(outPath)
                log((expectedText == nil ? "recorded new baseline " : "updated ") + outPath + "\n")
            }
            if expectedText == nil {
                summary.failed += 1  // a new baseline must be reviewed before it counts
                return
            }
            if problems.isEmpty { summary.passed += 1 } else { summary.failed += 1 }
            problems.forEach { log("FAIL \($0)\n") }
            return
        }
        let expected = Transcript(parsing: expectedText ?? "")
        let unordered = Set(script.statements.indices.filter { script.statements[$0].rowsort })
        let want = expected.sortingOutput(ofBlocks: unordered)
        let got = actual.sortingOutput(ofBlocks: unordered)
        if want == got && problems.isEmpty {
            summary.passed += 1
            return
        }
        summary.failed += 1
        log("FAIL \(path)\n")
        problems.forEach { log("  \($0)\n") }
        if want != got {
            let common = min(want.blocks.count, got.blocks.count)
            let index = (0..<common).first { want.blocks[$0] != got.blocks[$0] } ?? common
            if index < script.statements.count {
                let s = script.statements[index]
                log("  statement at line \(s.line): \(s.text.replacingOccurrences(of: "\n", with: " "))\n")
            }
            log(UnifiedDiff.make(expected: want.text, actual: got.text, expectedName: outPath, actualName: "actual"))
        }
    }

    /// `Examples/01-tour.evq` -> `Examples/01-tour.out`.
    public static func expectedPath(for script: String) -> String {
        ((script as NSString).deletingPathExtension) + ".out"
    }
}
