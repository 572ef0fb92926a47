// swift-tools-version:6.1
import PackageDescription

/// nq57: monitoring of Resolution 57-NQ/TW for a province and its communes.
///
/// Layout: `Shared/` holds what every service uses (the wire, the typed API, the
/// runtime, the OpenSSL bindings); `Services/` holds one folder per executable, each
/// split into a `Core` library (the rules, driven directly by tests) and a thin `Main`.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
]

let nio: [Target.Dependency] = [
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
    .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
]

/// A service executable: a thin `main` over its core library and the shared runtime.
func serviceMain(_ name: String, folder: String, core: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: [.target(name: core), "NQ57Runtime"],
        path: "Services/\(folder)/Main",
        swiftSettings: swiftSettings
    )
}

/// A service's rules: a library that tests drive without sockets.
func serviceCore(_ name: String, folder: String, extra: [Target.Dependency] = []) -> Target {
    .target(
        name: name,
        dependencies: nio + ["NQ57API", "NQ57Runtime", "NQ57Telemetry", "UnitRules", .product(name: "GRDB", package: "GRDB.swift")] + extra,
        path: "Services/\(folder)/Core",
        swiftSettings: swiftSettings
    )
}

let package = Package(
    name: "nq57",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "nq57", targets: ["nq57"]),
        .executable(name: "nq57-gateway", targets: ["nq57-gateway"]),
        .executable(name: "nq57-auth", targets: ["nq57-auth"]),
        .executable(name: "nq57-tasks", targets: ["nq57-tasks"]),
        .executable(name: "nq57-evidence", targets: ["nq57-evidence"]),
        .executable(name: "nq57-metrics", targets: ["nq57-metrics"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        // STARTTLS to the data centre's mail relay (Shared/Mail).
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        // HTTP to the S3-compatible evidence store (Shared/S3).
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "4.1.0"..<"6.0.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        // Settings: flags > environment > JSON file > default. Only its JSON file reader is needed.
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0", traits: ["JSON"]),
        // Child processes for the tests and the browser driver (read to end of file, awaited exit, signals). Its Foundation
        // trait (Data inputs and outputs) is not needed; swift-system gives FilePath on Linux.
        .package(url: "https://github.com/swiftlang/swift-subprocess.git", from: "1.0.2", traits: []),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.5.0"),
        // XLSX exports (Shared/XLSX): an XLSX file is a zip of XML parts.
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        // Benchmarks only (Tests/Benchmarks, declared with NQ57_BENCH=1): the malloc interposer counts allocations.
        .package(url: "https://github.com/ordo-one/package-benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // MARK: Shared
        .systemLibrary(
            name: "COpenSSL",
            path: "Shared/COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // zlib's CRC-32 (S3 upload checksums); ZIPFoundation links zlib already.
        .systemLibrary(
            name: "CZlibChecksum",
            path: "Shared/CZlibChecksum",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "NQ57Calendar",
            path: "Shared/Calendar",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "NQ57Sheets",
            dependencies: ["NQ57Calendar"],
            path: "Shared/Sheets",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "NQ57XLSX",
            dependencies: ["NQ57Sheets", "NQ57Calendar", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Shared/XLSX",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "UnitRules",
            path: "Shared/Units",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "NQ57Crypto",
            dependencies: ["COpenSSL"],
            path: "Shared/Crypto",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "NQ57S3",
            dependencies: nio + [
                "NQ57Crypto",
                "CZlibChecksum",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            path: "Shared/S3",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "NQ57Wire",
            dependencies: nio + [
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Shared/Wire",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "NQ57Mail",
            dependencies: nio + [
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            path: "Shared/Mail",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "NQ57API",
            dependencies: ["NQ57Wire", "NQ57Sheets", "ReviewRules", "TasksRules", "MetricsRules", "NQ57Calendar", "UnitRules", .product(name: "Logging", package: "swift-log")] + nio,
            path: "Shared/API",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "NQ57Reports",
            dependencies: ["NQ57API", "NQ57Wire", "NQ57Sheets", "NQ57Calendar", "TasksRules", "MetricsRules"],
            path: "Shared/Reports",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "NQ57Runtime",
            dependencies: nio + [
                "NQ57Wire", "NQ57API", "NQ57Crypto", "NQ57Telemetry", "NQ57Calendar", "UnitRules",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Configuration", package: "swift-configuration"),
            ],
            path: "Shared/Runtime",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "NQ57Telemetry",
            dependencies: [
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            path: "Shared/Telemetry",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "NQ57Tokens",
            dependencies: ["NQ57API", .product(name: "JWTKit", package: "jwt-kit")],
            path: "Shared/Tokens",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "NQ57Processes",
            dependencies: [.product(name: "Subprocess", package: "swift-subprocess")],
            path: "Shared/Processes",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "NQ57WebDriver",
            dependencies: ["NQ57Processes", .product(name: "Subprocess", package: "swift-subprocess"),
                           .product(name: "SystemPackage", package: "swift-system")],
            path: "Shared/WebDriver",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "NQ57TestSupport",
            dependencies: nio + ["NQ57Wire", "NQ57API", "NQ57Runtime", "NQ57Processes", "NQ57S3", .product(name: "Logging", package: "swift-log"),
                                 .product(name: "Subprocess", package: "swift-subprocess"),
                                 .product(name: "SystemPackage", package: "swift-system")],
            path: "Shared/TestSupport",
            swiftSettings: swiftSettings
        ),

        // MARK: Services
        serviceCore("GatewayCore", folder: "Gateway", extra: ["NQ57Tokens", .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")]),
        .target(
            name: "GatewayWebParsing",
            dependencies: nio + ["NQ57API", "NQ57Wire", .product(name: "HummingbirdCore", package: "hummingbird")],
            path: "Services/Gateway/WebParsing",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "GatewayWeb",
            dependencies: nio + [
                "GatewayCore", "GatewayWebParsing", "NQ57API", "NQ57Wire", "NQ57Runtime", "NQ57Crypto", "EvidenceStorage",
                "NQ57Reports", "NQ57Sheets", "NQ57XLSX", "NQ57Calendar", "MetricsRules",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Services/Gateway/Web",
            resources: [.copy("Static")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "nq57-gateway",
            dependencies: ["GatewayCore", "GatewayWeb", "NQ57Runtime"],
            path: "Services/Gateway/Main",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "AuthIdentity",
            dependencies: ["NQ57Crypto", "NQ57Calendar", .product(name: "JWTKit", package: "jwt-kit")],
            path: "Services/Auth/Identity",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ReviewRules",
            dependencies: ["NQ57Calendar"],
            path: "Shared/Review",
            swiftSettings: swiftSettings
        ),
        serviceCore("AuthCore", folder: "Auth", extra: ["NQ57Tokens", "NQ57Crypto", "AuthIdentity"]),
        serviceMain("nq57-auth", folder: "Auth", core: "AuthCore"),
        .target(
            name: "TasksRules",
            dependencies: ["NQ57Calendar"],
            path: "Services/Tasks/Rules",
            swiftSettings: swiftSettings
        ),
        serviceCore("TasksCore", folder: "Tasks", extra: ["TasksRules", "ReviewRules", "NQ57Mail",
                                                       .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")]),
        serviceMain("nq57-tasks", folder: "Tasks", core: "TasksCore"),
        .target(
            name: "EvidenceStorage",
            dependencies: ["NQ57Crypto", .product(name: "NIOCore", package: "swift-nio")],
            path: "Services/Evidence/Storage",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "EvidenceS3Store",
            dependencies: nio + ["EvidenceStorage", "NQ57S3", "NQ57Crypto"],
            path: "Services/Evidence/S3Store",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "EvidenceLog",
            dependencies: ["NQ57Crypto", "COpenSSL"],
            path: "Services/Evidence/Log",
            swiftSettings: swiftSettings
        ),
        serviceCore("EvidenceCore", folder: "Evidence", extra: ["EvidenceStorage", "EvidenceS3Store", "NQ57S3", "EvidenceLog", "ReviewRules"]),
        serviceMain("nq57-evidence", folder: "Evidence", core: "EvidenceCore"),
        .target(
            name: "MetricsRules",
            dependencies: ["NQ57Calendar", "NQ57Sheets"],
            path: "Services/Metrics/Rules",
            swiftSettings: swiftSettings
        ),
        serviceCore("MetricsCore", folder: "Metrics", extra: ["MetricsRules", "NQ57Calendar", "ReviewRules"]),
        serviceMain("nq57-metrics", folder: "Metrics", core: "MetricsCore"),
        .target(
            name: "NQ57CLICore",
            dependencies: nio + [
                "NQ57Wire", "NQ57API", "NQ57Runtime", "NQ57Crypto", "TasksCore", "EvidenceLog", "EvidenceCore", "EvidenceS3Store",
                "EvidenceStorage", "NQ57S3", "MetricsCore",
                "NQ57Calendar", "NQ57Processes", "UnitRules", "NQ57Reports", "NQ57Sheets", "NQ57XLSX",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Services/CLI/Core",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "nq57",
            dependencies: ["NQ57CLICore"],
            path: "Services/CLI/Main",
            swiftSettings: swiftSettings
        ),

        // MARK: Tests
        .testTarget(
            name: "WireTests",
            dependencies: nio + ["NQ57Wire", "NQ57API", "NQ57Crypto", "NQ57TestSupport"],
            path: "Tests/WireTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MailTests",
            dependencies: ["NQ57Mail", "NQ57TestSupport"],
            path: "Tests/MailTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "XLSXTests",
            dependencies: ["NQ57XLSX", "NQ57Sheets", "NQ57Calendar", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/XLSXTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["NQ57Reports", "NQ57API", "NQ57Wire", "NQ57Sheets", "NQ57Calendar", "TasksRules", "MetricsRules"],
            path: "Tests/ReportsTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "APITests",
            dependencies: ["NQ57API", "NQ57Wire"],
            path: "Tests/APITests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "UnitRulesTests",
            dependencies: ["UnitRules"],
            path: "Tests/UnitRulesTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CryptoTests",
            dependencies: ["NQ57Crypto"],
            path: "Tests/CryptoTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "S3Tests",
            dependencies: nio + ["NQ57S3", "NQ57Crypto", "NQ57TestSupport"],
            path: "Tests/S3Tests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AuthIdentityTests",
            dependencies: ["AuthIdentity", .product(name: "JWTKit", package: "jwt-kit"),
                           .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "_CryptoExtras", package: "swift-crypto")],
            path: "Tests/AuthIdentityTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AuthTests",
            dependencies: ["AuthCore", "NQ57API", "NQ57Wire", "NQ57Tokens", "NQ57Runtime", "AuthIdentity", "NQ57TestSupport",
                           .product(name: "JWTKit", package: "jwt-kit")],
            path: "Tests/AuthTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ReviewRulesTests",
            dependencies: ["ReviewRules", "NQ57Calendar"],
            path: "Tests/ReviewRulesTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TasksRulesTests",
            dependencies: ["TasksRules"],
            path: "Tests/TasksRulesTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TasksTests",
            dependencies: ["TasksCore", "TasksRules", "NQ57API", "NQ57Wire", "NQ57Runtime", "NQ57TestSupport", "UnitRules", "NQ57Mail", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/TasksTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MetricsRulesTests",
            dependencies: ["MetricsRules", "NQ57Calendar"],
            path: "Tests/MetricsRulesTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MetricsTests",
            dependencies: ["MetricsCore", "MetricsRules", "NQ57API", "NQ57Wire", "NQ57Runtime", "NQ57TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/MetricsTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WebDriverTests",
            dependencies: ["NQ57WebDriver"],
            path: "Tests/WebDriverTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TelemetryTests",
            dependencies: ["NQ57Telemetry"],
            path: "Tests/TelemetryTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EvidenceLogTests",
            dependencies: ["EvidenceLog", "NQ57Crypto"],
            path: "Tests/EvidenceLogTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EvidenceStorageTests",
            dependencies: ["EvidenceStorage", "NQ57Crypto"],
            path: "Tests/EvidenceStorageTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EvidenceS3StoreTests",
            dependencies: nio + ["EvidenceS3Store", "EvidenceStorage", "NQ57S3", "NQ57Crypto", "NQ57TestSupport"],
            path: "Tests/EvidenceS3StoreTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EvidenceTests",
            dependencies: nio + ["EvidenceCore", "EvidenceStorage", "EvidenceS3Store", "NQ57S3", "EvidenceLog", "ReviewRules", "NQ57API", "NQ57Wire", "NQ57Runtime",
                                 "NQ57TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/EvidenceTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RuntimeTests",
            dependencies: ["NQ57Runtime", "NQ57Calendar", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/RuntimeTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GatewayTests",
            dependencies: ["GatewayCore", "GatewayWebParsing", "NQ57API", "NQ57Wire", "NQ57Tokens", "NQ57Runtime", "NQ57TestSupport",
                           .product(name: "HummingbirdCore", package: "hummingbird"),
                           .product(name: "InMemoryLogging", package: "swift-log")],
            path: "Tests/GatewayTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CalendarTests",
            dependencies: ["NQ57Calendar"],
            path: "Tests/CalendarTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TokensTests",
            dependencies: ["NQ57Tokens", "NQ57API"],
            path: "Tests/TokensTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GatewayWebTests",
            dependencies: ["GatewayWeb", "NQ57Wire", "NQ57API"],
            path: "Tests/GatewayWebTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CLICoreTests",
            dependencies: ["NQ57CLICore", "NQ57API"],
            path: "Tests/CLICoreTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "UpgradeTests",
            dependencies: ["AuthCore", "TasksCore", "MetricsCore", "EvidenceCore", "NQ57Runtime", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/UpgradeTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["NQ57TestSupport", "NQ57S3", "NQ57API", "NQ57Wire", "NQ57Crypto", "NQ57Tokens", "NQ57Telemetry", "NQ57WebDriver",
                           .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
                           .product(name: "JWTKit", package: "jwt-kit")],
            path: "Tests/IntegrationTests",
            swiftSettings: swiftSettings
        ),
    ]
)

// MARK: Fuzzing
// libFuzzer targets, declared only for `Tests/Fuzz/run.sh` (which sets NQ57_FUZZ=1 and builds
// with `--sanitize=fuzzer` in its own scratch path): they have no `main`, libFuzzer brings it,
// so the ordinary build must not see them.
if Context.environment["NQ57_FUZZ"] == "1" {
    package.targets += [
        .executableTarget(
            name: "FuzzWire",
            dependencies: nio + ["NQ57Wire", .product(name: "NIOEmbedded", package: "swift-nio")],
            path: "Tests/Fuzz/Wire",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "FuzzHTTP",
            dependencies: nio + ["GatewayWebParsing", "NQ57API", "NQ57Wire", .product(name: "HummingbirdCore", package: "hummingbird")],
            path: "Tests/Fuzz/HTTP",
            swiftSettings: swiftSettings
        ),
    ]
}

// MARK: Benchmarks
// package-benchmark targets (Tests/Benchmarks/), declared only with NQ57_BENCH=1, as `Tests/Benchmarks/run.sh`
// sets it, so `swift build --build-tests` and `swift test` never build them.
if Context.environment["NQ57_BENCH"] == "1" {
    func benchmark(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
        .executableTarget(
            name: name,
            dependencies: [.product(name: "Benchmark", package: "package-benchmark")] + dependencies,
            path: "Tests/Benchmarks/\(name)",
            swiftSettings: swiftSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        )
    }
    package.targets += [
        benchmark("WireBenchmarks", nio + ["NQ57Wire", .product(name: "NIOEmbedded", package: "swift-nio")]),
        benchmark("RulesBenchmarks", ["TasksRules", "MetricsRules", "NQ57Calendar"]),
        benchmark("EvidenceLogBenchmarks", ["EvidenceLog"]),
    ]
}
