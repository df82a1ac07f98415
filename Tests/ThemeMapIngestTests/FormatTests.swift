import Foundation
import Testing
import ThemeMapModel
import ThemeMapTestSupport

@testable import ThemeMapIngest

/// Formats other than saved text, each from a small fixture written here: PDF, plain numbered minutes,
/// UTF-16, HTML meeting pages, web-service XML with double-encoded entities.
@Suite struct FormatTests {
  static let pdftotextInstalled = PDFText().resolvedTool() != nil

  /// A one-page PDF whose content stream shows `lines`, with a correct cross-reference table.
  static func makePDF(lines: [String]) -> [UInt8] {
    var stream = "BT /F1 11 Tf 14 TL 72 760 Td\n"
    for line in lines {
      let escaped = line.replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
      stream += "(\(escaped)) Tj T*\n"
    }
    stream += "ET\n"
    let objects = [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        + "/Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)endstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    var pdf = "%PDF-1.4\n"
    var offsets: [Int] = []
    for (index, object) in objects.enumerated() {
      offsets.append(pdf.utf8.count)
      pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
    }
    let xref = pdf.utf8.count
    pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for offset in offsets {
      let digits = String(offset)
      pdf += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
    }
    pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    return Array(pdf.utf8)
  }

  @Test(.enabled(if: pdftotextInstalled)) func pdfMinutesThroughPdftotext() throws {
    let pdf = Self.makePDF(lines: [
      "Minutes of the meeting of the Licensing Committee held on Tuesday, 12 March 2024 at 7.00 pm",
      "1. Apologies for absence",
      "Apologies were received from Councillor Smith.",
      "2. Taxi licensing policy",
      "RESOLVED: That the revised policy be adopted.",
    ])
    let parsed = try DocumentReader().read(bytes: pdf, path: "minutes.pdf", manifestEntry: nil)
    #expect(parsed.document.format == .pdf)
    #expect(parsed.document.encoding == .rendered)
    #expect(parsed.meeting.body.name == "Licensing Committee")
    #expect(parsed.meeting.date == .stated(try #require(CalendarDay(year: 2024, month: 3, day: 12))))
    #expect(parsed.meeting.time == "7.00 pm")
    #expect(parsed.items.map(\.number) == ["1", "2"])
    #expect(parsed.items.map(\.title) == ["Apologies for absence", "Taxi licensing policy"])
    #expect(parsed.items.last?.minutesText == "RESOLVED: That the revised policy be adopted.")
    SpanChecks.expectConsistent(parsed)
  }

  @Test func missingPdftotextSaysHowToInstallIt() {
    let reader = DocumentReader(pdf: PDFText(toolPath: "/nonexistent/bin/pdftotext"))
    let error = #expect(throws: IngestError.self) {
      try reader.read(bytes: Self.makePDF(lines: ["1. Apologies"]), path: "m.pdf", manifestEntry: nil)
    }
    #expect(error == .missingTool(path: "m.pdf", tool: "pdftotext", hint: PDFText.installHint))
    #expect(error?.errorDescription?.contains("apt-get install poppler-utils") == true)
  }

  @Test func plainTextNumberedLayouts() throws {
    let text = """
      Minutes of the meeting of the Community Safety Committee held on 20/04/2018

      12/20 Apologies
      None were received.

      13/20 Minutes of the previous meeting
      Agreed as a correct record.

      Item 14: Hotel Watch
      The Committee was updated on Hotel Watch.
      1. That the update be noted.

      """
    let parsed = try DocumentReader().read(bytes: Array(text.utf8), path: "m.txt", manifestEntry: nil)
    #expect(parsed.document.format == .plainText)
    #expect(parsed.meeting.body.name == "Community Safety Committee")
    #expect(parsed.meeting.date == .stated(try #require(CalendarDay(year: 2018, month: 4, day: 20))))
    #expect(parsed.items.map(\.number) == ["12/20", "13/20", "14"])
    #expect(parsed.items.map(\.title) == ["Apologies", "Minutes of the previous meeting", "Hotel Watch"])
    // "1. That the update be noted." is a resolution inside item 14, not an item.
    #expect(parsed.items.last?.minutesText.hasSuffix("1. That the update be noted.") == true)
    SpanChecks.expectConsistent(parsed)
  }

  @Test func utf16WithAndWithoutByteOrderMark() throws {
    let text = "No. Item\n\n1.\n\nApologies\n\nMinutes:\n\nChildren’s Services were represented.\n"
    let little = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let big = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    let cases: [([UInt8], Document.Encoding)] = [
      ([0xFF, 0xFE] + little, .utf16LittleEndian), ([0xFE, 0xFF] + big, .utf16BigEndian),
      (little, .utf16LittleEndian), (big, .utf16BigEndian),
    ]
    for (bytes, encoding) in cases {
      let parsed = try DocumentReader().read(bytes: bytes, path: "u.txt", manifestEntry: nil)
      #expect(parsed.document.encoding == encoding)
      #expect(parsed.document.text == text)
      #expect(parsed.items.first?.minutesText == "Children’s Services were represented.")
      #expect(parsed.document.contentHash == SHA256.hexDigest(bytes))
      SpanChecks.expectConsistent(parsed)
    }
  }

  @Test func utf8BOMAndWindows1252AreRecorded() throws {
    let text = "No. Item\n\n1.\n\nApologies\n\nMinutes:\n\nNone.\n"
    let bom = try DocumentReader().read(
      bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), path: "b", manifestEntry: nil)
    #expect(bom.document.encoding == .utf8WithBOM)
    let plain = try DocumentReader().read(bytes: Array(text.utf8), path: "p", manifestEntry: nil)
    #expect(plain.document.encoding == .utf8)
    let old = try DocumentReader().read(bytes: Array(text.utf8) + [0x92], path: "w", manifestEntry: nil)
    #expect(old.document.encoding == .windows1252)
  }

  @Test func htmlMeetingPageReadsLikeTheSavedText() throws {
    let html = """
      <!DOCTYPE html><html><head><title>Agenda</title><script>var x = "1.";</script></head><body>
      <div id="modgov"><h1 class="mgMainTitleTxt">Agenda and minutes</h1>
      <h2 class="mgSubTitleTxt">Thames Valley Police &amp; Crime Panel - Friday, 20th April, 2018 11.00 am</h2>
      <p><span class="mgLabel">Venue: </span>Council Chamber</p>
      <table class="mgItemTable"><tr><th>No.</th><th>Item</th></tr>
      <tr><td class="mgItemNumberCell">161.</td><td><p>Apologies for Absence</p>
      <div class="mgWordPara"><p>Minutes:</p><p>None were&nbsp;received.</p></div></td></tr>
      <tr><td class="mgItemNumberCell">162.</td><td><p>Fees &amp; Charges
      <span class="mgFileSize"><img alt="pdf icon" src="x.gif"> PDF 102 KB</span></p>
      <p>Minutes:</p><p>The Panel <b>noted</b> the report.<br>RESOLVED: That the fees be agreed.</p></td></tr>
      </table></div></body></html>
      """
    let parsed = try DocumentReader().read(bytes: Array(html.utf8), path: "p.html", manifestEntry: nil)
    #expect(parsed.document.format == .moderngovHTML)
    #expect(parsed.meeting.body.name == "Thames Valley Police & Crime Panel")
    #expect(parsed.meeting.date == .stated(try #require(CalendarDay(year: 2018, month: 4, day: 20))))
    #expect(parsed.meeting.venue == "Council Chamber")
    #expect(parsed.items.map(\.number) == ["161", "162"])
    #expect(parsed.items.map(\.title) == ["Apologies for Absence", "Fees & Charges"])
    #expect(parsed.items.last?.attachments == ["PDF 102 KB"])
    #expect(
      parsed.items.last?.minutesText == "The Panel noted the report.\n\nRESOLVED: That the fees be agreed.")
    #expect(!parsed.document.text.contains("var x"))
    SpanChecks.expectConsistent(parsed)
  }

  @Test func webServiceXMLWithDoubleEncodedEntities() throws {
    let xml = """
      <?xml version="1.0" encoding="utf-8"?>
      <!DOCTYPE meeting SYSTEM "http://example.invalid/never-loaded.dtd">
      <meeting><meetingdate>04/11/2015</meetingdate><meetingtime>2.00 pm</meetingtime>
      <agendaitems><agendaitem>
      <agendaitemtitle>Fees &amp;amp; Charges</agendaitemtitle>
      <agendatext>&lt;p&gt;To agree the fees &amp;amp; charges.&lt;/p&gt;</agendatext>
      <fulldisplaynumberformat>5.</fulldisplaynumberformat>
      <minutesnonemptyhtmlbody>&lt;p&gt;RESOLVED: That the fees be agreed.&lt;/p&gt;</minutesnonemptyhtmlbody>
      <refertocommittee>Licensing &amp;amp; Appeals Committee</refertocommittee>
      </agendaitem></agendaitems></meeting>
      """
    let parsed = try DocumentReader().read(bytes: Array(xml.utf8), path: "m.xml", manifestEntry: nil)
    #expect(parsed.meeting.body.name == "Licensing & Appeals Committee")
    #expect(parsed.meeting.date == .stated(try #require(CalendarDay(year: 2015, month: 11, day: 4))))
    #expect(parsed.items.map(\.title) == ["Fees & Charges"])
    #expect(parsed.items.first?.number == "5")
    #expect(parsed.items.first?.agendaText == "To agree the fees & charges.")
    #expect(parsed.recommendations.map(\.kind) == [.resolution])
    SpanChecks.expectConsistent(parsed)
  }

  @Test func formatsAreDetected() {
    #expect(FormatDetector.format(ofText: "<div id=\"modgov\"><h1>x</h1></div>") == .moderngovHTML)
    #expect(FormatDetector.format(ofText: "<?xml version=\"1.0\"?><meeting/>") == .moderngovXML)
    #expect(FormatDetector.format(ofText: "<?xml version=\"1.0\"?><html><body/></html>") == .moderngovHTML)
    #expect(FormatDetector.format(ofText: "1. Apologies\nNone.") == .plainText)
    #expect(FormatDetector.format(ofText: "No. Item\n1.\nApologies") == .moderngovText)
  }
}
