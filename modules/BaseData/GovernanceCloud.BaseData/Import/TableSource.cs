using GovernanceCloud.Kernel.Text;

namespace GovernanceCloud.BaseData.Import;

/// <summary>One row of a table file: its spreadsheet row number (the header is row 1) and its cells.</summary>
internal readonly record struct TableRow(long Number, string[] Cells);

/// <summary>Reads a table file row by row, so memory stays bounded however long the file is.</summary>
internal static class TableSource
{
    /// <summary>The rows of <paramref name="content"/>; the format comes from <paramref name="fileName"/> (.csv, .xlsx).</summary>
    public static IEnumerable<TableRow> Read(Stream content, string fileName) =>
        Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".CSV" or ".TXT" => CsvReader.Read(content).Select(r => new TableRow(r.Number, r.Cells)),
            ".XLSX" => ExcelTable.Read(content),
            _ => throw new InvalidDataException("只支持 .csv 和 .xlsx 文件。"),
        };
}
