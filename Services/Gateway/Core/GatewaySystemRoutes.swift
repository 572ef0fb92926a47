import Foundation
import NIOCore
import NQ57API
import NQ57Calendar
import NQ57Runtime
import NQ57Telemetry
import NQ57Wire

/// The gateway's own `sys.*` methods: health of the whole system,
/// the description of every method it routes, the vocabulary, and the loopback diagnostic.
enum GatewaySystemRoutes {
    static func make(backends: Backends, sessions: SessionVerifier?, metrics: MethodMetrics, clock: NQ57Clock) -> MethodRoutes {
        var routes = MethodRoutes()
        let started = Date()
        let pid = ProcessInfo.processInfo.processIdentifier

        routes.on(SysHealth.self) { _, context in
            let services = await everyBackend { service in await checkHealth(of: service, backends: backends, context: context) }
                .sorted { $0.service < $1.service }
            let allUp = services.allSatisfy { $0.status == .ok }
            let sessionsReady = sessions?.isReady ?? true
            let message = !allUp ? "Một số dịch vụ không sẵn sàng."
                : !sessionsReady ? "Cổng chưa xác minh được phiên đăng nhập (chưa đọc được khóa hoặc danh sách thu hồi)." : nil
            var report = HealthReport(service: "gateway", status: allUp && sessionsReady ? .ok : .degraded, pid: pid,
                                      uptimeSeconds: Date().timeIntervalSince(started), message: message, services: services)
            report.today = clock.today
            return context.caller.seesSystemDetails ? report : report.redacted
        }

        routes.onLoop(SysVocabulary.self) { params, _ in
            Answer(try Vocabulary.answer(params, today: Day(clock.now)))
        }

        routes.onAnswer(SysLoopback.self) { params, context in
            try SystemRoutes.loopback(params, bulk: context.bulk, service: "gateway")
        }

        routes.on(SysMetrics.self) { _, _ in
            // Every backend's document and the gateway's own, merged so each family appears once.
            let answers = await everyBackend { service in
                (service.rawValue, try? await backends.client(service).call(SysMetrics.self, SysMetrics.Params(), timeout: .seconds(2)).text)
            }.sorted { $0.0 < $1.0 }
            return SysMetrics.Result(text: PrometheusText.merge([metrics.prometheusText(adding: ProcessMetrics.sample())] + answers.compactMap(\.1)),
                                     missing: answers.filter { $0.1 == nil }.map(\.0))
        }

        return routes
    }

    /// Asks every backend at once; the answers in the order of `ServiceName.allCases`.
    static func everyBackend<T: Sendable>(_ ask: @escaping @Sendable (ServiceName) async -> T) async -> [T] {
        await withTaskGroup(of: (Int, T).self) { group in
            for (index, service) in ServiceName.allCases.enumerated() {
                group.addTask { (index, await ask(service)) }
            }
            var answers: [(Int, T)] = []
            for await answer in group { answers.append(answer) }
            return answers.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// The backends' methods, which the gateway routes and so describes.
    static var routedMethods: [MethodDescription] {
        ServiceName.allCases.flatMap { APICatalog.methods(of: $0) }.map { (method: any APIMethod.Type) in describe(method) }
    }

    private static func describe<M: APIMethod>(_ method: M.Type) -> MethodDescription { MethodDescription(method) }

    /// Asks one backend for its health, turning failure into a `down` report.

    static func checkHealth(of service: ServiceName, backends: Backends, context: CallContext) async -> HealthReport {
        let started = ContinuousClock.now
        do {
            var report = try await backends.client(service).call(SysHealth.self, SysHealth.Params(), timeout: .seconds(2))
            report.latencyMilliseconds = (ContinuousClock.now - started) / .milliseconds(1)
            return report
        } catch let error as RPCError {
            return HealthReport(service: service.rawValue, status: .down, version: nil, message: error.message)
        } catch {
            return HealthReport(service: service.rawValue, status: .down, version: nil, message: "\(error)")
        }
    }
}

