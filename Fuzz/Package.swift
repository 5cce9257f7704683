// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets. Built by scripts/fuzz.sh with `-sanitize=fuzzer,address`; libFuzzer
// provides `main`, so each target is compiled with `-parse-as-library`.
let package = Package(
    name: "evq-fuzz",
    dependencies: [.package(name: "evq", path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "fuzz-import",
            dependencies: ["FuzzSupport", .product(name: "EvqCore", package: "evq"), .product(name: "EvqStore", package: "evq")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "fuzz-query",
            dependencies: ["FuzzSupport", .product(name: "EvqCore", package: "evq")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "fuzz-extract",
            dependencies: ["FuzzSupport", .product(name: "EvqCore", package: "evq")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
