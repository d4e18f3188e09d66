using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Residents;
using Xunit;

namespace CarteBlanche.UnitTests.Desk;

public sealed class CaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_case_answered_at_the_counter_goes_to_resolved_through_every_state()
    {
        var c = new Case();
        Assert.Null(c.Start());
        Assert.Equal(CaseState.InProgress, c.State);
        Assert.Null(c.MarkAnswerReady(ResolutionPath.AtCounter));
        Assert.Null(c.ReturnAnswer(ContactChannel.Email, Now));
        Assert.Null(c.Close(CaseOutcome.Resolved, null, Now));
        Assert.Equal(CaseState.Closed, c.State);
        Assert.Equal(ResolutionPath.AtCounter, c.Path);
    }

    [Fact]
    public void A_referral_keeps_the_case_open_until_its_outcome_is_recorded()
    {
        var c = new Case();
        Assert.Null(c.Refer("Point justice de Cahors", new DateOnly(2026, 11, 24)));
        Assert.True(c.IsOpen);
        Assert.Contains("orientation est en cours", c.MarkAnswerReady(ResolutionPath.AtCounter), StringComparison.Ordinal);
        Assert.Contains("résolue qu'une fois la réponse rendue", c.Close(CaseOutcome.Resolved, null, Now), StringComparison.Ordinal);

        Assert.Null(c.RecordReferralOutcome("Rendez-vous obtenu, dossier d'aide juridictionnelle déposé"));
        Assert.Equal(CaseState.AnswerReady, c.State);
        Assert.Equal(ResolutionPath.Referred, c.Path);
        Assert.False(c.ReferralPending);
    }

    [Fact]
    public void Closing_without_resolution_needs_a_reason()
    {
        var c = new Case();
        Assert.Contains("Indiquez pourquoi", c.Close(CaseOutcome.Abandoned, " ", Now), StringComparison.Ordinal);
        Assert.Null(c.Close(CaseOutcome.Abandoned, "L'usager ne s'est pas représenté", Now));
        Assert.Contains("déjà close", c.Close(CaseOutcome.Abandoned, "encore", Now), StringComparison.Ordinal);
    }

    [Fact]
    public void The_answer_cannot_be_returned_before_it_is_ready()
    {
        var c = new Case();
        Assert.Contains("notée prête", c.ReturnAnswer(ContactChannel.Phone, Now), StringComparison.Ordinal);
        Assert.Equal(CaseState.New, c.State);
    }

    [Fact]
    public void Overdue_means_past_due_and_answer_not_yet_given()
    {
        var c = new Case { DueDate = new DateOnly(2026, 11, 20) };
        Assert.True(c.IsOverdue(new DateOnly(2026, 11, 24)));
        Assert.False(c.IsOverdue(new DateOnly(2026, 11, 20)));
        c.MarkAnswerReady(ResolutionPath.WithPartner);
        c.ReturnAnswer(ContactChannel.Letter, Now);
        Assert.False(c.IsOverdue(new DateOnly(2026, 11, 24)));
    }
}

public sealed class SatisfactionSurveyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_survey_is_answered_once_within_its_lifetime()
    {
        var (survey, token) = CarteBlanche.Desk.Satisfaction.SatisfactionSurvey.Create(new Case(), Now);
        Assert.Equal(CarteBlanche.Desk.Satisfaction.SatisfactionSurvey.Hash(token), survey.TokenHash);
        Assert.Contains("de 1 à 5", survey.Answer(6, Now), StringComparison.Ordinal);
        Assert.Null(survey.Answer(4, Now.AddDays(1)));
        Assert.Contains("déjà répondu", survey.Answer(5, Now.AddDays(2)), StringComparison.Ordinal);
        Assert.Equal(4, survey.Score);
    }

    [Fact]
    public void An_expired_survey_refuses_answers()
    {
        var (survey, _) = CarteBlanche.Desk.Satisfaction.SatisfactionSurvey.Create(new Case(), Now);
        Assert.Contains("expiré", survey.Answer(3, Now.AddDays(15)), StringComparison.Ordinal);
        Assert.Null(survey.AnsweredAt);
    }
}
