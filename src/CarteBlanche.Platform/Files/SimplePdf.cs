using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace CarteBlanche.Platform.Files;

/// <summary>
/// A small PDF writer for printable reports (PDF 1.4, A4 portrait): headings, wrapped paragraphs, tables that break
/// across pages, and simple bar and line charts. It uses the two standard Helvetica fonts every PDF reader has, in
/// the Windows-1252 encoding (French accents, « », €, œ), so that no font file ships with the product; characters
/// outside it print as « ? ». Widths come from Adobe's Helvetica metrics, for wrapping and right-aligning.
/// </summary>
public sealed class SimplePdf
{
    public const float PageWidth = 595.28f;
    public const float PageHeight = 841.89f;
    public const float Margin = 50f;
    private const float Bottom = Margin + 20f; // room for the page number

    // Widths (thousandths of the font size) of the characters 32 to 255 in Windows-1252.
    private static readonly short[] RegularWidths = [278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584,0,556,0,222,556,333,1000,556,556,333,1000,667,333,1000,0,611,0,0,222,222,333,333,350,556,1000,333,1000,500,333,944,0,500,500,278,333,556,556,556,556,260,556,333,737,370,556,584,333,737,333,400,584,333,333,333,556,537,278,333,333,365,556,834,834,834,611,667,667,667,667,667,667,1000,722,667,667,667,667,278,278,278,278,722,722,778,778,778,778,778,584,778,722,722,722,722,667,667,611,556,556,556,556,556,556,889,500,556,556,556,556,278,278,278,278,556,556,556,556,556,556,556,584,611,556,556,556,556,500,556,500];
    private static readonly short[] BoldWidths = [278,333,474,556,556,889,722,238,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,333,333,584,584,584,611,975,722,722,722,722,667,611,778,722,278,556,722,611,833,722,778,667,778,722,667,611,722,667,944,667,667,611,333,278,333,584,556,333,556,611,556,611,556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,778,556,556,500,389,280,389,584,0,556,0,278,556,500,1000,556,556,333,1000,667,333,1000,0,611,0,0,278,278,500,500,350,556,1000,333,1000,556,333,944,0,500,556,278,333,556,556,556,556,280,556,333,737,370,556,584,333,737,333,400,584,333,333,333,611,556,278,333,333,365,556,834,834,834,611,722,722,722,722,722,722,1000,722,667,667,667,667,278,278,278,278,722,722,778,778,778,778,778,584,778,722,722,722,722,667,667,611,556,556,556,556,556,556,889,556,556,556,556,556,278,278,278,278,611,611,611,611,611,611,611,584,611,611,611,611,611,556,611,556];

    // Windows-1252's characters 128 to 159 (0 where the code is unused).
    private static readonly char[] Cp1252High =
    [
        '\u20AC', '\0', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\0', '\u017D', '\0',
        '\0', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\0', '\u017E', '\u0178',
    ];

    /// <summary>The DSFR's colours for chart series, as PDF RGB (0 to 1).</summary>
    private static readonly (float R, float G, float B)[] Colours =
    [
        (0f, 0f, 0.569f), (0.882f, 0f, 0.059f), (0.094f, 0.459f, 0.235f), (0.702f, 0.251f, 0f), (0.416f, 0.416f, 0.957f),
        (0.647f, 0.345f, 0.627f), (0f, 0.565f, 0.506f), (0.443f, 0.376f, 0.263f), (0.227f, 0.227f, 0.227f), (0.765f, 0.6f, 0.165f),
    ];

    private readonly string title;
    private readonly List<StringBuilder> pages = [];
    private StringBuilder page = default!;
    private float y;

    public SimplePdf(string title)
    {
        this.title = title;
        NewPage();
    }

    public int PageCount => pages.Count;

    /// <summary>Width of <paramref name="text"/> in points at <paramref name="size"/>.</summary>
    public static float Width(string text, float size, bool bold = false)
    {
        var widths = bold ? BoldWidths : RegularWidths;
        var total = 0;
        foreach (var b in Encode(text))
        {
            total += b >= 32 ? widths[b - 32] : 0;
        }
        return total * size / 1000f;
    }

    public void Heading(string text, float size = 14)
    {
        Space(size * 0.8f);
        EnsureRoom(size * 2.5f);
        foreach (var line in Wrap(text, size, PageWidth - (2 * Margin), true))
        {
            Text(Margin, y - size, line, size, true, (0f, 0f, 0.569f));
            y -= size * 1.3f;
        }
        y -= size * 0.3f;
    }

    public void Paragraph(string text, float size = 10, bool bold = false)
    {
        foreach (var line in Wrap(text, size, PageWidth - (2 * Margin), bold))
        {
            EnsureRoom(size * 1.4f);
            Text(Margin, y - size, line, size, bold, (0.1f, 0.1f, 0.1f));
            y -= size * 1.4f;
        }
        y -= size * 0.5f;
    }

    public void Space(float points) => y -= points;

    /// <summary>
    /// A table: the first column left-aligned and wider, the others right-aligned (figures); the header repeated on
    /// each page the table runs onto.
    /// </summary>
    public void Table(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, float size = 8)
    {
        var width = PageWidth - (2 * Margin);
        var first = Math.Min(130f, width / 3);
        var other = header.Count > 1 ? (width - first) / (header.Count - 1) : 0;
        float X(int column) => column == 0 ? Margin : Margin + first + ((column - 1) * other);
        float ColumnWidth(int column) => column == 0 ? first : other;
        var headerLines = header.Select((h, i) => Wrap(h, size, ColumnWidth(i) - 6, true)).ToList();
        var headerHeight = (headerLines.Max(l => l.Count) * size * 1.25f) + 6;
        var rowHeight = size * 1.8f;

        void Header()
        {
            Fill(Margin, y - headerHeight, width, headerHeight, (0.93f, 0.93f, 0.93f));
            for (var c = 0; c < header.Count; c++)
            {
                var lineY = y - size - 3;
                foreach (var line in headerLines[c])
                {
                    var x = c == 0 ? X(c) + 3 : X(c) + ColumnWidth(c) - 3 - Width(line, size, true);
                    Text(x, lineY, line, size, true, (0.1f, 0.1f, 0.1f));
                    lineY -= size * 1.25f;
                }
            }
            y -= headerHeight;
        }

        EnsureRoom(headerHeight + (rowHeight * Math.Min(rows.Count, 3)));
        Header();
        foreach (var row in rows)
        {
            if (y - rowHeight < Bottom)
            {
                NewPage();
                Header();
            }
            Line(Margin, y - rowHeight, Margin + width, y - rowHeight, (0.85f, 0.85f, 0.85f), 0.5f);
            for (var c = 0; c < row.Count && c < header.Count; c++)
            {
                var text = Fit(row[c], size, ColumnWidth(c) - 6, c == 0);
                var x = c == 0 ? X(c) + 3 : X(c) + ColumnWidth(c) - 3 - Width(text, size, c == 0);
                Text(x, y - rowHeight + (size * 0.6f), text, size, c == 0, (0.1f, 0.1f, 0.1f));
            }
            y -= rowHeight;
        }
        y -= 10;
    }

    /// <summary>
    /// A chart over <paramref name="labels"/> (months): bars side by side (or stacked), or lines; null values are gaps.
    /// The axis starts at 0 and ends at <paramref name="max"/> when given (100 for shares), else at the largest value.
    /// </summary>
    public void Chart(IReadOnlyList<string> labels, IReadOnlyList<(string Label, IReadOnlyList<double?> Values)> series, bool lines, bool stacked, double? max = null, float height = 150)
    {
        var legendRows = (int)Math.Ceiling(series.Count / 3.0);
        EnsureRoom(height + 30 + (legendRows * 12));
        var (left, right) = (Margin + 40, PageWidth - Margin);
        var (top, bottom) = (y - 5, y - height);
        var top10 = max ?? Math.Max(1, labels.Select((_, i) => stacked ? series.Sum(s => s.Values[i] ?? 0) : series.Max(s => s.Values[i] ?? 0)).DefaultIfEmpty(0).Max());
        var scale = Nice(top10);
        float Y(double value) => bottom + (float)(value / scale * (top - bottom));
        // Axis and four grid lines with their values.
        for (var g = 0; g <= 4; g++)
        {
            var value = scale * g / 4;
            Line(left, Y(value), right, Y(value), (0.88f, 0.88f, 0.88f), 0.5f);
            var text = value.ToString(value < 10 && value != Math.Floor(value) ? "0.#" : "N0", CultureInfo.GetCultureInfo("fr-FR"));
            Text(left - 4 - Width(text, 7), Y(value) - 2.5f, text, 7, false, (0.3f, 0.3f, 0.3f));
        }
        var slot = (right - left) / Math.Max(1, labels.Count);
        // Every label when they fit, else one in two (or three…): a month cut to « j… » tells nothing.
        var widest = labels.Select(l => Width(l, 6.5f)).DefaultIfEmpty(0).Max() + 4;
        var every = Math.Max(1, (int)Math.Ceiling(widest / slot));
        for (var i = 0; i < labels.Count; i += every)
        {
            var label = Fit(labels[i], 6.5f, (slot * every) - 2, false);
            Text(left + (i * slot) + ((slot - Width(label, 6.5f)) / 2), bottom - 10, label, 6.5f, false, (0.3f, 0.3f, 0.3f));
        }
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Colours[s % Colours.Length];
            if (lines)
            {
                (float X, float Y)? previous = null;
                for (var i = 0; i < labels.Count; i++)
                {
                    if (series[s].Values[i] is not { } v)
                    {
                        previous = null;
                        continue;
                    }
                    var point = (X: left + (i * slot) + (slot / 2), Y: Y(v));
                    if (previous is { } p)
                    {
                        Line(p.X, p.Y, point.X, point.Y, colour, 1.5f);
                    }
                    Fill(point.X - 1.8f, point.Y - 1.8f, 3.6f, 3.6f, colour);
                    previous = point;
                }
            }
            else
            {
                var barWidth = stacked ? slot * 0.6f : slot * 0.8f / series.Count;
                for (var i = 0; i < labels.Count; i++)
                {
                    if (series[s].Values[i] is not { } v || v <= 0)
                    {
                        continue;
                    }
                    var below = stacked ? series.Take(s).Sum(o => o.Values[i] ?? 0) : 0;
                    var x = stacked ? left + (i * slot) + (slot * 0.2f) : left + (i * slot) + (slot * 0.1f) + (s * barWidth);
                    Fill(x, Y(below), barWidth, Y(below + v) - Y(below), colour);
                }
            }
        }
        y = bottom - 22;
        // The legend, three series a line.
        for (var s = 0; s < series.Count; s++)
        {
            var column = s % 3;
            var x = Margin + (column * (PageWidth - (2 * Margin)) / 3);
            Fill(x, y - 1, 7, 7, Colours[s % Colours.Length]);
            Text(x + 10, y, Fit(series[s].Label, 7.5f, ((PageWidth - (2 * Margin)) / 3) - 14, false), 7.5f, false, (0.2f, 0.2f, 0.2f));
            if (column == 2 || s == series.Count - 1)
            {
                y -= 12;
            }
        }
        y -= 8;
    }

    /// <summary>The document: every page numbered « page n sur N » with the report's title at its foot.</summary>
    public byte[] ToBytes()
    {
        var output = new MemoryStream();
        var offsets = new List<long>();
        void Write(string text) => output.Write(Encoding.ASCII.GetBytes(text));
        void Object(string body)
        {
            offsets.Add(output.Position);
            Write($"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }

        Write("%PDF-1.4\n");
        output.Write([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']); // binary marker: the file holds compressed streams
        var pageIds = Enumerable.Range(0, pages.Count).Select(i => 6 + (2 * i)).ToList();
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object($"<< /Type /Pages /Kids [{string.Join(" ", pageIds.Select(id => $"{id} 0 R"))}] /Count {pages.Count} >>");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
        // Document properties are text strings (PDFDocEncoding or UTF-16BE), not WinAnsi: the title goes in UTF-16BE.
        Object($"<< /Title <FEFF{Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(title))}> /Producer (Carte Blanche) >>");
        for (var i = 0; i < pages.Count; i++)
        {
            var content = new StringBuilder(pages[i].ToString());
            var foot = $"{title} — page {i + 1} sur {pages.Count}";
            content.Append(TextOp(Margin, Margin - 5, Fit(foot, 7.5f, PageWidth - (2 * Margin), false), 7.5f, false, (0.4f, 0.4f, 0.4f)));
            var raw = Encoding.ASCII.GetBytes(content.ToString());
            using var compressed = new MemoryStream();
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }
            Object($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {N(PageWidth)} {N(PageHeight)}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {pageIds[i] + 1} 0 R >>");
            offsets.Add(output.Position);
            Write($"{offsets.Count} 0 obj\n<< /Length {compressed.Length} /Filter /FlateDecode >>\nstream\n");
            output.Write(compressed.ToArray());
            Write("\nendstream\nendobj\n");
        }
        var xref = output.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write($"{offset:D10} 00000 n \n");
        }
        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    private void NewPage()
    {
        page = new StringBuilder();
        pages.Add(page);
        y = PageHeight - Margin;
    }

    private void EnsureRoom(float height)
    {
        if (y - height < Bottom)
        {
            NewPage();
        }
    }

    private void Text(float x, float baseline, string text, float size, bool bold, (float R, float G, float B) colour) =>
        page.Append(TextOp(x, baseline, text, size, bold, colour));

    private static string TextOp(float x, float baseline, string text, float size, bool bold, (float R, float G, float B) colour) =>
        $"BT {N(colour.R)} {N(colour.G)} {N(colour.B)} rg /{(bold ? "F2" : "F1")} {N(size)} Tf {N(x)} {N(baseline)} Td {Literal(text)} Tj ET\n";

    private void Line(float x1, float y1, float x2, float y2, (float R, float G, float B) colour, float width) =>
        page.Append(CultureInfo.InvariantCulture, $"{N(colour.R)} {N(colour.G)} {N(colour.B)} RG {N(width)} w {N(x1)} {N(y1)} m {N(x2)} {N(y2)} l S\n");

    private void Fill(float x, float y0, float width, float height, (float R, float G, float B) colour) =>
        page.Append(CultureInfo.InvariantCulture, $"{N(colour.R)} {N(colour.G)} {N(colour.B)} rg {N(x)} {N(y0)} {N(width)} {N(height)} re f\n");

    /// <summary>A round top for a chart's axis: 1, 2, 2.5 or 5 times a power of ten, at least the largest value.</summary>
    private static double Nice(double max)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * power >= max)
            {
                return step * power;
            }
        }
        return 10 * power;
    }

    /// <summary>Lines of at most <paramref name="width"/> points, cut between words (a word too long is cut).</summary>
    public static List<string> Wrap(string text, float size, float width, bool bold)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Width(candidate, size, bold) <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                {
                    lines.Add(line);
                }
                line = Width(word, size, bold) <= width ? word : Fit(word, size, width, bold);
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>The text, shortened with « … » if it is wider than <paramref name="width"/>.</summary>
    private static string Fit(string text, float size, float width, bool bold)
    {
        if (Width(text, size, bold) <= width)
        {
            return text;
        }
        while (text.Length > 1 && Width(text + "…", size, bold) > width)
        {
            text = text[..^1];
        }
        return text + "…";
    }

    /// <summary>Windows-1252 bytes: the narrow and ordinary no-break spaces of French formats become spaces.</summary>
    private static byte[] Encode(string text)
    {
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i] is '\u202F' or '\u2009' ? ' ' : text[i];
            var high = Array.IndexOf(Cp1252High, c);
            bytes[i] = c is >= ' ' and <= '~' or >= '\u00A0' and <= '\u00FF' ? (byte)c : high >= 0 && c != '\0' ? (byte)(0x80 + high) : (byte)'?';
        }
        return bytes;
    }

    /// <summary>A PDF string: parentheses and backslashes escaped, bytes above 126 in octal (the file stays ASCII).</summary>
    private static string Literal(string text)
    {
        var builder = new StringBuilder("(");
        foreach (var b in Encode(text))
        {
            if (b is (byte)'(' or (byte)')' or (byte)'\\')
            {
                builder.Append('\\').Append((char)b);
            }
            else if (b > 126)
            {
                builder.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
            }
            else
            {
                builder.Append((char)b);
            }
        }
        return builder.Append(')').ToString();
    }

    private static string N(float value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
