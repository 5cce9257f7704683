// swift-tools-version: 6.1
import PackageDescription

// Dependency direction (no cycles):
//   EvqDiagnostics <- EvqModel <- EvqExtract
//   EvqDiagnostics <- EvqSyntax
//   {EvqSyntax, EvqModel} <- EvqSema <- EvqEval
//   {EvqEval, EvqExtract} <- EvqShell <- evq
//   CReadline <- EvqLineEditor <- evq
let package = Package(
    name: "evq",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "evq", targets: ["evq"]),
        .library(name: "EvqShell", targets: ["EvqShell"]),
        // The lower layers, for the fuzz targets (Fuzz/) and the benchmarks (Benchmarks/).
        .library(name: "EvqCore", targets: ["EvqDiagnostics", "EvqModel", "EvqExtract", "EvqSyntax", "EvqSema", "EvqEval"]),
        .library(name: "EvqStore", targets: ["EvqStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(name: "EvqDiagnostics"),
        .target(name: "EvqModel", dependencies: ["EvqDiagnostics"]),
        .target(
            name: "EvqExtract",
            dependencies: ["EvqModel", "EvqDiagnostics"],
            resources: [.copy("Lexicons")]
        ),
        .target(name: "EvqSyntax", dependencies: ["EvqDiagnostics"]),
        .target(name: "EvqSema", dependencies: ["EvqSyntax", "EvqModel", "EvqDiagnostics"]),
        .target(name: "EvqEval", dependencies: ["EvqSema", "EvqSyntax", "EvqModel", "EvqDiagnostics"]),
        .target(
            name: "EvqShell",
            dependencies: ["EvqEval", "EvqSema", "EvqSyntax", "EvqExtract", "EvqModel", "EvqDiagnostics", "EvqGolden",
                           "EvqReport",  // analysis: HTML reports
                           "EvqStore"]
        ),
        .target(name: "EvqGolden", dependencies: ["EvqEval", "EvqModel"]),
        .target(name: "EvqReport", dependencies: ["EvqModel", "EvqDiagnostics"]),
        .target(
            name: "EvqStore",
            dependencies: ["EvqModel", "EvqDiagnostics", "EvqExtract", .product(name: "GRDB", package: "GRDB.swift"),
                           "CEvqPrefetch"]
        ),
        .target(name: "CEvqPrefetch"),  // store: a cache hint for the cache's decoder
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .target(name: "EvqLineEditor", dependencies: ["CReadline"]),
        .executableTarget(
            name: "evq",
            dependencies: [
                "EvqShell", "EvqLineEditor", "EvqGolden", "EvqStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "EvqDiagnosticsTests", dependencies: ["EvqDiagnostics"]),
        .testTarget(name: "EvqModelTests", dependencies: ["EvqModel"]),
        .testTarget(name: "EvqGoldenTests", dependencies: ["EvqGolden"]),
        .testTarget(name: "EvqExamplesTests", dependencies: ["EvqShell", "EvqGolden"]),
        .testTarget(name: "EvqReliabilityTests", dependencies: ["evq"]),
        .testTarget(name: "EvqReportTests", dependencies: ["EvqReport"]),
        .testTarget(name: "EvqSyntaxTests", dependencies: ["EvqSyntax", "EvqDiagnostics"]),
        .testTarget(name: "EvqSemaTests", dependencies: ["EvqSema", "EvqEval", "EvqSyntax", "EvqModel", "EvqDiagnostics"]),
        .testTarget(
            name: "EvqEvalTests",
            dependencies: [
                "EvqEval", "EvqSema", "EvqSyntax", "EvqModel", "EvqDiagnostics",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "EvqExtractTests", dependencies: ["EvqExtract", "EvqModel"], exclude: ["DevSet", "HeldOut"]),
        .executableTarget(name: "extract-bench", dependencies: ["EvqExtract", "EvqModel"], path: "Benchmarks/extract", exclude: ["README.md"]),
        .testTarget(name: "EvqStoreTests", dependencies: ["EvqStore", "EvqModel", "EvqExtract"]),
        .testTarget(name: "EvqShellTests", dependencies: ["EvqShell", "EvqLineEditor", "EvqEval", "EvqModel", "EvqDiagnostics"]),
        .testTarget(name: "EvqCLITests", dependencies: ["evq"]),
    ],
    swiftLanguageModes: [.v6]
)
