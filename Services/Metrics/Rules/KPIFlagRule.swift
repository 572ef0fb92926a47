/// Why a KPI is flagged: the plans' red-flag rules, and the warning of a period not reported.
public enum KPIFlagRule: String, Choice {
    /// Less than half the progress the time roadmap expects.
    case behindRoadmap
    /// The milestone has passed and its target is not reached.
    case overdue
    /// The value was sent back on review: of poor quality until fixed.
    case sentBack
    /// No accepted value for a period already due.
    case notReported

    /// Reads one of the choices, refusing any other string in Vietnamese (`Choice`).
    public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }

    /// Red for the plans' rules, yellow for a missing report.
    public var level: KPIFlagLevel { self == .notReported ? .yellow : .red }

    /// The rule in the plans' words.
    public var displayName: String {
        switch self {
        case .behindRoadmap: "Tỷ lệ hoàn thành thấp hơn 50% so với lộ trình thời gian"
        case .overdue: "Đã quá hạn so với mục tiêu"
        case .sentBack: "Bị đánh giá là thiếu chất lượng sau khi thẩm định minh chứng"
        case .notReported: "Chưa có số liệu được chấp nhận cho kỳ báo cáo đã đến hạn"
        }
    }
}

/// How serious a KPI flag is.
public enum KPIFlagLevel: String, Choice {
    /// A red flag (cảnh báo đỏ).
    case red
    /// A warning.
    case yellow

    /// Reads one of the choices, refusing any other string in Vietnamese (`Choice`).
    public init(from decoder: any Decoder) throws { self = try Self.decodeChoice(from: decoder) }

    /// The Vietnamese name: "Đỏ" or "Vàng".
    public var displayName: String {
        switch self {
        case .red: "Đỏ"
        case .yellow: "Vàng"
        }
    }
}
