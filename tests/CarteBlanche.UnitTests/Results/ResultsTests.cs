using System.Text;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Results;
using Xunit;

namespace CarteBlanche.UnitTests.Results;

public sealed class ResultsTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void A_count_of_one_to_four_is_masked_in_public_and_zero_is_not(int count, bool masked)
    {
        var value = ResultValue.Count(count).ForPublic();
        Assert.Equal(masked, value.Masked);
        Assert.Equal(masked ? "< 5" : count.ToString(System.Globalization.CultureInfo.InvariantCulture), ResultFormat.Text(value, ResultUnit.Count));
    }

    [Fact]
    public void A_share_is_masked_by_the_number_it_is_taken_over_not_by_its_value()
    {
        // 3 answers out of 4 within the commitment: 75 %, standing on 4 cases.
        Assert.True(ResultValue.Share(3, 4).ForPublic().Masked);
        Assert.Equal("87,5 %", ResultFormat.Text(ResultValue.Share(7, 8).ForPublic(), ResultUnit.Percent));
        Assert.Equal("—", ResultFormat.Text(ResultValue.Share(0, 0).ForPublic(), ResultUnit.Percent));
    }

    [Fact]
    public void The_csv_has_one_line_per_figure_with_masked_ones_secret_and_without_their_basis()
    {
        var months = new[] { new YearMonth(2026, 11), new YearMonth(2026, 12) };
        var results = new SolutionResults("car", "Le car", "", months,
            [new ResultChart("contacts", "Contacts", ResultUnit.Count, ChartKind.Bar, [new ResultSeries("Visiteurs", [ResultValue.Count(12), ResultValue.Count(3)])])],
            [new ResultBreakdown("arrets", "Par arrêt", "Commune", [("Note", ResultUnit.Rating)], [("Cahors", [ResultValue.Of(4.25, 8)])])]).ForPublic();
        var text = Encoding.UTF8.GetString(ResultFormat.ToCsv([results])).TrimStart('\uFEFF');
        Assert.Equal(
            "solution;indicateur;serie;mois_ou_ligne;valeur;unite;base\r\n" +
            "car;Contacts;Visiteurs;2026-11;secret;nombre;\r\n" +
            "car;Contacts;Visiteurs;2026-12;secret;nombre;\r\n" +
            "car;Par arrêt;Note;Cahors;4,25;note sur 5;8\r\n", text);
    }

    [Fact]
    public void A_lone_masked_month_takes_the_smallest_other_with_it_so_that_a_total_does_not_give_it_back()
    {
        var months = YearMonth.Range(new YearMonth(2026, 1), new YearMonth(2026, 4)).ToList();
        var results = new SolutionResults("car", "Le car", "", months,
            [new ResultChart("contacts", "Contacts", ResultUnit.Count, ChartKind.Bar, [new ResultSeries("Visiteurs", [ResultValue.Count(40), ResultValue.Count(2), ResultValue.Count(9), ResultValue.Count(0)])])],
            []).ForPublic();
        Assert.Equal(["40", "< 5", "< 5", "0"], results.Charts[0].Series[0].Values.Select(v => ResultFormat.Text(v, ResultUnit.Count)));
    }

    [Fact]
    public void A_share_whose_parts_are_published_is_masked_when_either_part_is_small()
    {
        // 18 of 20 needs found a solution: the 2 without one would be given back by the share.
        Assert.True(ResultValue.ShareOfCounts(18, 20).ForPublic().Masked);
        Assert.Equal("75 %", ResultFormat.Text(ResultValue.ShareOfCounts(15, 20).ForPublic(), ResultUnit.Percent));
        Assert.Equal("100 %", ResultFormat.Text(ResultValue.ShareOfCounts(20, 20).ForPublic(), ResultUnit.Percent));
    }

    [Fact]
    public void The_period_is_the_last_twelve_months_by_default()
    {
        var (from, to, error) = ResultsPeriod.Read(null, " ", Today);
        Assert.Equal((new YearMonth(2026, 1), new YearMonth(2026, 12), (string?)null), (from, to, error));
        var (earlierFrom, earlierTo, _) = ResultsPeriod.Read(null, "2026-02", Today);
        Assert.Equal((new YearMonth(2025, 3), new YearMonth(2026, 2)), (earlierFrom, earlierTo));
    }

    [Theory]
    [InlineData("2026-13", "2026-12", "« Du » : « 2026-13 » n'est pas un mois")]
    [InlineData("2026-01", "décembre", "« Au » : « décembre » n'est pas un mois")]
    [InlineData("2026-05", "2026-04", "« Du » doit être avant « Au »")]
    [InlineData("2026-01", "2027-01", "après le mois en cours")]
    [InlineData("2023-01", "2026-01", "36 mois au plus")]
    [InlineData("", "0001-05", "« Au » : les résultats commencent en 2020-12")]
    [InlineData("0001-01", "2026-03", "« Du » : les résultats commencent en 2020-12")]
    public void A_wrong_period_says_which_field_and_falls_back_to_the_last_twelve_months(string from, string to, string message)
    {
        var (first, last, error) = ResultsPeriod.Read(from, to, Today);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal((new YearMonth(2026, 1), new YearMonth(2026, 12)), (first, last));
    }
}
