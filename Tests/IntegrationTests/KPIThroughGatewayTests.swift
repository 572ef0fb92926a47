import Foundation
import NIOCore
import NQ57API
import NQ57Telemetry
import NQ57TestSupport
import NQ57Wire
import Testing

/// Indicators through the real gateway, metrics, evidence and auth services.
@Suite(.serialized)
struct KPIThroughGatewayTests {
    /// A province with three communes, a staff member and a head who cover it, and a reviewer.
    private func province(_ system: TestSystem) async throws -> (admin: String, staff: String, head: String, reviewer: String) {
        let client = system.client
        let admin = try await system.login()
        _ = try await client.call(AuthUnitsCreate.self, .init(id: "vn-75", parentId: "vn", kind: .province, code: "75",
                                                              names: [UnitName(name: "Tỉnh Đồng Nai", validFrom: "2025-07-01")]), token: admin)
        for (code, name) in [("25246", "Xã Bình Tân"), ("25326", "Phường Bình Long"), ("26068", "Xã Phú Lý")] {
            _ = try await client.call(AuthUnitsCreate.self, .init(id: "vn-75-\(code)", parentId: "vn-75", kind: .commune, code: code,
                                                                  names: [UnitName(name: name, validFrom: "2025-07-01")]), token: admin)
        }
        for (user, role) in [("cv.tinh", Role.staff), ("ld.tinh", .head), ("vp.tinh", .reviewer)] {
            _ = try await client.call(AuthUsersAdd.self, AuthUsersAdd.Params(username: user, displayName: user, unitId: "vn-75",
                                                                             password: "mat-khau-thu-nghiem"), token: admin)
            _ = try await client.call(AuthUsersGrant.self, GrantParams(username: user, role: role, unitId: "vn-75"), token: admin)
        }
        return (admin, try await system.login("cv.tinh", password: "mat-khau-thu-nghiem"),
                try await system.login("ld.tinh", password: "mat-khau-thu-nghiem"),
                try await system.login("vp.tinh", password: "mat-khau-thu-nghiem"))
    }

    private func upload(_ client: RPCClient, unitId: String, token: String) async throws -> String {
        let pdf = Array("%PDF-1.4\n% bảng tổng hợp hồ sơ trực tuyến \(unitId)\n".utf8)
        let start = try await client.call(EvidenceUploadStart.self, .init(unitId: unitId, fileName: "Tổng hợp hồ sơ.pdf"), token: token)
        _ = try await client.call(EvidenceUploadChunk.self, .init(uploadId: start.uploadId, unitId: unitId, offset: 0), token: token,
                                  bulk: ByteBuffer(bytes: pdf))
        return try await client.call(EvidenceUploadFinish.self, .init(uploadId: start.uploadId, unitId: unitId), token: token).id
    }

    @Test("A ratio reported by three communes with different denominators rolls up to the weighted ratio, not the mean of ratios")
    func weightedRatioThroughGateway() async throws {
        let system = try await TestSystem(environment: ["NQ57_NOW": "2026-03-10"])
        let client = system.client
        let users = try await province(system)
        let indicator = try await client.call(MetricsIndicatorCreate.self, .init(
            ownerUnitId: "vn-75", planNumber: "01-KH/TU", code: "CDS-01", name: "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến",
            group: "Chuyển đổi số", measure: .percent, unitOfMeasure: "%", direction: .atLeast, rollUp: .weightedRatio,
            reportedBy: .children, frequency: .month, baseline: 30, baselineOn: "2026-01-01"), token: users.reviewer)
        _ = try await client.call(MetricsTargetSet.self, .init(indicatorId: indicator.id, unitId: "vn-75", milestone: "2026-12-31",
                                                              target: "≥ 70"), token: users.reviewer)
        for (unit, numerator, denominator) in [("vn-75-25246", 50.0, 100.0), ("vn-75-25326", 900.0, 1000.0), ("vn-75-26068", 1.0, 10.0)] {
            let evidence = try await upload(client, unitId: unit, token: users.staff)
            _ = try await client.call(MetricsReport.self, .init(indicatorId: indicator.id, unitId: unit, period: "2026-02", numerator: numerator,
                                                                denominator: denominator, evidenceIds: [evidence]), token: users.staff)
            await #expect(throws: RPCError.self, "staff does not submit") {
                _ = try await client.call(MetricsSubmit.self, .init(indicatorId: indicator.id, unitId: unit, period: "2026-02"), token: users.staff)
            }
            _ = try await client.call(MetricsSubmit.self, .init(indicatorId: indicator.id, unitId: unit, period: "2026-02"), token: users.head)
            let accepted = try await client.call(MetricsReview.self, .init(indicatorId: indicator.id, unitId: unit, period: "2026-02",
                                                                           decision: .accept), token: users.reviewer)
            #expect(accepted.state == .accepted)
        }
        let rolled = try await client.call(MetricsRollUp.self, .init(indicatorId: indicator.id, unitId: "vn-75", period: "2026-02"),
                                           token: users.head)
        let value = try #require(rolled.total.value)
        #expect(abs(value - 951.0 / 1110.0 * 100) < 1e-9)
        #expect(abs(value - (50.0 + 90 + 10) / 3) > 30)
        #expect(rolled.total.valueText == "85,68")
        #expect(rolled.children.first?.unitId == "vn-75-25326" && rolled.children.first?.rank == 1)
        #expect(rolled.missing.isEmpty)

        let export = try await client.call(MetricsExport.self, .init(view: .rollup, unitId: "vn-75", indicatorId: indicator.id,
                                                                     period: "2026-02"), token: users.head)
        #expect(export.csv.hasPrefix("\u{FEFF}Hạng,Đơn vị,Mã đơn vị,Giá trị"), "the name, then the code")
        #expect(export.csv.contains("\"85,68\""))
        #expect(export.rows == 4)

        // The same from the command line, logged in as the head.
        let common = ["--data", system.root, "--session", "\(system.root)/ld.json"]
        let login = try await ChildProcess.run("nq57", ["login", "--user", "ld.tinh", "--password-stdin"] + common, input: "mat-khau-thu-nghiem\n")
        #expect(login.status == 0, "\(login.stderr)")
        let cliRollUp = try await ChildProcess.run("nq57", ["kpi", "rollup", indicator.id, "--unit", "vn-75", "--period", "2026-02"] + common)
        #expect(cliRollUp.status == 0, "\(cliRollUp.stderr)")
        #expect(cliRollUp.stdout.contains("85,68"))
        #expect(cliRollUp.stdout.contains("Phường Bình Long") && !cliRollUp.stdout.contains("vn-75-25326"),
                "a table for people names units; the codes are in --json")
        let cliList = try await ChildProcess.run("nq57", ["kpi", "list", "--unit", "vn-75"] + common)
        #expect(cliList.status == 0, "\(cliList.stderr)")
        #expect(cliList.stdout.contains("ĐƠN VỊ CHỦ TRÌ") && cliList.stdout.contains("Tỉnh Đồng Nai") && cliList.stdout.contains("Tỷ lệ có trọng số"),
                "an aligned table with headers and words: \(cliList.stdout)")
        #expect(!cliList.stdout.contains("weightedRatio") && !cliList.stdout.contains("\t"))
        let file = "\(system.root)/tong-hop.csv"
        let cliExport = try await ChildProcess.run("nq57", ["kpi", "export", "--view", "series", "--indicator", indicator.id, "--unit", "vn-75",
                                                            "-o", file] + common)
        #expect(cliExport.status == 0, "\(cliExport.stderr)")
        let bytes = try #require(FileManager.default.contents(atPath: file))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes, as: UTF8.self).contains("Tháng 2/2026"))
        #expect(await system.stop() == 0)
    }

    @Test("Bad KPI input is refused naming the field, and the service keeps serving")
    func badInput() async throws {
        let system = try await TestSystem(environment: ["NQ57_NOW": "2026-03-10"])
        let client = system.client
        let users = try await province(system)
        let count = try await client.call(MetricsIndicatorCreate.self, .init(
            ownerUnitId: "vn-75", code: "KH-01", name: "Số doanh nghiệp khoa học công nghệ", group: "Khoa học công nghệ",
            measure: .count, direction: .atLeast, rollUp: .sum, reportedBy: .children, frequency: .quarter,
            baselineOn: "2026-01-01"), token: users.reviewer)
        let evidence = try await upload(client, unitId: "vn-75-25246", token: users.staff)
        // Text for a count, sent as raw JSON the typed client would never produce.
        let reply = try await client.send(RequestEnvelope(id: MessageID(9), method: "metrics.report", params: try RawJSON("""
            {"indicatorId":"\(count.id)","unitId":"vn-75-25246","period":"2026-Q1","value":"mười hai","evidenceIds":["\(evidence)"]}
            """), token: users.staff))
        guard case .failure(let textError) = reply.outcome else { Issue.record("text for a count was accepted"); return }
        #expect(textError.code == .invalidArgument)
        #expect(textError.details?["field"] == "value")
        let cases: [(MetricsReport.Params, String)] = [
            (.init(indicatorId: count.id, unitId: "vn-75-25246", period: "2026-Q1", value: -3, evidenceIds: [evidence]), "value"),
            (.init(indicatorId: count.id, unitId: "vn-75-25246", period: "2026-Q1", value: 2.5, evidenceIds: [evidence]), "value"),
            (.init(indicatorId: count.id, unitId: "vn-75-25246", period: "2026-02", value: 3, evidenceIds: [evidence]), "period"),
            (.init(indicatorId: count.id, unitId: "vn-75-25246", period: "2026-Q1", value: 3, evidenceIds: []), "evidenceIds"),
        ]
        for (params, field) in cases {
            let error = await #expect(throws: RPCError.self) { _ = try await client.call(MetricsReport.self, params, token: users.staff) }
            #expect(error?.code == .invalidArgument)
            #expect(error?.details?["field"] == field, "\(params) should name \(field)")
        }
        // A percentage capped at 100, and a ratio whose denominator is zero or below its numerator.
        let share = try await client.call(MetricsIndicatorCreate.self, .init(
            ownerUnitId: "vn-75", code: "CDS-02", name: "Tỷ lệ người dân có chữ ký số", group: "Chuyển đổi số", measure: .percent,
            unitOfMeasure: "%", direction: .atLeast, rollUp: .average, reportedBy: .children, frequency: .quarter,
            baselineOn: "2026-01-01"), token: users.reviewer)
        let ratio = try await client.call(MetricsIndicatorCreate.self, .init(
            ownerUnitId: "vn-75", code: "CDS-03", name: "Tỷ lệ hồ sơ trực tuyến", group: "Chuyển đổi số", measure: .percent,
            unitOfMeasure: "%", direction: .atLeast, rollUp: .weightedRatio, reportedBy: .children, frequency: .quarter,
            baselineOn: "2026-01-01"), token: users.reviewer)
        let ratioCases: [(MetricsReport.Params, String)] = [
            (.init(indicatorId: share.id, unitId: "vn-75-25246", period: "2026-Q1", value: 130, evidenceIds: [evidence]), "value"),
            (.init(indicatorId: ratio.id, unitId: "vn-75-25246", period: "2026-Q1", numerator: 5, denominator: 0, evidenceIds: [evidence]), "denominator"),
            (.init(indicatorId: ratio.id, unitId: "vn-75-25246", period: "2026-Q1", numerator: 50, denominator: 40, evidenceIds: [evidence]), "denominator"),
            (.init(indicatorId: ratio.id, unitId: "vn-75-25246", period: "2026-Q1", value: 50, evidenceIds: [evidence]), "numerator"),
        ]
        for (params, field) in ratioCases {
            let error = await #expect(throws: RPCError.self) { _ = try await client.call(MetricsReport.self, params, token: users.staff) }
            #expect(error?.code == .invalidArgument)
            #expect(error?.details?["field"] == field, "\(params) should name \(field)")
        }
        // A commune's staff does not report for another commune.
        _ = try await client.call(AuthUsersAdd.self, AuthUsersAdd.Params(username: "cv.binhtan", displayName: "cv.binhtan", unitId: "vn-75-25246",
                                                                         password: "mat-khau-thu-nghiem"), token: users.admin)
        _ = try await client.call(AuthUsersGrant.self, GrantParams(username: "cv.binhtan", role: .staff, unitId: "vn-75-25246"), token: users.admin)
        let commune = try await system.login("cv.binhtan", password: "mat-khau-thu-nghiem")
        let foreign = await errorCode {
            _ = try await client.call(MetricsReport.self, .init(indicatorId: count.id, unitId: "vn-75-25326", period: "2026-Q1", value: 3,
                                                                evidenceIds: [evidence]), token: commune)
        }
        #expect(foreign == .permissionDenied)
        let target = await #expect(throws: RPCError.self) {
            _ = try await client.call(MetricsTargetSet.self, .init(indicatorId: count.id, unitId: "vn-75", milestone: "2025", target: "10"),
                                      token: users.reviewer)
        }
        #expect(target?.details?["field"] == "milestone")
        // Still serving: a good report goes through.
        let good = try await client.call(MetricsReport.self, .init(indicatorId: count.id, unitId: "vn-75-25246", period: "2026-Q1", value: 3,
                                                                   evidenceIds: [evidence]), token: users.staff)
        #expect(good.state == .draft)
        #expect(await system.stop() == 0)
    }

    @Test("The gateway serves every service's request counts, errors and latency as Prometheus text")
    func opsMetrics() async throws {
        let system = try await TestSystem()
        let client = system.client
        let admin = try await system.login()
        _ = try await client.call(AuthUnitsList.self, AuthUnitsList.Params(), token: admin)
        let missing = await errorCode { _ = try await client.call(MetricsIndicatorGet.self, .init(indicatorId: "kpi-khong-co", unitId: "vn"), token: admin) }
        #expect(missing == .notFound)
        let result = try await client.call(SysMetrics.self, SysMetrics.Params())
        #expect(result.missing.isEmpty)
        let samples = try PrometheusText.parse(result.text)
        let services = Set(samples.compactMap { $0.labels["service"] })
        #expect(services == ["gateway", "auth", "tasks", "evidence", "metrics"])
        let listed = samples.first { $0.name == "nq57_requests_total" && $0.labels["service"] == "auth" && $0.labels["method"] == "auth.units.list" }
        #expect((listed?.value ?? 0) >= 1)
        #expect(samples.contains { $0.name == "nq57_request_errors_total" && $0.labels["service"] == "metrics"
            && $0.labels["method"] == "metrics.indicators.get" && $0.labels["code"] == "not_found" })
        #expect(samples.contains { $0.name == "nq57_request_errors_total" && $0.labels["service"] == "gateway"
            && $0.labels["method"] == "metrics.indicators.get" && $0.labels["code"] == "not_found" })
        #expect(samples.contains { $0.name == "nq57_request_duration_seconds_count" && $0.labels["service"] == "gateway" })
        let typeLines = result.text.split(separator: "\n").filter { $0.hasPrefix("# TYPE nq57_requests_total ") }
        #expect(typeLines.count == 1)
        // The same document over HTTP, where the data centre's Prometheus scrapes it.
        let http = HTTPTestClient(base: try await system.httpAddress())
        let scraped = try await http.send("GET", "/metrics")
        #expect(scraped.status == 200 && scraped.header("content-type")?.hasPrefix("text/plain; version=0.0.4") == true)
        #expect(Set(try PrometheusText.parse(scraped.text).compactMap { $0.labels["service"] }) == ["gateway", "auth", "tasks", "evidence", "metrics"])
        // The same document from the command line.
        let cli = try await ChildProcess.run("nq57", ["ops-metrics", "--data", system.root])
        #expect(cli.status == 0, "\(cli.stderr)")
        let fromCLI = try PrometheusText.parse(cli.stdout)
        #expect(fromCLI.contains { $0.name == "nq57_requests_total" && $0.labels["method"] == "sys.metrics" && $0.labels["service"] == "gateway" })
        #expect(await system.stop() == 0)
    }
}
