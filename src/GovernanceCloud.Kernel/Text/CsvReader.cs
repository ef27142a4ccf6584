using System.Text;

namespace GovernanceCloud.Kernel.Text;

/// <summary>
/// RFC 4180 CSV, streamed: quoted fields with doubled quotes and line breaks inside. Files saved by
/// Excel on Chinese Windows are GB18030 (GBK), not UTF-8; the encoding is told from the first bytes.
/// </summary>
public static class CsvReader
{
    private const int Probe = 64 * 1024;

    static CsvReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The records of <paramref name="content"/>, numbered from 1 (records, not physical lines).</summary>
    public static IEnumerable<(long Number, string[] Cells)> Read(Stream content)
    {
        var buffered = new BufferedStream(content, Probe);
        // The caller owns the stream: reading a file to its end must not close it.
        using var reader = new StreamReader(buffered, DetectEncoding(buffered), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var row = 0L;
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch != '"')
                {
                    cell.Append(ch);
                }
                else if (reader.Peek() == '"')
                {
                    cell.Append('"');
                    reader.Read();
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (ch)
            {
                case '"' when cell.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    yield return (++row, [.. cells]);
                    cells.Clear();
                    any = false;
                    break;
                default:
                    cell.Append(ch);
                    break;
            }
        }

        if (any)
        {
            cells.Add(cell.ToString());
            yield return (++row, [.. cells]);
        }
    }

    // UTF-8 (with or without BOM) when the first bytes decode as UTF-8; GB18030 otherwise.
    private static Encoding DetectEncoding(BufferedStream stream)
    {
        var probe = new byte[Probe];
        var read = 0;
        int n;
        while (read < probe.Length && (n = stream.Read(probe, read, probe.Length - read)) > 0)
        {
            read += n;
        }

        stream.Seek(-read, SeekOrigin.Current);
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        try
        {
            // A multi-byte character cut at the probe's end is not an error: trim up to 3 bytes.
            strict.GetCharCount(probe, 0, read < Probe ? read : Math.Max(0, read - 3));
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030");
        }
    }
}
