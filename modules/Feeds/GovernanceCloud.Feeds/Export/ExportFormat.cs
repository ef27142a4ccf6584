using System.Text;
using ClosedXML.Excel;

namespace GovernanceCloud.Feeds.Export;

/// <summary>Writes a list as CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese) or as an .xlsx sheet.</summary>
internal static class ExportFormat
{
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";

    public static string ContentType(string format) =>
        format == Xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";

    public static async Task WriteCsvAsync<T>(Stream body, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\r\n" }; // RFC 4180
        await writer.WriteLineAsync(string.Join(',', columns.Select(c => Quote(c.Header))));
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(string.Join(',', columns.Select(c => Quote(Defuse(c.Value(row))))));
        }

        await writer.FlushAsync(cancellationToken);
    }

    public static async Task<int> WriteXlsxAsync<T>(Stream body, string sheetName, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(sheetName);
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(columns[c].Header).Style.Font.SetBold();
        }

        var r = 1;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            r++;
            for (var c = 0; c < columns.Count; c++)
            {
                // SetValue of a string stores text, never a formula: a summary that starts with "=" stays text.
                sheet.Cell(r, c + 1).SetValue(columns[c].Value(row) ?? "");
            }
        }

        sheet.SheetView.FreezeRows(1);
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(body, cancellationToken);
        return r - 1;
    }

    private static string Quote(string? text)
    {
        text ??= "";
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }

    // A spreadsheet reads a cell that starts with = + - @ as a formula (CSV injection); a leading
    // apostrophe keeps it text.
    private static string? Defuse(string? text) => text is { Length: > 0 } && "=+-@".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
}
