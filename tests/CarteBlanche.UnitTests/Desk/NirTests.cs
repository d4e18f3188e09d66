using CarteBlanche.Platform.People;
using Xunit;

namespace CarteBlanche.UnitTests.Desk;

public sealed class NirTests
{
    [Theory]
    [InlineData("1 84 05 76 451 089 31")]
    [InlineData("184057645108931")]
    [InlineData("2.69.05.99.350.012.01")]
    [InlineData("1 85 07 2A 123 456 65")]
    public void A_number_whose_key_matches_is_valid(string nir) => Assert.Null(Nir.Check(nir));

    [Theory]
    [InlineData("1 84 05 76 451 089 32", "La clé du numéro de sécurité sociale ne correspond pas")]
    [InlineData("1 84 05 76 451 089", "15 caractères")]
    [InlineData("9 84 05 76 451 089 31", "15 caractères")]
    [InlineData("1 84 05 76 451 08X 31", "15 caractères")]
    [InlineData("2 84 12 46 042 015 ١٢", "15 caractères")] // another script's digits: an exception before (fuzz input 851 of the operators' files)
    public void A_wrong_number_is_refused_with_the_reason(string nir, string expected) =>
        Assert.Contains(expected, Nir.Check(nir), StringComparison.Ordinal);

    [Fact]
    public void Numbers_are_displayed_in_groups() =>
        Assert.Equal("1 84 05 76 451 089 31", Nir.Format("184057645108931"));
}
