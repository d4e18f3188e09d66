using System.Globalization;
using CarteBlanche.Platform.Calendar;
using Xunit;

namespace CarteBlanche.UnitTests.Calendar;

public sealed class YearMonthTests
{
    [Fact]
    public void A_month_reads_and_writes_as_iso_and_shows_in_french()
    {
        Assert.True(YearMonth.TryParse("2026-03", out var march));
        Assert.Equal(new YearMonth(2026, 3), march);
        Assert.Equal("2026-03", march.ToString());
        Assert.Equal("mars 2026", march.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR")));
        Assert.Equal(new DateOnly(2026, 3, 31), march.LastDay);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-3")]
    [InlineData("26-03")]
    [InlineData("2026/03")]
    [InlineData("mars")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_refused(string? text)
    {
        Assert.False(YearMonth.TryParse(text, out _));
    }

    [Fact]
    public void Months_add_across_years_and_ranges_include_both_ends()
    {
        var november = new YearMonth(2026, 11);
        Assert.Equal(new YearMonth(2027, 2), november.AddMonths(3));
        Assert.Equal(new YearMonth(2026, 6), november.AddMonths(-5));
        Assert.Equal(3, november.MonthsUntil(new YearMonth(2027, 2)));
        Assert.True(november < new YearMonth(2027, 1));
        Assert.Equal(["2026-11", "2026-12", "2027-01"], YearMonth.Range(november, new YearMonth(2027, 1)).Select(m => m.ToString()));
        Assert.Empty(YearMonth.Range(november, new YearMonth(2026, 10)));
    }
}
