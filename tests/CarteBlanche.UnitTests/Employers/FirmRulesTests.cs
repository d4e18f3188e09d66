using CarteBlanche.Employers;
using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Payslips;
using CarteBlanche.Employers.Staff;
using Xunit;

namespace CarteBlanche.UnitTests.Employers;

/// <summary>The SIRET's key, the NAF and IDCC shapes, numbers as typed in French, and a payslip's situation for the model.</summary>
public sealed class FirmRulesTests
{
    [Theory]
    [InlineData("73282932000074")]      // a real, published SIRET (INSEE's example)
    [InlineData("91234567500017")]      // the demonstration firm's
    [InlineData("356 000 000 00048")]   // La Poste's head office (Luhn)
    [InlineData("35600000000001")]      // a La Poste establishment beyond Luhn: digits adding up to a multiple of 5
    public void A_siret_with_its_key_is_accepted_with_or_without_spaces(string text)
    {
        var (siret, error) = Siret.Parse(text);
        Assert.Null(error);
        Assert.Equal(14, siret!.Length);
    }

    [Fact]
    public void A_siret_with_one_wrong_digit_or_the_wrong_length_is_refused_saying_why()
    {
        Assert.Contains("clé de contrôle", Siret.Parse("73282932000075").Error, StringComparison.Ordinal);
        Assert.Contains("clé de contrôle", Siret.Parse("73282932100074").Error, StringComparison.Ordinal);
        Assert.Contains("n'a pas 14 chiffres", Siret.Parse("7328293200007").Error, StringComparison.Ordinal);
        Assert.Contains("n'a pas 14 chiffres", Siret.Parse("7328293200007A").Error, StringComparison.Ordinal);
        Assert.Contains("indiquez les 14 chiffres", Siret.Parse("  ").Error, StringComparison.Ordinal);
        Assert.Equal("732 829 320 00074", Siret.Format("73282932000074"));
    }

    [Theory]
    [InlineData("1071c", "10.71C")]
    [InlineData("10.71C", "10.71C")]
    [InlineData(" 47.24Z ", "47.24Z")]
    [InlineData("107C", null)]
    [InlineData("10.71", null)]
    public void Naf_codes_are_normalised_or_refused(string text, string? expected) => Assert.Equal(expected, FirmForm.NormaliseNaf(text));

    [Theory]
    [InlineData("843", "0843")]
    [InlineData("1486", "1486")]
    [InlineData("12345", null)]
    [InlineData("8a3", null)]
    public void Idcc_are_four_digits(string text, string? expected) => Assert.Equal(expected, FirmForm.NormaliseIdcc(text));

    [Theory]
    [InlineData("1 850,50", 1850.50)]
    [InlineData("1850.50", 1850.50)]
    [InlineData("1\u202F850,5 €", 1850.5)]
    [InlineData("24", 24)]
    public void Numbers_are_read_as_typed_in_french(string text, double expected)
    {
        Assert.True(FrenchNumber.TryParse(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Fact]
    public void A_part_time_cdd_with_overtime_and_unpaid_hours_becomes_the_models_situation()
    {
        var firm = new Firm { Name = "Fournil", Siret = "91234567500017", NafCode = "10.71C", Headcount = 12 };
        var contract = new EmploymentContract { Kind = ContractKind.Cdd, JobTitle = "Vendeuse", WeeklyHours = 24m, MonthlyGross = 1300m, Start = new DateOnly(2026, 1, 1), End = new DateOnly(2026, 12, 31) };
        var situation = PayslipCalculator.Situation(firm, contract, new MonthInputs(2026, 6, 2.5m, 10m));

        Assert.Equal("'01/06/2026'", situation["date"]);
        Assert.Equal("'CDD'", situation["salarié . contrat"]);
        Assert.Equal("12", situation["entreprise . salariés . effectif"]);
        Assert.Equal("oui", situation["salarié . contrat . temps de travail . temps partiel"]);
        Assert.Equal("24 heure/semaine", situation["salarié . contrat . temps de travail . temps partiel . heures par semaine"]);
        Assert.Equal("2.5 heure/mois", situation["salarié . temps de travail . heures supplémentaires"]);
        // 24 h a week is 104 h a month: 10 unpaid hours at 1,300 / 104 = 12.50 € are 125.00 €.
        Assert.Equal(104m, contract.MonthlyHours);
        Assert.Equal("1175.00 €/mois", situation["salarié . contrat . salaire brut"]);
        Assert.Equal("1300.00 €/mois", situation["salarié . mois incomplet . rémunération équivalente mois complet"]);
        Assert.True(contract.Covers(2026, 12));
        Assert.False(contract.Covers(2027, 1));
    }
}
