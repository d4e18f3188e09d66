using CarteBlanche.Desk.Residents;
using Xunit;

namespace CarteBlanche.UnitTests.Desk;

public sealed class ResidentFormTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void Bad_input_gets_a_french_message_per_field()
    {
        var form = new ResidentForm
        {
            FirstName = "Jeanne",
            LastName = "",
            BirthDate = "12/03/2030",
            Phone = "06 12",
            Email = "jeanne@",
            Nir = "1 84 05 76 451 089 32",
            PreferredChannel = ContactChannel.Phone,
        };

        var errors = form.Validate(Today).ToDictionary(e => e.Key, e => e.Value);

        Assert.Equal("Saisissez le nom.", errors["LastName"]);
        Assert.Equal("La date de naissance est dans le futur.", errors["BirthDate"]);
        Assert.Contains("numéro de téléphone n'est pas valide", errors["Phone"], StringComparison.Ordinal);
        Assert.Contains("adresse e-mail n'est pas valide", errors["Email"], StringComparison.Ordinal);
        Assert.Contains("clé", errors["Nir"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_form_is_valid()
    {
        var form = new ResidentForm
        {
            FirstName = "Jeanne",
            LastName = "Delpech",
            BirthDate = "12/03/1954",
            Phone = "+33 6 12 34 56 78",
            Email = "jeanne.delpech@exemple.fr",
            Nir = "2 69 05 99 350 012 01",
            CafNumber = "1234567",
            FranceTravailId = "1234567A",
        };

        Assert.Empty(form.Validate(Today));
        Assert.Equal(new DateOnly(1954, 3, 12), form.ParsedBirthDate);
    }
}
