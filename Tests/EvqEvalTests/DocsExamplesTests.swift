import EvqDiagnostics
import EvqEval
import EvqModel
import Foundation
import EvqSema
import Testing

/// Plain text for a result, as docs/LANGUAGE.md shows it: a header, aligned columns, a row
/// count and the notes.
func renderPlain(_ r: ResultSet) -> String {
    let header = r.columns.map(\.name)
    let cells = r.rows.map { $0.map { escapeControls($0.plainText) } }
    var widths = header.map(\.count)
    for row in cells { for (i, c) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
    func line(_ xs: [String]) -> String {
        var s = ""
        for (i, x) in xs.enumerated() {
            s += x
            if i < xs.count - 1 { s += String(repeating: " ", count: widths[i] - x.count + 2) }
        }
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
    var out = [line(header)] + cells.map(line)
    out.append("(\(r.rows.count) row\(r.rows.count == 1 ? "" : "s"))")
    out += r.notes.map { "note: \($0)" }
    return out.joined(separator: "\n") + "\n"
}

/// Runs a script the way the docs show it: each outcome rendered in order.
func renderScript(_ text: String) -> String {
    var context = Fixture.context()
    let file = SourceFile(name: "<query>", text: text)
    var out = ""
    let renderer = DiagnosticRenderer()
    for outcome in QueryEngine.run(file, in: &context) {
        switch outcome {
        case .result(let r, let warnings):
            out += renderer.render(warnings, in: file)
            out += renderPlain(r)
        case .bound(let name, let warnings):
            out += renderer.render(warnings, in: file)
            out += "bound \(name)\n"
        case .failed(let d):
            out += renderer.render(d, in: file)
        }
    }
    return out
}

/// The path of docs/LANGUAGE.md, found from this source file.
func languageDocPath() -> String {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("docs/LANGUAGE.md").path
}

/// Every ```evq block of docs/LANGUAGE.md is followed by an ```output block holding exactly what
/// the query prints over the fixture corpus. `EVQ_UPDATE_DOCS=1 swift test` rewrites the outputs
/// (review them with `git diff`).
@Test func languageDocExamplesMatchTheirOutput() throws {
    let path = languageDocPath()
    let doc = try String(contentsOfFile: path, encoding: .utf8)
    var lines = doc.components(separatedBy: "\n")
    var i = 0
    var examples = 0
    var mismatches: [String] = []
    let update = ProcessInfo.processInfo.environment["EVQ_UPDATE_DOCS"] == "1"
    while i < lines.count {
        guard lines[i] == "```evq" else {
            i += 1
            continue
        }
        var j = i + 1
        var query: [String] = []
        while j < lines.count, lines[j] != "```" { query.append(lines[j]); j += 1 }
        let text = query.joined(separator: "\n")
        let actual = renderScript(text)
        examples += 1
        // The output block must follow immediately.
        let k = j + 1
        guard k < lines.count, lines[k] == "```output" else {
            if update {
                lines.insert(contentsOf: ["```output"] + actual.components(separatedBy: "\n").dropLast() + ["```"], at: k)
            } else {
                mismatches.append("no output block after: \(text)")
            }
            i = k
            continue
        }
        var m = k + 1
        var expected: [String] = []
        while m < lines.count, lines[m] != "```" { expected.append(lines[m]); m += 1 }
        let expectedText = expected.joined(separator: "\n") + "\n"
        if expectedText != actual {
            if update {
                lines.replaceSubrange((k + 1)..<m, with: actual.components(separatedBy: "\n").dropLast())
            } else {
                mismatches.append("example: \(text)\nexpected:\n\(expectedText)actual:\n\(actual)")
            }
        }
        i = k + 1
    }
    if update { try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8) }
    #expect(examples >= 40, "only \(examples) examples found")
    #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n---\n"))")
}

/// Every stage, function, collection family and event field is shown in an example.
@Test func languageDocCoversTheCatalog() throws {
    let doc = try String(contentsOfFile: languageDocPath(), encoding: .utf8)
    let blocks = doc.components(separatedBy: "```evq\n").dropFirst().map { $0.components(separatedBy: "\n```")[0] }.joined(separator: "\n")
    for s in EvqSema.Catalog.stages { #expect(blocks.contains(s.name), "no example uses stage \(s.name)") }
    for f in EvqSema.Catalog.functions { #expect(blocks.contains(f.name + "("), "no example uses function \(f.name)") }
    for f in EvqSema.Catalog.fields { #expect(blocks.contains(f.name), "no example uses field \(f.name)") }
    for c in ["events", "totals", "unconfirmed", "documents", "actors", "places", "releases", "pardon"] {
        #expect(blocks.contains(c), "no example uses collection \(c)")
    }
    for alias in ["filter", "head", "limit", "select", "project", "order by"] { #expect(blocks.contains(alias), "no example of \(alias)") }
    for op in [" in (", " between ", " contains ", " ~ ", " is missing", " is not missing", " not ", " or "] {
        #expect(blocks.contains(op), "no example uses \(op)")
    }
}
