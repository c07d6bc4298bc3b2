// swift-tools-version:5.9
// The manifest of the Swift package `cargo xtask ios` assembles in
// bindings/generated/ios/WaymarkCore/ beside the XCFramework, the generated Swift and the tests
// in Tests/. Add that folder to an app (File > Add Package Dependencies > Add Local), or run
// `swift test` in it on a Mac.
import PackageDescription

let package = Package(
    name: "WaymarkCore",
    // iOS 15 and macOS 12 have every API the generated bindings use.
    platforms: [.iOS(.v15), .macOS(.v12)],
    products: [
        .library(name: "WaymarkCore", targets: ["WaymarkCore"]),
    ],
    targets: [
        // The core as static libraries for device, simulator and Mac, with the C header and the
        // modulemap of the `WaymarkCoreFFI` module the generated Swift imports.
        .binaryTarget(name: "WaymarkCoreFFI", path: "WaymarkCoreFFI.xcframework"),
        .target(
            name: "WaymarkCore",
            dependencies: ["WaymarkCoreFFI"],
            path: "Sources/WaymarkCore"
        ),
        .testTarget(
            name: "WaymarkCoreTests",
            dependencies: ["WaymarkCore"],
            path: "Tests/WaymarkCoreTests"
        ),
    ]
)
