using System.IO.Compression;
using System.Text;

namespace CarteBlanche.Network.Questions;

/// <summary>
/// Finds active content in a PDF: JavaScript, launching a program, submitting or importing data, rich media.
/// Such a document is refused, not passed on to a partner. Names are read as PDF names (with #xx escapes decoded),
/// in the file and in its compressed (Flate) streams, where object streams hide dictionaries.
/// </summary>
public static class PdfActiveContent
{
    private static readonly HashSet<string> _active = new(StringComparer.Ordinal) { "JavaScript", "JS", "Launch", "RichMedia", "SubmitForm", "ImportData" };
    private const int MaxInflatedPerStream = 32 * 1024 * 1024;
    private const long MaxInflatedTotal = 128L * 1024 * 1024;

    /// <summary>The first active name found ("JavaScript", "Launch"...), or null for a PDF without any.</summary>
    public static string? Find(byte[] pdf)
    {
        var found = FindName(pdf);
        if (found != null)
        {
            return found;
        }
        long inflatedTotal = 0;
        var at = 0;
        while ((at = IndexOf(pdf, "stream"u8, at)) >= 0)
        {
            var start = at + "stream".Length;
            var isEnd = at >= 3 && pdf.AsSpan(at - 3, 3).SequenceEqual("end"u8);
            at = start;
            if (isEnd)
            {
                continue;
            }
            if (start < pdf.Length && pdf[start] == '\r')
            {
                start++;
            }
            if (start >= pdf.Length || pdf[start] != '\n')
            {
                continue;
            }
            start++;
            var end = IndexOf(pdf, "endstream"u8, start);
            if (end < 0)
            {
                end = pdf.Length;
            }
            var inflated = Inflate(pdf.AsSpan(start, end - start).ToArray(), (int)Math.Min(MaxInflatedPerStream, MaxInflatedTotal - inflatedTotal));
            if (inflated != null)
            {
                inflatedTotal += inflated.Length;
                found = FindName(inflated);
                if (found != null)
                {
                    return found;
                }
                if (inflatedTotal >= MaxInflatedTotal)
                {
                    return null;
                }
            }
            at = end;
        }
        return null;
    }

    private static string? FindName(ReadOnlySpan<byte> data)
    {
        var name = new StringBuilder();
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] != '/')
            {
                continue;
            }
            name.Clear();
            var j = i + 1;
            while (j < data.Length && !IsDelimiter(data[j]) && name.Length <= 16)
            {
                if (data[j] == '#' && j + 2 < data.Length && IsHex(data[j + 1]) && IsHex(data[j + 2]))
                {
                    name.Append((char)((HexValue(data[j + 1]) << 4) | HexValue(data[j + 2])));
                    j += 3;
                }
                else
                {
                    name.Append((char)data[j]);
                    j++;
                }
            }
            if (_active.Contains(name.ToString()))
            {
                return name.ToString();
            }
            i = j - 1;
        }
        return null;
    }

    private static byte[]? Inflate(byte[] compressed, int limit)
    {
        if (compressed.Length < 2 || limit <= 0)
        {
            return null;
        }
        try
        {
            using var input = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                output.Write(buffer, 0, Math.Min(read, limit - (int)output.Length));
                if (output.Length >= limit)
                {
                    break;
                }
            }
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null; // not a Flate stream (an image, a font...): nothing to read in it
        }
    }

    private static int IndexOf(byte[] data, ReadOnlySpan<byte> value, int from)
    {
        if (from >= data.Length)
        {
            return -1;
        }
        var index = data.AsSpan(from).IndexOf(value);
        return index < 0 ? -1 : from + index;
    }

    private static bool IsDelimiter(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32 or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
