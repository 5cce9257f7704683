import Testing
@testable import EvqModel
@testable import EvqReport

private func sample() -> [Event] {
    [
        Event(id: "e1", type: .release, date: EventDate(compact: "2025-09")!, count: Quantity(value: 50, qualifier: .moreThan),
              sources: ["a.txt"], evidence: [Evidence(source: "a.txt", sentence: "They freed <b>more</b> than 50.\u{1B}[31m", span: .init(start: 3, end: 40))]),
        Event(id: "e2", type: .meeting, date: EventDate(compact: "2025-12-12..2025-12-13")!, actors: ["John Coale"], sources: ["b.txt"]),
        Event(id: "e3", type: .sanctionsEased, date: EventDate(compact: "2025-12")!, sources: ["b.txt"]),
        Event(id: "e4", type: .statement, sources: ["b.txt"]),
    ]
}

@Test func reportIsSelfContainedAndEscapesArticleText() {
    let html = HTMLReport(title: "Belarus <report>", events: sample(), documents: [Document(name: "a.txt"), Document(name: "b.txt")]).render()
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("src=") && !html.contains("<link"))
    #expect(html.contains("Belarus &lt;report&gt;"))
    #expect(html.contains("They freed &lt;b&gt;more&lt;/b&gt; than 50.[31m"))
    #expect(!html.contains("\u{1B}"))
    #expect(html.contains("<a href=\"#doc-a-txt\">a.txt</a>"))
    #expect(html.contains("id=\"doc-a-txt\""))
    #expect(html.contains("1 undated event(s) not charted."))
}

@Test func chartHasABarPerMonthWithEventsAndMarkers() {
    let chart = TimelineChart(events: sample())
    let buckets = chart.buckets()
    #expect(buckets.map(\.label) == ["2025-09", "2025-10", "2025-11", "2025-12"])
    #expect(buckets.map(\.events) == [1, 0, 0, 2])
    let svg = chart.svg()
    #expect(svg.components(separatedBy: "<rect class=\"bar\"").count - 1 == 2)
    #expect(svg.contains("<circle class=\"meeting\""))
    #expect(svg.contains("<polygon class=\"sanctions\""))
}
