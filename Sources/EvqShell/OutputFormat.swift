/// How results are printed: `.format` in the shell, `--format` on the command line.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    /// A width-aware table for people (the default).
    case table
    /// One JSON array.
    case json
    /// One JSON object per line.
    case jsonl
    /// RFC 4180 comma-separated values with a header row.
    case csv
    /// A GitHub-flavoured Markdown table.
    case md

    /// The names `.format` and `--format` accept, in documentation order.
    public static var names: [String] { allCases.map(\.rawValue) }
}
