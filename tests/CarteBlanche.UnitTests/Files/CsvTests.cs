using CarteBlanche.Platform.Files;
using Xunit;

namespace CarteBlanche.UnitTests.Files;

/// <summary>The exports' CSV writer: a field is quoted only when it must be, and what it writes reads back the same.</summary>
public sealed class CsvTests
{
    [Fact]
    public void A_field_with_the_separator_a_quote_or_a_line_break_is_quoted_and_reads_back_the_same()
    {
        string[][] rows = [["code", "nom"], ["46042", "Cahors"], ["46999", "Saint-Cirq, dit \"le Haut\""], ["46998", "deux\nlignes"]];

        var text = Csv.Write(rows);

        Assert.Equal("code,nom\n46042,Cahors\n46999,\"Saint-Cirq, dit \"\"le Haut\"\"\"\n46998,\"deux\nlignes\"\n", text);
        Assert.Equal(rows, Csv.Read(new StringReader(text)).Select(r => r.Fields.ToArray()));
    }

    [Fact]
    public void With_semicolons_a_comma_needs_no_quotes_and_the_byte_order_mark_comes_first()
    {
        var bytes = Csv.WithByteOrderMark(Csv.Write([["Mois", "Part (%)"], ["2026-03", "12,5"]], ';', "\r\n"));

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("Mois;Part (%)\r\n2026-03;12,5\r\n", System.Text.Encoding.UTF8.GetString(bytes[3..]));
    }
}
