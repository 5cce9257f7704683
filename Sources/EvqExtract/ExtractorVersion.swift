import EvqModel
import Foundation

extension Extractor {
    /// Bumped by hand when a change to the extractor's code changes what it extracts (the
    /// lexicon files are fingerprinted separately, so editing them needs no bump).
    static let codeRevision = 5

    /// Names what this extractor produces, for the event cache's keys: the code revision and a
    /// fingerprint of the shipped lexicon files. A cached article is reused only by the same
    /// version. (The evq executable adds its own build identity, so a rebuilt binary never
    /// trusts results of an older build even if nobody bumped `codeRevision`.)
    public static let version: String = "x\(codeRevision)-" + lexiconFingerprint()

    /// FNV-1a (`ContentDigest`) over the names and contents of the lexicon resource files, in name order.
    static func lexiconFingerprint() -> String {
        let fm = FileManager.default
        guard let root = Bundle.module.url(forResource: "Lexicons", withExtension: nil)
            ?? Bundle.module.resourceURL
        else { return "0" }
        let names = ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
        var digest = ContentDigest()
        for name in names {
            guard let data = fm.contents(atPath: root.appendingPathComponent(name).path) else { continue }
            digest.feed(name)
            digest.feed(0)
            digest.feed(data)
        }
        return String(digest.lane64, radix: 16)
    }
}
