using CarteBlanche.Desk.Mandates;
using Xunit;

namespace CarteBlanche.UnitTests.Desk;

public sealed class MandateTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Resident = Guid.NewGuid();
    private static readonly Guid Site = Guid.NewGuid();
    private static readonly Guid OtherSite = Guid.NewGuid();
    private static readonly Guid Antoine = Guid.NewGuid();
    private static readonly Guid Berenice = Guid.NewGuid();

    private static Mandate Given(Guid? agentId, MandateDuration duration = MandateDuration.OneMonth, MandateConsent consent = MandateConsent.InPerson,
        bool signedFormKept = false, params MandateDomain[] domains) =>
        Mandate.Grant(Resident, Site, agentId, domains.Length == 0 ? [MandateDomain.Argent, MandateDomain.Logement] : domains,
            duration, consent, signedFormKept, Today, Now, Antoine);

    [Theory]
    [InlineData(MandateDuration.OneDay, "2026-11-24")]
    [InlineData(MandateDuration.OneMonth, "2026-12-23")]
    [InlineData(MandateDuration.SixMonths, "2027-05-23")]
    [InlineData(MandateDuration.OneYear, "2027-11-23")]
    public void A_mandate_starts_today_and_ends_the_day_before_its_duration_is_up(MandateDuration duration, string lastDay)
    {
        var mandate = Given(Antoine, duration);

        Assert.Equal(Today, mandate.StartsOn);
        Assert.Equal(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), mandate.EndsOn);
    }

    [Fact]
    public void A_one_month_mandate_from_the_31st_follows_the_shorter_calendar_month()
    {
        Assert.Equal(new DateOnly(2027, 2, 27), Mandate.EndFor(new DateOnly(2027, 1, 31), MandateDuration.OneMonth));
    }

    [Fact]
    public void Status_is_active_through_the_last_day_then_expired()
    {
        var mandate = Given(Antoine, MandateDuration.OneDay);

        Assert.Equal(MandateStatus.Active, mandate.StatusOn(Today));
        Assert.True(mandate.IsActiveOn(Today));
        Assert.Equal(MandateStatus.Expired, mandate.StatusOn(Today.AddDays(1)));
        Assert.False(mandate.IsActiveOn(Today.AddDays(1)));
    }

    [Fact]
    public void A_revoked_mandate_is_revoked_whatever_its_dates_and_cannot_be_revoked_twice()
    {
        var mandate = Given(Antoine, MandateDuration.OneYear);

        Assert.Null(mandate.Revoke(Now.AddHours(1), Antoine));

        Assert.Equal(MandateStatus.Revoked, mandate.StatusOn(Today));
        Assert.Equal(MandateStatus.Revoked, mandate.StatusOn(Today.AddYears(2)));
        Assert.Contains("déjà révoqué", mandate.Revoke(Now.AddHours(2), Antoine), StringComparison.Ordinal);
    }

    [Fact]
    public void A_signed_paper_mandate_waits_for_its_form_before_it_can_be_used()
    {
        var waiting = Given(Antoine, consent: MandateConsent.SignedPaperForm);
        var kept = Given(Antoine, consent: MandateConsent.SignedPaperForm, signedFormKept: true);
        var inPerson = Given(Antoine, consent: MandateConsent.InPerson, signedFormKept: true);

        Assert.Equal(MandateStatus.AwaitingSignedForm, waiting.StatusOn(Today));
        Assert.False(MandateRules.Authorise([waiting], MandateDomain.Argent, Antoine, Site, Today).IsAllowed);
        Assert.Equal(MandateStatus.Active, kept.StatusOn(Today));
        Assert.Null(inPerson.SignedFormKeptAt);

        Assert.Null(waiting.RecordSignedForm(Now.AddHours(1), Today));
        Assert.Equal(MandateStatus.Active, waiting.StatusOn(Today));
        Assert.Contains("déjà enregistré", waiting.RecordSignedForm(Now.AddHours(2), Today), StringComparison.Ordinal);
        Assert.Contains("consenti en personne", inPerson.RecordSignedForm(Now, Today), StringComparison.Ordinal);
    }

    [Fact]
    public void A_mandate_given_by_name_covers_that_agent_only()
    {
        var mandate = Given(Antoine);

        Assert.True(MandateRules.Authorise([mandate], MandateDomain.Argent, Antoine, Site, Today).IsAllowed);
        var colleague = MandateRules.Authorise([mandate], MandateDomain.Argent, Berenice, Site, Today);
        Assert.False(colleague.IsAllowed);
        Assert.Contains("donné à un autre agent", colleague.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mandate_given_to_the_site_covers_every_agent_of_that_site_and_no_other()
    {
        var mandate = Given(null);

        Assert.True(MandateRules.Authorise([mandate], MandateDomain.Logement, Antoine, Site, Today).IsAllowed);
        Assert.True(MandateRules.Authorise([mandate], MandateDomain.Logement, Berenice, Site, Today).IsAllowed);
        Assert.False(MandateRules.Authorise([mandate], MandateDomain.Logement, Berenice, OtherSite, Today).IsAllowed);
        Assert.False(MandateRules.Authorise([mandate], MandateDomain.Logement, Berenice, null, Today).IsAllowed);
    }

    [Fact]
    public void Another_domain_is_refused_with_the_domains_the_mandate_does_cover()
    {
        var decision = MandateRules.Authorise([Given(Antoine)], MandateDomain.Justice, Antoine, Site, Today);

        Assert.False(decision.IsAllowed);
        Assert.Equal("Le mandat de l'usager ne couvre pas le domaine « Justice » (il couvre : Logement, Argent). Pour agir dans ce domaine, créez un nouveau mandat avec l'usager.",
            decision.Refusal);
    }

    [Fact]
    public void Without_any_mandate_the_refusal_says_to_create_one()
    {
        var decision = MandateRules.Authorise([], MandateDomain.Etranger, Antoine, Site, Today);

        Assert.Null(decision.Mandate);
        Assert.Contains("Aucun mandat actif", decision.Refusal, StringComparison.Ordinal);
        Assert.Contains("« Étranger »", decision.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Expired_and_revoked_mandates_are_refused_with_their_date()
    {
        var expired = Given(Antoine, MandateDuration.OneDay);
        var expiredDecision = MandateRules.Authorise([expired], MandateDomain.Argent, Antoine, Site, Today.AddDays(3));
        Assert.False(expiredDecision.IsAllowed);
        Assert.Contains("a expiré : il était valable jusqu'au 24 novembre 2026 inclus", expiredDecision.Refusal, StringComparison.Ordinal);

        var revoked = Given(Antoine, MandateDuration.OneYear);
        revoked.Revoke(Now.AddHours(2), Antoine);
        var revokedDecision = MandateRules.Authorise([revoked], MandateDomain.Argent, Antoine, Site, Today);
        Assert.False(revokedDecision.IsAllowed);
        Assert.Contains("révoqué par l'usager le 24 novembre 2026", revokedDecision.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_mandate_after_a_revoked_one_allows_again_and_the_named_one_is_preferred()
    {
        var revoked = Given(Antoine, MandateDuration.OneYear);
        revoked.Revoke(Now, Antoine);
        var site = Given(null, MandateDuration.SixMonths);
        var named = Given(Antoine, MandateDuration.OneMonth);

        Assert.Same(named, MandateRules.Authorise([revoked, site, named], MandateDomain.Argent, Antoine, Site, Today).Mandate);
        Assert.Same(site, MandateRules.Authorise([revoked, site, named], MandateDomain.Argent, Berenice, Site, Today).Mandate);
    }

    [Fact]
    public void The_form_needs_a_domain_a_duration_a_consent_a_grantee_and_the_residents_agreement()
    {
        var form = new MandateForm();

        var errors = form.Validate([Antoine]).ToDictionary(e => e.Key, e => e.Value);

        Assert.Equal("Choisissez au moins un domaine dans lequel l'usager vous autorise à agir.", errors[nameof(MandateForm.Domains)]);
        Assert.Contains("durée", errors[nameof(MandateForm.Duration)], StringComparison.Ordinal);
        Assert.Contains("accord", errors[nameof(MandateForm.Consent)], StringComparison.Ordinal);
        Assert.Contains("à qui", errors[nameof(MandateForm.GrantedTo)], StringComparison.Ordinal);
        Assert.Contains("informé", errors[nameof(MandateForm.ResidentInformed)], StringComparison.Ordinal);
    }

    [Fact]
    public void The_form_gives_the_mandate_to_an_agent_of_the_site_or_to_the_whole_site_only()
    {
        MandateForm Form(string grantedTo) => new()
        {
            Domains = [MandateDomain.Famille],
            Duration = MandateDuration.SixMonths,
            Consent = MandateConsent.InPerson,
            GrantedTo = grantedTo,
            ResidentInformed = true,
        };

        var named = Form(Berenice.ToString());
        Assert.Empty(named.Validate([Antoine, Berenice]));
        Assert.Equal(Berenice, named.AgentId);

        var site = Form(MandateForm.WholeSite);
        Assert.Empty(site.Validate([Antoine]));
        Assert.Null(site.AgentId);

        var stranger = Form(Guid.NewGuid().ToString());
        Assert.Contains("agent de votre lieu", Assert.Single(stranger.Validate([Antoine, Berenice])).Value, StringComparison.Ordinal);
    }
}
