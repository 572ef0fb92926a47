import Testing

@testable import AuthIdentity

@Suite("ConstantTime")
struct ConstantTimeTests {
    @Test("equal strings are equal; any difference in content or length is not")
    func equality() {
        #expect(ConstantTime.equals("", ""))
        #expect(ConstantTime.equals("n-0S6_WzA2Mj", "n-0S6_WzA2Mj"))
        #expect(ConstantTime.equals("Đồng Nai", "Đồng Nai"))
        #expect(!ConstantTime.equals("n-0S6_WzA2Mj", "n-0S6_WzA2Mk"))
        #expect(!ConstantTime.equals("n-0S6_WzA2Mj", "m-0S6_WzA2Mj"))
        #expect(!ConstantTime.equals("n-0S6_WzA2Mj", "n-0S6_WzA2M"))
        #expect(!ConstantTime.equals("n-0S6_WzA2Mj", "n-0S6_WzA2Mjj"))
        #expect(!ConstantTime.equals("abc", ""))
    }
}
