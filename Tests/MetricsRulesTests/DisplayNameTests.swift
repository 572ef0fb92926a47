import Foundation
import Testing
@testable import MetricsRules

@Suite("Vietnamese names")
struct DisplayNameTests {
    @Test func names() {
        #expect(Measure.allCases.map(\.displayName) == ["Tỷ lệ (%)", "Số lượng", "Chỉ số", "Tiền (đồng)", "Hoàn thành/chưa"])
        #expect(Direction.allCases.map(\.displayName) == ["Tối thiểu (≥)", "Tối đa (≤)", "Đúng bằng", "Hoàn thành"])
        #expect(RollUpRule.allCases.map(\.displayName) == [
            "Cộng", "Tỷ lệ có trọng số (tử số/mẫu số)", "Trung bình", "Nhỏ nhất", "Lớn nhất", "Không tổng hợp",
        ])
    }

    @Test func namesAreNFC() {
        let names = Measure.allCases.map(\.displayName) + Direction.allCases.map(\.displayName)
            + RollUpRule.allCases.map(\.displayName) + CompletionStatus.allCases.map(\.displayName)
        for name in names {
            #expect(Array(name.unicodeScalars) == Array(name.precomposedStringWithCanonicalMapping.unicodeScalars))
        }
    }
}
