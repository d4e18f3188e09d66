using System.Text;

namespace CarteBlanche.Platform.Files;

/// <summary>A file that is not CSV: where (the line, from the file's first, and the field, from 0, or -1 for the whole line) and why, in French.</summary>
public sealed class CsvFormatException(int line, int fieldIndex, string reason) : FormatException($"ligne {line} : {reason}")
{
    public int Line { get; } = line;

    public int Field { get; } = fieldIndex;

    public string Reason { get; } = reason;
}

/// <summary>
/// Minimal RFC 4180 reader and writer: separated fields, double-quoted when they hold the separator, a quote or a line
/// break, "" for a quote. Enough for reference data and the figures' exports.
/// </summary>
public static class Csv
{
    public sealed record Row(int LineNumber, IReadOnlyList<string> Fields);

    /// <summary>
    /// The rows, one at a time (a file of millions of rows is never held whole); <paramref name="separator"/> ',' or ';';
    /// <paramref name="firstLine"/> is the number of the reader's next line in its file (2 when the caller read the header).
    /// </summary>
    /// <exception cref="CsvFormatException">A quoted field is never closed, or a line holds bytes that are not UTF-8.</exception>
    public static IEnumerable<Row> Read(TextReader reader, char separator = ',', int firstLine = 1)
    {
        var lineNumber = firstLine - 1;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNumber++;
            CheckDecoded(line, lineNumber);
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
                        var next = reader.ReadLine() ?? throw new CsvFormatException(startLine, fields.Count, $"guillemet non fermé au champ {fields.Count + 1} : il court jusqu'à la fin du fichier");
                        lineNumber++;
                        CheckDecoded(next, lineNumber);
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

    /// <summary>
    /// The reader turns bytes that are not UTF-8 into « \uFFFD »: a file saved in Windows-1252 (a spreadsheet's plain
    /// « CSV ») would store « H\uFFFDl\uFFFDne » for « Hélène », and no name would match any more. Refused instead, with
    /// the first line where it is.
    /// </summary>
    public static string? NotUtf8(string line) => line.Contains('\uFFFD', StringComparison.Ordinal)
        ? "caractère illisible : le fichier n'est pas enregistré en UTF-8 (dans un tableur, enregistrez-le en « CSV UTF-8 »)"
        : null;

    private static void CheckDecoded(string line, int lineNumber)
    {
        if (NotUtf8(line) is { } reason)
        {
            throw new CsvFormatException(lineNumber, -1, reason); // the whole line, no field in particular
        }
    }

    /// <summary>
    /// A control character other than a line break or a tab, which a text field has no use for: a NUL (which PostgreSQL
    /// refuses in a text, failing the whole import), an escape…
    /// </summary>
    public static bool IsStrayControl(char c) => char.IsControl(c) && c is not ('\n' or '\r' or '\t');

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
