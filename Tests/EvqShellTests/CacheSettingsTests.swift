import Foundation
import Testing

@testable import EvqShell

/// How a session gets its cache: the build identity that keys it, and the quiet fallbacks.
struct CacheSettingsTests {
    @Test func buildIdentityNamesThisExecutableAndIsStable() {
        let identity = BuildIdentity.current()
        #expect(!identity.isEmpty)
        #expect(identity.split(separator: "-").count == 2)
        #expect(identity == BuildIdentity.current())
    }

    @Test func noCacheAndNoLocationGiveNoCacheAndNoWarning() {
        let off = CacheSettings.open(environment: ["HOME": "/tmp"], disabled: true)
        #expect(off.settings.cache == nil && off.settings.disabled && off.warnings.isEmpty)
        let nowhere = CacheSettings.open(environment: [:], disabled: false, buildIdentity: "b")
        #expect(nowhere.settings.cache == nil && !nowhere.settings.disabled && nowhere.warnings.isEmpty)
        #expect(nowhere.settings.problem?.contains("XDG_CACHE_HOME") == true)
    }

    @Test func aCacheIsOpenedUnderXDGCacheHome() throws {
        let home = NSTemporaryDirectory() + "evq-settings-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: home) }
        let opened = CacheSettings.open(environment: ["XDG_CACHE_HOME": home], disabled: false, buildIdentity: "b")
        #expect(opened.warnings.isEmpty)
        #expect(opened.settings.cache?.path == home + "/evq/events.sqlite")
        #expect(opened.settings.loader.extractorVersion.hasSuffix("+b"))
    }
}
