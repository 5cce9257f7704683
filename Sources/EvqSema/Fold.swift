import Foundation

/// Case- and diacritic-insensitive text matching, as the design requires for string comparison,
/// `contains` and name variants.
public enum Fold {
    /// `Białacki` -> `bialacki`. ASCII text takes a fast path that only lowercases.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        // `ł` has no decomposition, so strip it by hand as the common folding tables do.
        let base = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return base.replacingOccurrences(of: "ł", with: "l").replacingOccurrences(of: "đ", with: "d")
            .replacingOccurrences(of: "ø", with: "o").replacingOccurrences(of: "ß", with: "ss")
    }
}
