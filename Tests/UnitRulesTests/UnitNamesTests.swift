import Testing
import UnitRules

/// One name whatever the keyboard did; a real rename is a different name.
@Suite struct UnitNamesTests {
    @Test("Hòa and Hoà (the tone mark on another vowel) are one name, as in seeds/units.json", arguments: [
        ("Phường Biên Hòa", "Phường Biên Hoà"), ("Xã Phú Hòa", "Xã Phú Hoà"), ("Xã Xuân Hòa", "Xã Xuân Hoà"),
        ("Xã Xuân Hòa", "Xã Xuân Hoa\u{0300}"), ("  Xã Phú Hòa ", "xã phú hoà"),
    ])
    func sameName(_ first: String, _ second: String) {
        #expect(UnitNames.same(first, second))
    }

    @Test("A different word, tone or letter is a different name", arguments: [
        ("Xã Lộc Ninh", "Phường Lộc Ninh"), ("Xã Phú Hòa", "Xã Phú Hóa"), ("Xã Phú Hòa", "Xã Phú Hoa"),
        ("Tỉnh Đồng Nai", "Thành phố Đồng Nai"), ("Xã Bình Tân", "Xã Bình Tấn"),
    ])
    func differentName(_ first: String, _ second: String) {
        #expect(!UnitNames.same(first, second))
    }

    @Test("The name in force on a day is the last one started by then, else the first")
    func inForce() {
        let names = [("Xã Lộc Ninh", "2025-07-01"), ("Phường Lộc Ninh", "2026-04-30")]
        #expect(UnitNames.inForce(names, on: "2026-04-29") { $0.1 }?.0 == "Xã Lộc Ninh")
        #expect(UnitNames.inForce(names, on: "2026-04-30") { $0.1 }?.0 == "Phường Lộc Ninh")
        #expect(UnitNames.inForce(names, on: "2020-01-01") { $0.1 }?.0 == "Xã Lộc Ninh")
    }
}
