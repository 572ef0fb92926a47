import Foundation
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing
@testable import AuthCore

/// Each person's mail address and digest setting, and the reminder runner's contacts.
@Suite struct MailSettingsTests {
    @Test func anAccountGetsAnAddressAndEachPersonChangesOnlyTheirOwn() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        _ = try await fixture.authority.accounts.addUser(AuthUsersAdd.Params(
            username: "cv.binhtan", displayName: "Nguyễn Văn A", unitId: "vn-75-25246", password: "mat-khau-du-dai",
            email: "  cv.binhtan@BinhTan.DongNai.gov.vn "), caller: fixture.admin)
        _ = try await fixture.authority.accounts.grant(GrantParams(username: "cv.binhtan", role: .staff, unitId: "vn-75-25246"), caller: fixture.admin)
        let staff = try await fixture.authority.sessions.login(AuthLogin.Params(username: "cv.binhtan", password: "mat-khau-du-dai")).caller
        let mail = fixture.authority.mail
        #expect(try await mail.preference(of: staff) == MailPreference(email: "cv.binhtan@binhtan.dongnai.gov.vn", reminders: true))
        #expect(try await mail.set(.init(reminders: false), caller: staff) == MailPreference(email: "cv.binhtan@binhtan.dongnai.gov.vn", reminders: false))
        #expect(try await mail.set(.init(email: "a.nguyen@dongnai.gov.vn"), caller: staff).email == "a.nguyen@dongnai.gov.vn")
        // The admin's own settings are untouched by the staff member's changes.
        #expect(try await mail.preference(of: fixture.admin) == MailPreference(email: nil, reminders: true))
        // An empty address removes it.
        #expect(try await mail.set(.init(email: ""), caller: staff).email == nil)
        // Nobody logged in has no settings.
        #expect(await errorCode { _ = try await mail.preference(of: .anonymous) } == .unauthenticated)
    }

    @Test func addressesThatCouldBreakAHeaderOrACommandAreRefusedAndNothingChanges() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        let staff = try await fixture.account("cv.binhtan", role: .staff, at: "vn-75-25246").caller
        let mail = fixture.authority.mail
        _ = try await mail.set(.init(email: "cv@binhtan.gov.vn"), caller: staff)
        for bad in ["cv@binhtan.gov.vn\r\nBcc: all@dongnai.gov.vn", "cv@binhtan.gov.vn>", "nguyễn@binhtan.gov.vn", "cv binhtan@gov.vn",
                    "cv@localhost", "@binhtan.gov.vn", "cv@@binhtan.gov.vn", "cv@binhtan..gov.vn", String(repeating: "a", count: 250) + "@x.vn"] {
            let error = await rpcError { _ = try await mail.set(.init(email: bad), caller: staff) }
            #expect(error?.code == .invalidArgument, "\(bad)")
            #expect(error?.details?["field"] == "email")
            #expect(error?.message.contains("Địa chỉ thư điện tử") == true)
        }
        #expect(try await mail.preference(of: staff).email == "cv@binhtan.gov.vn")
        // The same check when an admin creates the account: no account is made.
        let refused = await errorCode {
            _ = try await fixture.authority.accounts.addUser(AuthUsersAdd.Params(
                username: "cv2.binhtan", displayName: "Trần Thị B", unitId: "vn-75-25246", email: "b@x\nRCPT TO:<all@x.vn>"), caller: fixture.admin)
        }
        #expect(refused == .invalidArgument)
        let listed = try await fixture.authority.accounts.listUsers(.init(unitId: "vn-75-25246"), caller: fixture.admin)
        #expect(!listed.accounts.contains { $0.username == "cv2.binhtan" })
    }

    @Test func contactsAreThoseHoldingRolesAtTheUnitsAskedAboutWithOnlyThoseRoles() async throws {
        let fixture = try await AuthFixture()
        defer { fixture.remove() }
        _ = try await fixture.account("cv.binhtan", role: .staff, at: "vn-75-25246")
        _ = try await fixture.account("bcd.tinh", role: .steering, at: "vn-75")
        _ = try await fixture.authority.accounts.grant(GrantParams(username: "bcd.tinh", role: .inspector, unitId: "vn-75-25195"), caller: fixture.admin)
        _ = try await fixture.account("cv.binhphuoc", role: .staff, at: "vn-75-25195")
        let steering = try await fixture.authority.sessions.login(AuthLogin.Params(username: "bcd.tinh", password: "mat-khau-du-dai")).caller
        _ = try await fixture.authority.mail.set(.init(email: "bcd@dongnai.gov.vn", reminders: false), caller: steering)
        let contacts = try await fixture.authority.mail.contacts(.init(unitIds: ["vn", "vn-75", "vn-75-25246"])).contacts
        #expect(contacts.map(\.username) == ["admin", "bcd.tinh", "cv.binhtan"])
        let bcd = try #require(contacts.first { $0.username == "bcd.tinh" })
        #expect(bcd.grants.map(\.role) == [.steering])
        #expect(bcd.email == "bcd@dongnai.gov.vn" && bcd.mailReminders == false)
        let tooMany = await errorCode { _ = try await fixture.authority.mail.contacts(.init(unitIds: (0...5000).map { "u\($0)" })) }
        #expect(tooMany == .invalidArgument)
    }
}
