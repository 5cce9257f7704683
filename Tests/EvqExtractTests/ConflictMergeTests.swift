import EvqExtract
import EvqModel
import Foundation
import Testing

/// Two articles report one release (same government, day and place) with different counts:
/// the merger must keep one event and note the disagreement (docs/EXTRACTION.md).
@Test func disagreeingCountsMergeIntoOneEventWithAConflict() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let folder = root.appendingPathComponent("Examples/corpora/conflicts").path
    let extraction = try CorpusLoader().load(paths: [folder])
    let releases = extraction.corpus.all.filter { $0.type == .release }
    #expect(releases.count == 1)
    let release = try #require(releases.first)
    #expect(release.sources.sorted() == ["a-wire.txt", "b-daily.txt"])
    #expect(release.date.start == Day(iso: "2026-03-02") && release.date.end == Day(iso: "2026-03-02"))
    #expect(release.places.contains("Baku"))
    let note = try #require(release.attributes["conflicts"])
    #expect(note.contains("31 (a-wire.txt)"))
    #expect(note.contains(">40 (b-daily.txt)"))
}
