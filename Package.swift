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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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
            dependencies: ["EvqEval", "EvqSema", "EvqSyntax", "EvqExtract", "EvqModel", "EvqDiagnostics"]
        ),
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .target(name: "EvqLineEditor", dependencies: ["CReadline"]),
        .executableTarget(
            name: "evq",
            dependencies: [
                "EvqShell", "EvqLineEditor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "EvqDiagnosticsTests", dependencies: ["EvqDiagnostics"]),
        .testTarget(name: "EvqModelTests", dependencies: ["EvqModel"]),
        .testTarget(name: "EvqShellTests", dependencies: ["EvqShell", "EvqLineEditor", "EvqEval", "EvqModel", "EvqDiagnostics"]),
        .testTarget(name: "EvqCLITests", dependencies: ["evq"]),
    ],
    swiftLanguageModes: [.v6]
)
