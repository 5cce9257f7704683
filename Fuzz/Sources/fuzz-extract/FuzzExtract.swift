import EvqExtract
import FuzzSupport

/// Arbitrary bytes as an article (named .txt, and again as .html): the whole extraction
/// pipeline. Warnings are fine; a crash or a hang is a bug.
@_cdecl("fuzz_extract_main")
func fuzzExtractMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in
        let bytes = [UInt8](UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
        let extractor = Extractor()
        _ = extractor.extract([RawDocument(name: "fuzz.txt", bytes: bytes)])
        _ = extractor.extract([RawDocument(name: "fuzz.html", bytes: bytes), RawDocument(name: "other.txt", bytes: Array(bytes.prefix(64)))])
        return 0
    }
}
