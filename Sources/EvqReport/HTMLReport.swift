import EvqDiagnostics
import EvqModel

/// A single self-contained HTML page about a set of events: a timeline chart (events per
/// month as bars, markers for meetings and sanctions), the event table, and every event's
/// evidence sentences linked to the article they come from.
///
/// No scripts, no network: CSS and SVG are inline, so the file can be mailed or archived and
/// still shows the same thing. All article text is HTML-escaped and control characters removed.
public struct HTMLReport: Sendable {
    public var title: String
    public var query: String?
    public var events: [Event]
    public var documents: [Document]
    /// Where the articles live, so evidence can link to the file itself (relative or absolute).
    public var articleFolder: String?

    public init(title: String, query: String? = nil, events: [Event], documents: [Document], articleFolder: String? = nil) {
        self.title = title
        self.query = query
        self.events = events
        self.documents = documents
        self.articleFolder = articleFolder
    }

    public func render() -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(escape(title))</title>
            <style>\(HTMLReport.css)</style>
            </head>
            <body>
            <h1>\(escape(title))</h1>

            """
        if let query { html += "<p class=\"query\"><code>\(escape(query))</code></p>\n" }
        html += "<p class=\"summary\">\(events.count) event\(events.count == 1 ? "" : "s") from \(documents.count) article\(documents.count == 1 ? "" : "s")</p>\n"
        html += "<h2>Timeline</h2>\n" + TimelineChart(events: events).svg() + "\n"
        html += eventTable()
        html += evidenceSection()
        html += documentSection()
        html += "</body>\n</html>\n"
        return html
    }

    private func eventTable() -> String {
        var out = "<h2>Events</h2>\n<table class=\"events\">\n<thead><tr>"
        for h in ["id", "type", "status", "date", "count", "actors", "places", "sources"] { out += "<th>\(h)</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for e in events {
            let type = e.total ? "\(e.type.rawValue) (total)" : e.type.rawValue
            out += "<tr><td><a href=\"#ev-\(escape(e.id))\">\(escape(e.id))</a></td><td>\(escape(type))</td>"
            out += "<td>\(escape(e.status.rawValue))</td><td>\(escape(e.date.display))</td>"
            out += "<td class=\"num\">\(escape(e.count?.display ?? ""))</td>"
            out += "<td>\(escape(e.actors.joined(separator: ", ")))</td><td>\(escape(e.places.joined(separator: ", ")))</td>"
            out += "<td>\(e.sources.map { "<a href=\"#doc-\(anchor($0))\">\(escape($0))</a>" }.joined(separator: ", "))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    private func evidenceSection() -> String {
        var out = "<h2>Evidence</h2>\n"
        for e in events {
            out += "<section class=\"evidence\" id=\"ev-\(escape(e.id))\">\n<h3>\(escape(e.id)) · \(escape(e.summary)) · \(escape(e.date.display))</h3>\n<ul>\n"
            for ev in e.evidence {
                out += "<li><blockquote>\(escape(ev.sentence))</blockquote> — <a href=\"#doc-\(anchor(ev.source))\">\(escape(ev.source))</a>"
                out += " <span class=\"span\">bytes \(ev.span.start)–\(ev.span.end)</span></li>\n"
            }
            out += "</ul>\n</section>\n"
        }
        return out
    }

    private func documentSection() -> String {
        var out = "<h2>Articles</h2>\n<ul class=\"documents\">\n"
        for d in documents {
            let link = articleFolder.map { "\($0)/\(d.name)" } ?? d.name
            out += "<li id=\"doc-\(anchor(d.name))\"><a href=\"\(escape(link))\">\(escape(d.name))</a>: \(escape(d.title))"
            out += " <span class=\"date\">(\(escape(d.published.display.isEmpty ? "date unknown" : d.published.display)), \(d.dateSource.rawValue))</span></li>\n"
        }
        return out + "</ul>\n"
    }

    static let css = """
        body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;color:#222;padding:0 1em}
        h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}
        table{border-collapse:collapse;width:100%}th,td{border:1px solid #ddd;padding:.3em .5em;vertical-align:top}
        th{background:#f4f4f4;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
        blockquote{display:inline;margin:0;font-style:italic}.span,.date{color:#888;font-size:.85em}
        .query code{background:#f4f4f4;padding:.2em .4em}svg{max-width:100%;height:auto}
        .bar{fill:#3b6ea5}.meeting{fill:#e08a00}.sanctions{fill:#b23a48}.axis{stroke:#999}
        svg text{font:11px system-ui,sans-serif;fill:#444}
        """
}

/// HTML-escapes text and removes control characters (article text is untrusted).
func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for ch in text.unicodeScalars {
        switch ch {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        case "\n", "\t": out += " "
        default:
            if !isUnsafeForDisplay(ch) { out.unicodeScalars.append(ch) }
        }
    }
    return out
}

/// A fragment identifier made of safe characters only.
func anchor(_ name: String) -> String {
    String(name.unicodeScalars.map { ch -> Character in
        (ch.properties.isAlphabetic || ("0"..."9").contains(ch) || ch == "-" || ch == "_") && ch.isASCII ? Character(ch) : "-"
    })
}
