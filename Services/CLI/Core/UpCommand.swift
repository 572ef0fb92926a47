import ArgumentParser
import Foundation
import Logging
import NQ57API
import NQ57Calendar
import NQ57Crypto
import NQ57Runtime
import ServiceLifecycle

/// `nq57 up`: the whole system on this machine, until Ctrl-C or SIGTERM.
struct UpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up",
        abstract: "Chạy toàn bộ hệ thống trên máy này (các dịch vụ và cổng), dữ liệu trong một thư mục.",
        discussion: "Dừng bằng Ctrl-C hoặc SIGTERM. Dịch vụ nào dừng bất thường sẽ được khởi động lại.")

    @Option(name: .long, help: "Thư mục dữ liệu (env NQ57_HOME; mặc định ./.nq57).")
    var data: String?

    @Option(name: .long, help: "Mức ghi log của các dịch vụ: trace, debug, info, warning, error.")
    var logLevel: String = "info"

    @Option(name: .long, help: "Số giây chờ trước khi khởi động lại một dịch vụ bị dừng.")
    var restartDelay: Double = 1

    @Option(name: .long, help: "Thư mục chứa các chương trình nq57-* (mặc định: cùng thư mục với nq57).")
    var binDir: String?

    @Option(name: .long, help: "Cho hệ thống chạy như thể hôm nay là ngày này (yyyy-MM-dd), để thử và trình diễn.")
    var now: String?

    @Option(name: .long, help: "Địa chỉ web (bảng điều khiển và API HTTP) HOST:PORT; cổng 0 chọn cổng trống; off để tắt (env NQ57_HTTP; mặc định 127.0.0.1:8057).")
    var http: String?

    @Flag(name: .long, help: "Trên thư mục dữ liệu trống: nạp đơn vị, kế hoạch, chỉ tiêu (seeds/) và một năm lịch sử minh họa trước khi chạy.")
    var demo = false

    @Option(name: .long, help: "Thư mục dữ liệu gốc cho --demo (mặc định: seeds cài kèm chương trình, rồi ./seeds).")
    var seeds: String?

    func validate() throws {
        if let now, NQ57Clock.parseDay(now) == nil {
            throw ValidationError("--now phải là một ngày dạng yyyy-MM-dd, không phải \"\(now)\".")
        }
    }

    func run() async throws {
        let settings = CommandSettings.resolve([(SettingsCatalog.data, data), (SettingsCatalog.http, http), (SettingsCatalog.now, now)])
        let address = GatewayAddress(data: settings.dataRoot)
        LoggingSystem.bootstrapLogfmt(service: "up", level: .info)
        let logger = Logger(label: "nq57.up")
        let configuration = Supervisor.Configuration(
            binDirectory: binDir ?? Supervisor.ownDirectory(), dataRoot: address.dataRoot, logLevel: logLevel, restartDelay: restartDelay,
            environment: (settings.today.map { ["NQ57_NOW": $0] } ?? [:]).merging(["NQ57_HTTP": settings.web.address ?? "127.0.0.1:8057"]) { _, new in new })
        if demo {
            if DemoStart.isEmpty(dataRoot: address.dataRoot) {
                let configured = settings.adminPassword
                let password = configured ?? SecureRandom.token(bytes: 12)
                let finalDay = Day(settings.clock.now)
                try await DemoStart(configuration: configuration, address: address, seeds: try SeedsFolder.locate(explicit: seeds),
                                    finalDay: finalDay, logger: logger)
                    .run(adminPassword: password)
                if configured == nil { print("Tài khoản quản trị: admin, mật khẩu \(password) (chỉ in một lần).") }
                print("Tài khoản minh họa: minhhoa.cv.binhtan, minhhoa.tp.binhtan, minhhoa.vp.binhtan, minhhoa.vp.tinh, minhhoa.ld.tinh …; mật khẩu \(DemoHistory.password).")
            } else {
                print("Thư mục dữ liệu \(address.dataRoot) đã có dữ liệu: bỏ qua --demo.")
            }
        }
        let supervisor = Supervisor(configuration: configuration, logger: logger)
        // The group traps SIGTERM and SIGINT before any child starts, so a stop request at any
        // moment reaches the supervisor and no child is left behind.
        let group = ServiceGroup(services: [SupervisorService(supervisor: supervisor, address: address)],
                                 gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
        print("nq57 đã dừng.")
    }
}

/// Keeps the supervisor running until a graceful shutdown, then stops its children.
struct SupervisorService: Service {
    let supervisor: Supervisor
    let address: GatewayAddress

    /// The gateway's web address once it listens (it writes it a moment after starting), or nil
    /// when HTTP is off.
    func webAddress() async -> String? {
        guard supervisor.configuration.environment["NQ57_HTTP"] != "off" else { return nil }
        for _ in 0..<30 {
            if let data = FileManager.default.contents(atPath: "\(address.dataRoot)/run/http.addr"), !data.isEmpty {
                return String(decoding: data, as: UTF8.self)
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }

    func run() async throws {
        try supervisor.start()
        let client = address.makeClient()
        do {
            let report = try await supervisor.waitUntilHealthy(client: client, timeout: 60)
            print(StatusTable.render(report))
            print("nq57 đã sẵn sàng. Cổng: \(address.socketPath). Dữ liệu: \(address.dataRoot). Dừng: Ctrl-C.")
            if let web = await webAddress() { print("Bảng điều khiển trên trình duyệt: \(web)/") }
            fflush(nil)  // reach a pipe or journald now, not at exit
        } catch {
            await client.close()
            await supervisor.stop()
            throw error
        }
        await client.close()
        try? await gracefulShutdown()
        await supervisor.stop()
    }
}
