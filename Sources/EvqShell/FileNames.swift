import Foundation

/// File-name completion for `.load`, `.read` and `.export`.
public enum FileNames {
    /// Entries of the folder named by `prefix` whose names start with its last part; folders
    /// end in `/`. Hidden entries only when the typed part starts with a dot.
    public static func matching(_ prefix: String) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let folderPart = slash.map { String(prefix[...$0]) } ?? ""
        let namePart = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
        let expanded = folderPart.hasPrefix("~/") ? NSHomeDirectory() + folderPart.dropFirst() : folderPart
        let folder = expanded.isEmpty ? "." : expanded
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { $0.hasPrefix(namePart) && (namePart.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(name), isDirectory: &isDirectory)
            return folderPart + name + (isDirectory.boolValue ? "/" : "")
        }
    }
}
