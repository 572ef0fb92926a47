import Foundation
import Testing
@testable import TasksRules

/// Folding Vietnamese marks away, so OCR-damaged words still match.
@Suite struct VietnameseFoldingTests {
    @Test("The table holds all 12 vowels × 6 tones and đ, each a single NFC scalar")
    func tableIsComplete() {
        let forms = VietnameseFolding.table.flatMap { Array($0.forms) }
        // 12 vowels × 6 tones, less the 6 bare vowels a e i o u y, plus đ.
        #expect(forms.count == 12 * 6 - 6 + 1)
        #expect(Set(forms).count == forms.count)
        for form in forms {
            #expect(form.unicodeScalars.count == 1, "\(form) is not precomposed")
            #expect(String(form) == String(form).precomposedStringWithCanonicalMapping)
        }
    }

    @Test("Every marked letter, lower and upper case, folds to its base letter")
    func everyLetter() {
        #expect(VietnameseFolding.fold("àáảãạăằắẳẵặâầấẩẫậ") == String(repeating: "a", count: 17))
        #expect(VietnameseFolding.fold("ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ") == String(repeating: "A", count: 17))
        #expect(VietnameseFolding.fold("èéẻẽẹêềếểễệ") == String(repeating: "e", count: 11))
        #expect(VietnameseFolding.fold("ÈÉẺẼẸÊỀẾỂỄỆ") == String(repeating: "E", count: 11))
        #expect(VietnameseFolding.fold("ìíỉĩịÌÍỈĨỊ") == "iiiiiIIIII")
        #expect(VietnameseFolding.fold("òóỏõọôồốổỗộơờớởỡợ") == String(repeating: "o", count: 17))
        #expect(VietnameseFolding.fold("ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ") == String(repeating: "O", count: 17))
        #expect(VietnameseFolding.fold("ùúủũụưừứửữự") == String(repeating: "u", count: 11))
        #expect(VietnameseFolding.fold("ÙÚỦŨỤƯỪỨỬỮỰ") == String(repeating: "U", count: 11))
        #expect(VietnameseFolding.fold("ỳýỷỹỵỲÝỶỸỴ") == "yyyyyYYYYY")
        #expect(VietnameseFolding.fold("đĐ") == "dD")
    }

    @Test("Words fold the same from NFC and NFD")
    func words() {
        let nfc = "Hoàn thành trong Quý III năm 2025; Thực hiện thường xuyên; Đảng ủy"
        #expect(VietnameseFolding.fold(nfc) == "Hoan thanh trong Quy III nam 2025; Thuc hien thuong xuyen; Dang uy")
        #expect(VietnameseFolding.fold(nfc.decomposedStringWithCanonicalMapping) == VietnameseFolding.fold(nfc))
    }

    @Test("Stray non-Vietnamese marks from OCR are dropped too")
    func strayMarks() {
        #expect(VietnameseFolding.fold("Quéc höi xuyén") == "Quec hoi xuyen")
    }
}
