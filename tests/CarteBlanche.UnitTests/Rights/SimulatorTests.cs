using CarteBlanche.Benefits;
using CarteBlanche.Rights.Simulator;
using Xunit;

namespace CarteBlanche.UnitTests.Rights;

public sealed class SimulatorTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("1 250", 1250)]
    [InlineData("412,50", 412.50)]
    [InlineData("412.50 €", 412.50)]
    [InlineData("1\u202f250", 1250)]
    public void Amounts_are_read_as_typed_in_french(string typed, double expected) =>
        Assert.Equal((decimal)expected, RightsSimulator.ParseAmount(typed));

    [Theory]
    [InlineData("-5")]
    [InlineData("douze")]
    [InlineData("100000")]
    public void A_negative_unreadable_or_absurd_amount_is_refused(string typed) =>
        Assert.Null(RightsSimulator.ParseAmount(typed));

    [Fact]
    public void Children_s_ages_are_read_from_a_list_and_a_wrong_one_refuses_the_list()
    {
        Assert.Equal([3, 7], RightsSimulator.ParseChildren("3, 7"));
        Assert.Empty(RightsSimulator.ParseChildren(" ")!);
        Assert.Null(RightsSimulator.ParseChildren("3, 25"));
        Assert.Null(RightsSimulator.ParseChildren("trois"));
    }

    [Fact]
    public void A_couple_over_the_age_for_the_aspa_without_resources_gets_it_and_a_young_person_alone_without_resources_does_not_get_the_rsa()
    {
        var today = new DateOnly(2026, 6, 15);
        var month = Month.Of(2026, 6);
        var retired = RightsSimulator.Simulate(new SimulatorForm { Couple = true, Age = "72", PartnerAge = "70", Housing = "proprietaire" }, month, today);
        Assert.True(retired.Single(r => r.Code == "aspa").Entitled);
        var young = RightsSimulator.Simulate(new SimulatorForm { Age = "22", Housing = "locataire_vide", Rent = "350" }, month, today);
        var rsa = young.Single(r => r.Code == "rsa");
        Assert.False(rsa.Entitled);
        Assert.Contains(rsa.Steps, s => s.Contains("25", StringComparison.Ordinal)); // the age condition, explained
        Assert.Empty(RightsSimulator.Validate(new SimulatorForm { Age = "22" }));
        Assert.Contains("Age", RightsSimulator.Validate(new SimulatorForm { Age = "12" }).Keys);
    }
}
