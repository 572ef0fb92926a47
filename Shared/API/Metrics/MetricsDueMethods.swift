import Foundation

/// `metrics.dueItems`: the KPI values not yet submitted for a period that ends within a week
/// or has ended (the previous and the current period of each indicator): the reminder runner's
/// source, for the tasks service only.
public enum MetricsDueItems: APIMethod {
    public static let name = "metrics.dueItems"
    public static let summary = "KPI values not yet submitted for the period just ended or ending within a week, per reporting unit (internal)."
    public static let policy = AccessPolicy.gatewayOnly
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var asOf: String
        public init(asOf: String) { self.asOf = asOf }
        public static var fieldDocs: [String: String] { ["asOf": "the day (yyyy-MM-dd)"] }
    }
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var items: [DueItem]
        public init(items: [DueItem]) { self.items = items }
        public static var fieldDocs: [String: String] { ["items": "by unit, indicator and period"] }
    }
}
