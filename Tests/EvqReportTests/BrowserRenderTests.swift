import Foundation
import Testing
@testable import EvqModel
@testable import EvqReport

/// Renders a report in headless Chromium (Debian's `chromium`, installed by .ci/run) and checks
/// the screenshot: the page is not blank and the chart's bars are drawn in their colour.
@Test func reportRendersInARealBrowser() throws {
    guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
    else {
        Issue.record("chromium is not installed (apt-get install chromium); .ci/run installs it")
        return
    }
    let events = (1...6).map { i in
        Event(id: "e\(i)", type: i % 3 == 0 ? .meeting : .release, date: EventDate(compact: "2025-0\(i)")!,
              count: Quantity(value: i * 10), sources: ["a.txt"])
    }
    let html = HTMLReport(title: "Browser check", events: events, documents: [Document(name: "a.txt")]).render()
    let dir = NSTemporaryDirectory() + "evq-report-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let page = dir + "/report.html", png = dir + "/report.png"
    try html.write(toFile: page, atomically: true, encoding: .utf8)

    try run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1000,700",
                       "--screenshot=\(png)", "file://\(page)"])
    let stats = try run("/usr/bin/env", ["python3", packageRoot() + "/scripts/png-stats.py", png, "3b6ea5"])
    let numbers = stats.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    try #require(numbers.count == 4, "png-stats printed: \(stats)")
    #expect(numbers[0] == 1000 && numbers[1] == 700)
    #expect(numbers[2] > 10, "the page looks blank: \(numbers[2]) colours")
    // Six bars of 28 px width and heights proportional to 1 event each: at least 4 bars' worth of pixels.
    #expect(numbers[3] > 4 * 28 * 100, "chart bars not found: \(numbers[3]) pixels of the bar colour")
}

private func packageRoot() -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
}

@discardableResult
private func run(_ tool: String, _ args: [String]) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: tool)
    p.arguments = args
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
