using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using CarteBlanche.Platform.Files;
using Xunit;

namespace CarteBlanche.UnitTests.Results;

public sealed partial class SimplePdfTests
{
    [Fact]
    public void Every_cross_reference_points_at_its_object_and_long_tables_go_onto_numbered_pages()
    {
        var pdf = new SimplePdf("Essai (rapport) à 100 €");
        pdf.Heading("Évaluation du service « Café-œuvre »");
        pdf.Table(["Mois", "Visiteurs"], Enumerable.Range(1, 120).Select(i => (IReadOnlyList<string>)[$"Ligne {i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture)]).ToList());
        var bytes = pdf.ToBytes();
        Assert.True(pdf.PageCount >= 3, $"{pdf.PageCount} pages");
        var text = Encoding.Latin1.GetString(bytes);
        Assert.StartsWith("%PDF-1.4\n", text, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF\n", text, StringComparison.Ordinal);
        var xref = int.Parse(Startxref().Match(text).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var entries = XrefEntry().Matches(text[xref..]).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            Assert.StartsWith($"{i + 1} 0 obj", text[entries[i]..], StringComparison.Ordinal);
        }
        // The words in Windows-1252 (é = \351, € = \200, œ = \234), parentheses escaped; the page count at every foot.
        var pages = Inflated(bytes);
        Assert.Contains(@"(\311valuation du service \253 Caf\351-\234uvre \273) Tj", pages[0], StringComparison.Ordinal);
        Assert.Contains(@"(Essai \(rapport\) \340 100 \200 \227 page 1 sur " + pdf.PageCount + ") Tj", pages[0], StringComparison.Ordinal);
        Assert.Contains("(Ligne 120) Tj", pages[^1], StringComparison.Ordinal);
        // The table's header is repeated on the page it runs onto.
        Assert.Contains("(Visiteurs) Tj", pages[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Text_is_wrapped_between_words_at_the_width_given()
    {
        var lines = SimplePdf.Wrap("Un agent d'accueil suit la demande de l'usager jusqu'au bout, quelle que soit l'administration.", 10, 200, false);
        Assert.True(lines.Count >= 2);
        Assert.All(lines, l => Assert.True(SimplePdf.Width(l, 10) <= 200, l));
        Assert.Equal("Un agent d'accueil suit la demande de l'usager jusqu'au bout, quelle que soit l'administration.", string.Join(" ", lines));
        // Helvetica's metrics: « i » is narrower than « m ».
        Assert.True(SimplePdf.Width("iiii", 10) < SimplePdf.Width("mmmm", 10));
    }

    private static List<string> Inflated(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var pages = new List<string>();
        foreach (Match m in Stream().Matches(text))
        {
            using var input = new MemoryStream(Encoding.Latin1.GetBytes(m.Groups[1].Value));
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            using var reader = new StreamReader(zlib, Encoding.Latin1);
            pages.Add(reader.ReadToEnd());
        }
        return pages;
    }

    [GeneratedRegex(@"startxref\n(\d+)")]
    private static partial Regex Startxref();

    [GeneratedRegex(@"(\d{10}) 00000 n")]
    private static partial Regex XrefEntry();

    [GeneratedRegex(@"stream\n(.*?)\nendstream", RegexOptions.Singleline)]
    private static partial Regex Stream();
}
