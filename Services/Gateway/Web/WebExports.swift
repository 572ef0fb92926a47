import Foundation
import HTTPTypes
import Hummingbird
import MetricsRules
import NIOCore
import NQ57API
import NQ57Calendar
import NQ57Reports
import NQ57Sheets
import NQ57Wire
import NQ57XLSX

/// Downloads built from the API as the browser's user may read it: the periodic report (JSON for
/// the print view, or XLSX), and any table as XLSX. Every figure comes through the gateway's own
/// request path, so the same policies hold as for `POST /api/METHOD`.
///
/// - `GET /export/report?unitId=U&period=2026-Q4&format=json|xlsx`
/// - `GET /export/tasks?view=tasks|flags|scores&unitId=U&asOf=D&format=csv|xlsx` (XLSX unless csv)
/// - `GET /export/kpi?view=dashboard|series|rollup|flags&unitId=U&…` as XLSX (the params of `metrics.export`; its CSV goes through `POST /api/metrics.export`)
struct WebExports: Sendable {
    let caller: GatewayCaller
    let auth: WebAuth

    /// The API as the request's user reads it.
    struct Reader: APIReader {
        let caller: GatewayCaller
        let token: String?
        func call<M: APIMethod>(_ method: M.Type, _ params: M.Params) async throws -> M.Result {
            try await caller.call(method, params, token: token).result
        }
    }

    func report(_ request: Request) async -> Response {
        await answer {
            let query = Self.query(request)
            let unitId = try Self.required(query, "unitId")
            let period = try Self.required(query, "period")
            let reader = Reader(caller: caller, token: await auth.credentials(for: request))
            let today = try await reader.call(SysHealth.self, SysHealth.Params()).today.flatMap(Day.init(iso:)) ?? Day(Date())
            let report = try await PeriodicReportBuilder(reader: reader, today: today).build(unitId: unitId, period: period)
            if query("format") == "xlsx" {
                return try Self.xlsx(report.workbook, fileName: "bao-cao-\(report.unitId)-\(report.period).xlsx")
            }
            return WebResponses.result(report)
        }
    }

    func tasks(_ request: Request) async -> Response {
        await answer {
            let query = Self.query(request)
            let unitId = try Self.required(query, "unitId")
            guard let view = TaskSheets.View(rawValue: try Self.required(query, "view")) else {
                throw RPCError(.invalidArgument, "Dạng xuất phải là tasks, flags hoặc scores.", details: ["field": "view"])
            }
            let asOf = query("asOf")
            let reader = Reader(caller: caller, token: await auth.credentials(for: request))
            let scope = UnitAsOf(unitId: unitId, asOf: asOf, programme: query("programme"))
            let sheet: Sheet
            switch view {
            case .tasks: sheet = TaskSheets.tasks(try await reader.call(TasksList.self, .init(unitId: unitId, asOf: asOf, programme: scope.programme)).tasks)
            case .flags: sheet = TaskSheets.flags(try await reader.call(TasksFlags.self, scope))
            case .scores: sheet = TaskSheets.scores(try await reader.call(TasksScores.self, scope))
            }
            let names = try await UnitNames.load(under: unitId, on: asOf, from: reader)
            let named = sheet.namingUnits(names.name)
            if query("format") == "csv" { return Self.csv(CSVDocument(named), fileName: "\(view.rawValue)-\(unitId).csv") }
            return try Self.xlsx(Workbook(title: named.name, sheets: [named]), fileName: "\(view.rawValue)-\(unitId).xlsx")
        }
    }

    func kpi(_ request: Request) async -> Response {
        await answer {
            let query = Self.query(request)
            guard let view = ExportView(rawValue: try Self.required(query, "view")) else {
                throw RPCError(.invalidArgument, "Dạng xuất phải là dashboard, series, rollup hoặc flags.", details: ["field": "view"])
            }
            let params = MetricsExport.Params(view: view, unitId: try Self.required(query, "unitId"), indicatorId: query("indicatorId"),
                                              period: query("period"), from: query("from"), to: query("to"), group: query("group"),
                                              asOf: query("asOf"), programme: query("programme"))
            let result = try await caller.call(MetricsExport.self, params, token: await auth.credentials(for: request)).result
            guard let table = result.table else { throw RPCError(.unavailable, "Dịch vụ chỉ tiêu chưa trả bảng có kiểu: chỉ xuất được CSV.") }
            let stem = result.fileName.hasSuffix(".csv") ? String(result.fileName.dropLast(4)) : result.fileName
            return try Self.xlsx(Workbook(title: table.name, sheets: [table]), fileName: "\(stem).xlsx")
        }
    }

    private func answer(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as RPCError {
            return WebResponses.error(error)
        } catch {
            return WebResponses.error(.internalFault)
        }
    }

    /// The query's parameters by name.
    private static func query(_ request: Request) -> (String) -> String? {
        let parameters = request.uri.queryParameters
        return { name in parameters[Substring(name)].map(String.init).flatMap { $0.isEmpty ? nil : $0 } }
    }

    private static func required(_ query: (String) -> String?, _ name: String) throws -> String {
        guard let value = query(name) else { throw RPCError(.invalidArgument, "Thiếu tham số \"\(name)\".", details: ["field": name]) }
        return value
    }

    /// An XLSX download, saved under `fileName`.
    static func xlsx(_ workbook: Workbook, fileName: String) throws -> Response {
        download(try XLSXWriter.data(workbook), mediaType: XLSXWriter.mediaType, fileName: fileName)
    }

    /// A CSV download (UTF-8 with BOM, for Excel), saved under `fileName`.
    static func csv(_ document: CSVDocument, fileName: String) -> Response {
        download(document.data(), mediaType: "text/csv; charset=utf-8", fileName: fileName)
    }

    private static func download(_ data: Data, mediaType: String, fileName: String) -> Response {
        let ascii = String(fileName.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 32 ? Character($0) : "_" })
        return Response(status: .ok, headers: [
            .contentType: mediaType,
            .contentDisposition: "attachment; filename=\"\(ascii)\"",
            .cacheControl: "private, no-store",
        ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
