// swift-tools-version: 6.1
import PackageDescription

// The benchmark driver, kept out of the root package so `swift test` there never builds it.
// Build with `swift build -c release` here (Benchmarks/run.sh does).
let package = Package(
    name: "evq-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "evq", path: "..")],
    targets: [
        .executableTarget(
            name: "evq-bench",
            dependencies: [.product(name: "EvqCore", package: "evq"), .product(name: "EvqStore", package: "evq")]
        )
    ],
    swiftLanguageModes: [.v6]
)
