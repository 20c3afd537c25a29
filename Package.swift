// swift-tools-version:6.0
import PackageDescription

// Module layout (dependencies point downward):
//   kubectl-local (main.swift) -> KubectlCLI -> KubePrinters, KubeAPI, KubeKustomize
//   KubeKustomize (kustomize's build of a directory; a library as upstream's kustomize/api is) -> KubeRegistry, KubeCodec
//   KubeAPI (API-server semantics) -> KubeStore (SQLite rows) , KubeRegistry (kinds) , KubeSchema
//   KubeTemplate (Go text/template) -> KubeModel ; KubeCodec (YAML) -> KubeModel (JSON values, selectors, time, text) ; C shims at the bottom.
let v5: [SwiftSetting] = [.swiftLanguageMode(.v5)]

let package = Package(
    name: "kubectl-local",
    products: [
        .executable(name: "kubectl-local", targets: ["kubectl-local"]),
    ],
    targets: [
        .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "KubeModel", swiftSettings: v5),
        .target(name: "KubeCodec", dependencies: ["KubeModel", "CLibYAML"], swiftSettings: v5),
        .target(name: "KubeCEL", dependencies: ["KubeModel"], swiftSettings: v5),
        .target(name: "KubeSchema", dependencies: ["KubeModel"], swiftSettings: v5),
        .target(name: "KubeRegistry", dependencies: ["KubeModel", "KubeSchema"], swiftSettings: v5),
        .target(name: "KubeStore", dependencies: ["KubeModel", "CSQLite", "CZlib"], swiftSettings: v5),
        .target(name: "KubeTemplate", dependencies: ["KubeModel"], swiftSettings: v5),
        .target(name: "KubeAPI", dependencies: ["KubeModel", "KubeRegistry", "KubeStore", "KubeSchema", "KubeCEL", "KubeCodec",
                                                "KubeTemplate", "COpenSSL"], swiftSettings: v5),
        .target(name: "KubePrinters", dependencies: ["KubeModel", "KubeCodec", "KubeRegistry", "KubeTemplate"], swiftSettings: v5),
        .target(name: "KubeKustomize", dependencies: ["KubeModel", "KubeCodec", "KubeSchema", "KubeRegistry"], swiftSettings: v5),
        .target(name: "KubectlCLI", dependencies: ["KubeModel", "KubeCodec", "KubeRegistry", "KubeAPI", "KubePrinters", "KubeSchema", "KubeTemplate",
                                                   "KubeKustomize"], swiftSettings: v5),
        .executableTarget(name: "kubectl-local", dependencies: ["KubectlCLI"], swiftSettings: v5),
        .target(name: "KubeTestSupport", dependencies: ["KubectlCLI", "KubeModel"], swiftSettings: v5),
        .testTarget(name: "KubeModelTests", dependencies: ["KubeModel", "KubeTestSupport"], swiftSettings: v5),
        .testTarget(name: "KubeCELTests", dependencies: ["KubeCEL", "KubeModel"], swiftSettings: v5),
        .testTarget(name: "KubeCodecTests", dependencies: ["KubeCodec", "KubeTestSupport"], exclude: ["Golden"],
                    swiftSettings: v5),
        .testTarget(name: "KubeSchemaTests", dependencies: ["KubeSchema", "KubeTestSupport"], exclude: ["Fixtures"],
                    swiftSettings: v5),
        .testTarget(name: "KubeRegistryTests", dependencies: ["KubeRegistry", "KubeTestSupport"], exclude: ["Golden"],
                    swiftSettings: v5),
        .testTarget(name: "KubePrintersTests", dependencies: ["KubePrinters", "KubeTemplate", "KubeTestSupport"], exclude: ["Golden"],
                    swiftSettings: v5),
        .testTarget(name: "KubeAPITests", dependencies: ["KubeAPI", "KubeCodec", "KubeTestSupport"], exclude: ["Fixtures"],
                    swiftSettings: v5),
        .testTarget(name: "KubeStoreTests", dependencies: ["KubeStore", "KubeAPI", "KubeTestSupport"], swiftSettings: v5),
        .testTarget(name: "KubectlCLITests", dependencies: ["KubectlCLI", "KubeTestSupport", "kubectl-local"],
                    exclude: ["Golden"], swiftSettings: v5),
    ]
)
