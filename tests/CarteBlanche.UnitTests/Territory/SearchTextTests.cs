using CarteBlanche.Platform.Territory;
using Xunit;

namespace CarteBlanche.UnitTests.Territory;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Saint-Géry", "saint-gery")]
    [InlineData("Saint-Cirq-Lapopie", "saint-cirq-lapopie")]
    [InlineData("CAHORS", "cahors")]
    [InlineData("Bélaye", "belaye")]
    [InlineData("Crayssac  et   Caillac", "crayssac et caillac")]
    [InlineData("  Pradines\t", "pradines")]
    [InlineData("Œuvre d’Æsculape", "oeuvre d'aesculape")]
    [InlineData("cœur", "coeur")]
    [InlineData("Ç à ê ï ô ù ÿ", "c a e i o u y")]
    public void Fold_removes_accents_case_and_extra_spaces(string text, string expected)
    {
        Assert.Equal(expected, SearchText.Fold(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Fold_of_nothing_is_empty(string? text)
    {
        Assert.Equal("", SearchText.Fold(text));
    }

    [Fact]
    public void Fold_is_idempotent()
    {
        var once = SearchText.Fold("Le Montat — Saint-Henri");

        Assert.Equal(once, SearchText.Fold(once));
    }
}
