using CarteBlanche.Desk.Contracts;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Network.Questions;

/// <summary>The case page's "Sollicitations des partenaires" section: every question about the case, with its countdown.</summary>
internal sealed class CaseQuestionsSection(CarteBlancheDbContext db, FrenchBusinessCalendar calendar, TimeProvider timeProvider) : ICaseSectionSource
{
    public async Task<CaseSection> ForCaseAsync(Guid caseId, bool caseIsOpen, CancellationToken cancellationToken)
    {
        var questions = await (from q in db.Set<PartnerQuestion>()
                               join o in db.Organisations on q.OrganisationId equals o.Id
                               where q.CaseId == caseId
                               orderby q.SentAt descending
                               select q).AsNoTracking().ToListAsync(cancellationToken);
        var organisationIds = questions.Select(q => q.OrganisationId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var items = questions.Select(q =>
        {
            var dueAt = q.Current.DueAt;
            var overdue = q.AwaitsPartner && dueAt <= now;
            var detail = q.AwaitsPartner
                ? $"Envoyée le {FrenchFormat.DateTime(q.SentAt)} — réponse attendue au plus tard le {FrenchFormat.Deadline(dueAt)} ({QuestionDeadline.Countdown(QuestionDeadline.Left(calendar, dueAt, now))})"
                : q.State == QuestionState.Answered ? "Réponse reçue : lisez-la, puis clôturez la sollicitation en disant si elle a été utile."
                : q.State == QuestionState.Closed ? $"Close le {FrenchFormat.DateTime(q.ClosedAt!.Value)} — " + (q.Usefulness is { } useful ? $"réponse utile : {Labels.Of(useful).ToLowerInvariant()}" : "sans réponse du partenaire")
                : q.State == QuestionState.MoreInfoNeeded ? "Le partenaire attend une information de votre part."
                : "Le partenaire indique que ce n'est pas de son ressort : réorientez la sollicitation.";
            return new CaseActivity($"{q.Reference} — {names[q.OrganisationId]}", Labels.Of(q.State), detail, QuestionWorkflow.QuestionPath(q.Id),
                overdue || q.State is QuestionState.Answered or QuestionState.MoreInfoNeeded or QuestionState.NotRightPartner);
        }).ToList();
        return new CaseSection("Sollicitations des partenaires", items,
            caseIsOpen ? "Solliciter un partenaire" : null, caseIsOpen ? $"/reseau/solliciter/{caseId:D}" : null,
            "Aucun partenaire n'a été sollicité pour cette demande.");
    }
}

/// <summary>Wipes what the network keeps about cases whose personal data the desk's retention job wipes (same transaction).</summary>
internal sealed class QuestionDataWipe(CarteBlancheDbContext db, TimeProvider timeProvider) : ICasePersonalDataWipe
{
    public async Task WipeAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken)
    {
        var ids = caseIds.ToList();
        var questions = db.Set<PartnerQuestion>().Where(q => ids.Contains(q.CaseId));
        await db.Set<QuestionAttachment>().Where(a => questions.Any(q => q.Id == a.QuestionId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<QuestionMessage>().Where(m => questions.Any(q => q.Id == m.QuestionId)).ExecuteUpdateAsync(s => s.SetProperty(m => m.Text, ""), cancellationToken);
        var now = timeProvider.GetUtcNow();
        await questions.ExecuteUpdateAsync(s => s.SetProperty(q => q.SharedDataProtected, (string?)null).SetProperty(q => q.WipedAt, now), cancellationToken);
    }
}
