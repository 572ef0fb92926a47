import Foundation

/// A temp folder holding the test page (index.html + app.js), a file to upload, and screenshots.
struct Fixture {
    let folder: URL
    let pageURL: String
    let uploadPath: String
    let uploadSize: Int
    let screenshots: String

    static let title = "Trang thử — Đăng nhập"
    static let heading = "Đăng nhập — Tiếng Việt: ă â đ ê ô ơ ư Ắ Ằ Ẳ Ẵ Ặ ỹ ỷ ỵ"

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("nq57-webdriver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

        let html = """
            <!doctype html>
            <html lang="vi">
            <head>
              <meta charset="utf-8">
              <title>\(Self.title)</title>
              <style>body { font-family: sans-serif; font-size: 28px; }</style>
              <script src="app.js" defer></script>
            </head>
            <body>
              <h1>\(Self.heading)</h1>
              <form id="login">
                <input id="name" name="name" value="">
                <button id="go" type="button">Gửi</button>
              </form>
              <p id="out"></p>
              <input type="file" id="f">
              <p id="file"></p>
              <p id="hidden" style="display:none">ẩn</p>
            </body>
            </html>
            """
        // The click result and #late appear after a delay so the tests exercise waiting.
        let script = """
            document.getElementById('go').addEventListener('click', function () {
              var value = document.getElementById('name').value;
              setTimeout(function () { document.getElementById('out').textContent = value; }, 300);
            });
            document.getElementById('f').addEventListener('change', function (event) {
              var file = event.target.files[0];
              document.getElementById('file').textContent = file.name + ' (' + file.size + ' bytes)';
            });
            // Called by the test once it has seen #late absent, so a slow machine
            // cannot add the element before the test looks.
            window.addLateSoon = function () {
              setTimeout(function () {
                var late = document.createElement('p');
                late.id = 'late';
                late.textContent = 'muộn';
                document.body.appendChild(late);
              }, 1500);
            };
            """
        try html.write(to: folder.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        try script.write(to: folder.appendingPathComponent("app.js"), atomically: true, encoding: .utf8)

        let upload = folder.appendingPathComponent("tệp-tải-lên.txt")
        let content = Data("xin chào thế giới\n".utf8)
        try content.write(to: upload)
        uploadPath = upload.path
        uploadSize = content.count

        pageURL = folder.appendingPathComponent("index.html").absoluteString
        screenshots = folder.appendingPathComponent("screenshots").path
    }

    /// Removes the temp folder (kept when the environment variable KEEP_FIXTURE is set).
    func remove() {
        if ProcessInfo.processInfo.environment["KEEP_FIXTURE"] == nil {
            try? FileManager.default.removeItem(at: folder)
        } else {
            print("fixture kept at \(folder.path)")
        }
    }
}
