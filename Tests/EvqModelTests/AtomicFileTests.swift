import Foundation
import Testing
@testable import EvqModel

private func folder() -> String {
    let path = NSTemporaryDirectory() + "evq-atomic-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Test func writesAndReplacesWithoutLeavingTemporaries() throws {
    let dir = folder()
    try AtomicFile.write("one\n", to: dir + "/a.csv")
    try AtomicFile.write("two\n", to: dir + "/a.csv")
    #expect(try String(contentsOfFile: dir + "/a.csv", encoding: .utf8) == "two\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["a.csv"])
}

@Test func aSymlinkStaysALinkAndItsTargetIsWritten() throws {
    let dir = folder()
    try "old".write(toFile: dir + "/real.csv", atomically: false, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: dir + "/link.csv", withDestinationPath: dir + "/real.csv")
    try AtomicFile.write("new", to: dir + "/link.csv")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.csv") == dir + "/real.csv")
    #expect(try String(contentsOfFile: dir + "/real.csv", encoding: .utf8) == "new")
}

@Test func aDeviceIsWrittenNotReplacedAndAFullDiskIsAnError() throws {
    #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: "/dev/full") }
    var info = stat()
    #expect(stat("/dev/full", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "/dev/full must still be a device")
    try AtomicFile.write("discarded", to: "/dev/null")
}

@Test func unwritablePlacesGiveTheSystemsReasonAndKeepTheOldFile() throws {
    do {
        try AtomicFile.write("x", to: "/no/such/folder/out.csv")
        Issue.record("writing into a missing folder should fail")
    } catch {
        #expect(error.reason == "No such file or directory")
    }
    let dir = folder()
    #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: dir) }
}
