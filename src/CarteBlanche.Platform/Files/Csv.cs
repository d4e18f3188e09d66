using System.Text;

namespace CarteBlanche.Platform.Files;

/// <summary>
/// Minimal RFC 4180 reader and writer: separated fields, double-quoted when they hold the separator, a quote or a line
/// break, "" for a quote. Enough for reference data and the figures' exports.
/// </summary>
public static class Csv
{
    public sealed record Row(int LineNumber, IReadOnlyList<string> Fields);

    /// <summary>The rows, one at a time (a file of millions of rows is never held whole); <paramref name="separator"/> ',' or ';'.</summary>
    public static IEnumerable<Row> Read(TextReader reader, char separator = ',')
    {
        var lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNumber++;
            var startLine = lineNumber;
            var fields = new List<string>();
            var field = new StringBuilder();
            var inQuotes = false;
            var i = 0;
            while (true)
            {
                if (i >= line.Length)
                {
                    if (inQuotes)
                    {
                        // A quoted field that spans lines.
                        var next = reader.ReadLine() ?? throw new FormatException($"ligne {startLine} : guillemet non fermé");
                        lineNumber++;
                        field.Append('\n');
                        line = next;
                        i = 0;
                        continue;
                    }
                    fields.Add(field.ToString());
                    break;
                }
                var c = line[i];
                if (inQuotes)
                {
                    if (c == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        inQuotes = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"' && field.Length == 0)
                {
                    inQuotes = true;
                }
                else if (c == separator)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
                i++;
            }
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // blank line
            }
            yield return new Row(startLine, fields);
        }
    }

    /// <summary>Rows as CSV text: a field is quoted only when it must be.</summary>
    public static string Write(IEnumerable<IEnumerable<string>> rows, char separator = ',', string newLine = "\n")
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendJoin(separator, row.Select(field => Quote(field, separator))).Append(newLine);
        }
        return text.ToString();
    }

    /// <summary>UTF-8 with a byte order mark: how spreadsheet software knows the accents are UTF-8.</summary>
    public static byte[] WithByteOrderMark(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    private static string Quote(string field, char separator) =>
        field.IndexOfAny([separator, '"', '\r', '\n']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
