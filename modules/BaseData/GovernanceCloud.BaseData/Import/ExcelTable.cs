using MiniExcelLibs;

namespace GovernanceCloud.BaseData.Import;

/// <summary>The first worksheet of an .xlsx file, streamed row by row (MiniExcel reads the sheet XML forward-only).</summary>
internal static class ExcelTable
{
    public static IEnumerable<TableRow> Read(Stream content)
    {
        var number = 0L;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(content, useHeaderRow: false))
        {
            number++;
            yield return new TableRow(number, row.Values.Select(Text).ToArray());
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
