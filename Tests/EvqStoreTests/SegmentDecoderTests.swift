import EvqModel
import Testing

@testable import EvqStore

struct SegmentDecoderTests {
    /// The decoder makes lists of up to four names as literals and longer ones otherwise, both
    /// for lists named once and for shared ones (named by two events here).
    @Test(arguments: 0...9)
    func listsOfEveryLengthRoundTrip(length: Int) throws {
        let names = (0..<length).map { $0 % 2 == 0 ? "name \($0) longer than fifteen bytes" : "n\($0)" }
        let events = (0..<6).map { i in
            Event(
                id: "e\(i)", type: .release, actors: i < 2 ? names : names.map { $0 + " \(i)" }, places: Array(names.prefix(i)),
                sources: i % 2 == 0 ? names : [])
        }
        #expect(try EventCodec.decode(EventCodec.encode(events, segmentSize: 4), parallelism: 1) == events)
    }

    /// The codes are positions in `allCases`, as the encoder writes them.
    @Test func codesFollowAllCases() {
        for (code, status) in Status.allCases.enumerated() { #expect(SegmentDecoder.status(UInt64(code)) == status) }
        for (code, precision) in DatePrecision.allCases.enumerated() { #expect(SegmentDecoder.precision(UInt64(code)) == precision) }
        for (code, qualifier) in Qualifier.allCases.enumerated() { #expect(SegmentDecoder.qualifier(UInt64(code)) == qualifier) }
        #expect(SegmentDecoder.status(UInt64(Status.allCases.count)) == nil)
        #expect(SegmentDecoder.precision(UInt64(DatePrecision.allCases.count)) == nil)
        #expect(SegmentDecoder.qualifier(UInt64(Qualifier.allCases.count)) == nil)
    }

    /// Damage anywhere in a long segment is reported, not misread (the readers running ahead
    /// meet it first and must leave the reporting to the decoder).
    @Test(arguments: [7, 8, 9])
    func damageIsFoundWhileReadingAhead(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let events = (0..<300).map { _ in RandomEvents.event(&rng) }
        let blob = EventCodec.encode(events, segmentSize: 100)
        for _ in 0..<100 {
            var damaged = blob
            let at = Int.random(in: (blob.count / 2)..<blob.count, using: &rng)
            damaged[at] = UInt8.random(in: 0...255, using: &rng)
            if let decoded = try? EventCodec.decode(damaged, parallelism: 2) {
                #expect(decoded.count == events.count)
            }
        }
    }
}
