import EvqModel
import EvqDiagnostics
import Foundation

extension MetaCommands {
    /// `.read FILE`: runs a script through the same input loop, with its own file:line, inside
    /// the current session. Cycles and nesting deeper than `Session.maxReadDepth` are errors.
    static func read(_ line: MetaLine, _ session: inout Session) -> MetaOutcome {
        guard line.arguments.count == 1, let path = line.arguments.first else {
            return session.usageError("`.read` needs exactly one file", at: line.arguments.dropFirst().first?.span ?? line.endSpan,
                                      command: command(".read"), in: line)
        }
        let canonical = URL(fileURLWithPath: path.text).standardizedFileURL.resolvingSymlinksInPath().path
        if session.readStack.contains(canonical) {
            session.report(.error("`\(path.text)` is already being read (a cycle of .read commands)", at: path.span), in: line)
            return .failed
        }
        if session.readStack.count >= Session.maxReadDepth {
            session.report(.error(".read is nested more than \(Session.maxReadDepth) deep", at: path.span), in: line)
            return .failed
        }
        let text: String
        switch ScriptText.read(path: path.text) {
        case .success(let t): text = t
        case .failure(let problem):
            session.report(.error("cannot read `\(path.text)`: \(problem.reason)", at: path.span), in: line)
            return .failed
        }
        session.readStack.append(canonical)
        let saved = session.location
        defer {
            session.readStack.removeLast()
            session.location = saved
        }
        switch InputProcessor.run(.script(name: path.text, text: text), in: &session) {
        case .ok: return .ok
        case .failed: return .failed
        case .quit: return .quit
        }
    }

    /// `.export FILE`: the last result in the current format (no colour, no width limit),
    /// written to a temporary file next to FILE and renamed over it, so FILE is never half-written.
    static func export(_ line: MetaLine, _ session: inout Session) -> MetaOutcome {
        guard line.arguments.count == 1, let path = line.arguments.first else {
            return session.usageError("`.export` needs exactly one file", at: line.arguments.dropFirst().first?.span ?? line.endSpan,
                                      command: command(".export"), in: line)
        }
        guard let result = session.lastResult else {
            session.report(.error("nothing to export yet: run a query first", at: line.name.span), in: line)
            return .failed
        }
        if ReportExport.isHTML(path.text) { return ReportExport.export(result, line, path, &session) } // analysis: .export FILE.html hook
        let text = ResultRenderer(format: session.format, width: nil, color: false).render(result)
        do {
            try AtomicFile.write(text, to: path.text)
        } catch {
            session.report(.error("cannot write `\(path.text)`: \(error.localizedDescription)", at: path.span), in: line)
            return .failed
        }
        return .ok
    }
}

/// Writing a whole file so that readers see the old content or the new, never a half.

/// Reading a script: UTF-8 (a BOM is dropped), anything else is an error rather than garbage.
public enum ScriptText {
    /// Why a script could not be read.
    public struct Problem: Error, Sendable {
        /// Why, in words (“no such file”).
        public var reason: String
    }

    /// The script's text, or why it cannot be read.
    public static func read(path: String) -> Result<String, Problem> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .failure(Problem(reason: "no such file")) }
        guard !isDirectory.boolValue else { return .failure(Problem(reason: "it is a folder")) }
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(Problem(reason: "permission denied or unreadable")) }
        guard var text = String(data: data, encoding: .utf8) else { return .failure(Problem(reason: "not UTF-8 text")) }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return .success(text)
    }
}
