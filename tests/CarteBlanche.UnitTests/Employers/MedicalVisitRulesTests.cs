using CarteBlanche.Employers.Career;
using Xunit;

namespace CarteBlanche.UnitTests.Employers;

public sealed class MedicalVisitRulesTests
{
    private static MedicalVisit Visit(MedicalVisitKind kind, DateOnly on) => new() { Kind = kind, HeldOn = on };

    [Fact]
    public void A_newcomer_has_an_information_and_prevention_visit_within_three_months_then_every_five_years()
    {
        var hired = new DateOnly(2026, 2, 2);
        Assert.Equal(new DateOnly(2026, 5, 2), MedicalVisitRules.Due(hired, null, []).Single().Due);
        var due = MedicalVisitRules.Due(hired, null, [Visit(MedicalVisitKind.InformationPrevention, new DateOnly(2026, 4, 20))]).Single();
        Assert.Equal((MedicalVisitKind.InformationPrevention, new DateOnly(2031, 4, 20)), (due.Kind, due.Due));
    }

    [Fact]
    public void Under_the_reinforced_follow_up_an_intermediate_visit_comes_at_two_years_then_the_examination_at_four()
    {
        var hired = new DateOnly(2026, 1, 5);
        var aptitude = Visit(MedicalVisitKind.ReinforcedAptitude, new DateOnly(2026, 1, 2));
        var first = MedicalVisitRules.Due(hired, null, [aptitude]).Single();
        Assert.Equal((MedicalVisitKind.InformationPrevention, new DateOnly(2028, 1, 2)), (first.Kind, first.Due));
        var then = MedicalVisitRules.Due(hired, null, [aptitude, Visit(MedicalVisitKind.InformationPrevention, new DateOnly(2027, 12, 1))]).Single();
        Assert.Equal((MedicalVisitKind.ReinforcedAptitude, new DateOnly(2030, 1, 2)), (then.Kind, then.Due));
    }

    [Fact]
    public void The_mid_career_visit_falls_in_the_year_of_the_45th_birthday_unless_held_or_past_before_the_hiring()
    {
        var hired = new DateOnly(2026, 3, 1);
        var visits = MedicalVisitRules.Due(hired, new DateOnly(1985, 7, 14), []);
        Assert.Contains(visits, v => v.Kind == MedicalVisitKind.MidCareer && v.Due == new DateOnly(2030, 12, 31));
        Assert.DoesNotContain(MedicalVisitRules.Due(hired, new DateOnly(1970, 7, 14), []), v => v.Kind == MedicalVisitKind.MidCareer);
        Assert.DoesNotContain(MedicalVisitRules.Due(hired, new DateOnly(1985, 7, 14), [Visit(MedicalVisitKind.MidCareer, new DateOnly(2030, 3, 3))]), v => v.Kind == MedicalVisitKind.MidCareer);
    }
}
