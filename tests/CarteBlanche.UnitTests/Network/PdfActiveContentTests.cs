using System.IO.Compression;
using System.Text;
using CarteBlanche.Network.Questions;
using Xunit;

namespace CarteBlanche.UnitTests.Network;

public sealed class PdfActiveContentTests
{
    [Theory]
    [InlineData("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%EOF", null)]
    [InlineData("%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj", "JavaScript")]
    [InlineData("%PDF-1.4\n1 0 obj << /OpenAction << /S /J#61vaScript /JS (x) >> >> endobj", "JavaScript")]
    [InlineData("%PDF-1.4\n1 0 obj << /AA << /O << /S /Launch /F (calc.exe) >> >> >> endobj", "Launch")]
    [InlineData("%PDF-1.4\n1 0 obj << /JSONData 3 0 R /JSX 4 0 R >> endobj", null)] // longer names are not JS
    public void Active_names_are_found_in_the_file(string pdf, string? expected) =>
        Assert.Equal(expected, PdfActiveContent.Find(Encoding.Latin1.GetBytes(pdf)));

    [Fact]
    public void Javascript_hidden_in_a_compressed_object_stream_is_found()
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write("5 0 << /S /JavaScript /JS (this.print()) >>"u8);
        }
        var pdf = new List<byte>();
        pdf.AddRange("%PDF-1.5\n3 0 obj << /Type /ObjStm /Filter /FlateDecode >>\nstream\r\n"u8.ToArray());
        pdf.AddRange(compressed.ToArray());
        pdf.AddRange("\nendstream\nendobj\n%%EOF"u8.ToArray());

        Assert.Equal("JavaScript", PdfActiveContent.Find([.. pdf]));
    }

    [Fact]
    public void A_compressed_stream_without_active_content_passes()
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write("BT /F1 12 Tf 72 712 Td (Avis de situation) Tj ET"u8);
        }
        var pdf = new List<byte>();
        pdf.AddRange("%PDF-1.5\n4 0 obj << /Filter /FlateDecode >>\nstream\n"u8.ToArray());
        pdf.AddRange(compressed.ToArray());
        pdf.AddRange("\nendstream\nendobj\n%%EOF"u8.ToArray());

        Assert.Null(PdfActiveContent.Find([.. pdf]));
    }
}
