using CarteBlanche.Employers.Career;
using Xunit;

namespace CarteBlanche.UnitTests.Employers;

/// <summary>The professional interview's deadlines before and since loi 2025-989 (1 October 2026), and across the change-over.</summary>
public sealed class ProfessionalInterviewRulesTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Someone_hired_after_the_change_has_a_first_interview_within_the_year()
    {
        var due = ProfessionalInterviewRules.NextInterview(D(2026, 11, 2), null);
        Assert.Equal(D(2027, 11, 2), due.Due);
        Assert.Contains("loi 2025-989", due.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void After_an_interview_held_under_the_new_rule_the_next_is_four_years_later()
    {
        Assert.Equal(D(2029, 6, 1), ProfessionalInterviewRules.NextInterview(D(2020, 3, 1), D(2025, 6, 1)).Due);
        Assert.Equal(D(2030, 10, 15), ProfessionalInterviewRules.NextInterview(D(2020, 3, 1), D(2026, 10, 15)).Due);
    }

    [Fact]
    public void A_deadline_the_former_rule_set_before_october_2026_stands_and_can_be_overdue()
    {
        var due = ProfessionalInterviewRules.NextInterview(D(2020, 3, 1), D(2024, 5, 1));
        Assert.Equal(D(2026, 5, 1), due.Due);
        Assert.Contains("avant le 1er octobre 2026", due.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void The_new_rule_does_not_make_a_first_interview_fall_due_before_it_applied()
    {
        // Hired in January 2025: « within the year » would be January 2026, before the law applied; the former two years stand.
        var due = ProfessionalInterviewRules.NextInterview(D(2025, 1, 10), null);
        Assert.Equal(D(2027, 1, 10), due.Due);
    }

    [Fact]
    public void The_recap_is_every_six_years_before_the_change_and_every_eight_after()
    {
        Assert.Equal(D(2025, 1, 1), ProfessionalInterviewRules.NextRecap(D(2019, 1, 1), null).Due);
        Assert.Equal(D(2029, 1, 1), ProfessionalInterviewRules.NextRecap(D(2021, 1, 1), null).Due);
        Assert.Equal(D(2033, 2, 1), ProfessionalInterviewRules.NextRecap(D(2017, 1, 1), D(2025, 2, 1)).Due);
    }
}
