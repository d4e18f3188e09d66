using System.Security.Claims;

namespace CarteBlanche.Desk.Contracts;

// What other modules may know of the desk, and the hooks through which they add to it.
// Nothing else of CarteBlanche.Desk is theirs to use (an architecture test enforces it).

/// <summary>A case as another module sees it. <see cref="Resident"/> is null once its personal data was wiped.</summary>
public sealed record DeskCase(
    Guid Id,
    string Reference,
    Guid SiteId,
    string SiteName,
    string SiteInseeCode,
    Guid OwnerId,
    DateTimeOffset OpenedAt,
    bool IsOpen,
    IReadOnlyList<DeskNeed> Needs,
    DeskResident? Resident);

/// <summary>A need of a case; <see cref="Domain"/> is the stable code (Sante, Emploi, Famille...).</summary>
public sealed record DeskNeed(Guid Id, string Domain, string DomainLabel, string Description);

/// <summary>The resident's data that may be shared with a partner, identifiers decrypted.</summary>
public sealed record DeskResident(
    string FirstName,
    string LastName,
    string? BirthName,
    DateOnly BirthDate,
    string? Phone,
    string? Email,
    string? PostalAddress,
    string? Nir,
    string? CafNumber,
    string? FranceTravailId);

/// <summary>What a partner's involvement does to the case.</summary>
public enum PartnerStep
{
    /// <summary>Only a line in the case's timeline.</summary>
    None,
    /// <summary>A partner was asked: a new or in-progress case now waits for a partner.</summary>
    Asked,
    /// <summary>The partner's useful answer came back: the case's answer is ready (path: with a partner).</summary>
    AnswerReceived,
    /// <summary>A partner answered a question: a case waiting for a partner shows « Réponse du partenaire reçue ».</summary>
    PartnerAnswered,
}

/// <summary>The open cases an agent carries, counted for the home page (nothing personal).</summary>
public sealed record DeskWorkload(int ToHandle, int PartnerAnswers, int AnswersToGive, int WaitingForPartner, int Overdue);

public interface IDeskCases
{
    /// <summary>The open cases this account owns at its site, by what is to be done with them.</summary>
    Task<DeskWorkload> WorkloadAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>
    /// The case, or null if there is none with this id. Decrypts the resident's identifiers (once per
    /// request: a second call in the same scope gives the same case, until <see cref="StageAsync"/>
    /// changes it): call it only to show or share them.
    /// </summary>
    Task<DeskCase?> FindAsync(Guid caseId, CancellationToken cancellationToken);

    /// <summary>The resident of the case; null when there is none (or it was wiped). Nothing decrypted.</summary>
    Task<Guid?> ResidentOfAsync(Guid caseId, CancellationToken cancellationToken);

    /// <summary>Whether a case with this id exists (nothing read from it, nothing decrypted).</summary>
    Task<bool> ExistsAsync(Guid caseId, CancellationToken cancellationToken);

    /// <summary>Whether this account follows the case: an agent or social worker of its site, or one it was shared with.</summary>
    Task<bool> CanFollowAsync(ClaimsPrincipal user, Guid caseId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a line to the case's timeline and applies the step. The changes join the caller's unit of
    /// work (the same scoped DbContext): they are saved with the caller's SaveChanges, or not at all.
    /// </summary>
    Task StageAsync(Guid caseId, Guid actorId, string text, PartnerStep step, CancellationToken cancellationToken);

    /// <summary>The ids of a site's cases opened since a date, oldest first (demonstration data of other modules).</summary>
    Task<IReadOnlyList<Guid>> CaseIdsOfSiteAsync(Guid siteId, DateTimeOffset openedSince, CancellationToken cancellationToken);

    /// <summary>How many cases were opened on that day (French time) with one of these places as the place of reception: a count, nothing personal.</summary>
    Task<int> CountOpenedAtAsync(IReadOnlyCollection<Guid> placeIds, DateOnly date, CancellationToken cancellationToken);
}

/// <summary>A line shown on the case page by another module (e.g. a question to a partner).</summary>
public sealed record CaseActivity(string Title, string Status, string? Detail, string Url, bool NeedsAttention);

/// <summary>A section of the case page filled by another module.</summary>
public sealed record CaseSection(string Title, IReadOnlyList<CaseActivity> Items, string? ActionLabel, string? ActionUrl, string EmptyText);

public interface ICaseSectionSource
{
    Task<CaseSection> ForCaseAsync(Guid caseId, bool caseIsOpen, CancellationToken cancellationToken);
}

/// <summary>
/// Called by the desk's retention job inside its transaction, for cases whose personal data is being wiped:
/// other modules delete what they keep about those cases (shared data, attachments, messages).
/// </summary>
public interface ICasePersonalDataWipe
{
    Task WipeAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken);
}

/// <summary>The need domains (code and French label), for other modules that count needs by domain.</summary>
public static class NeedDomains
{
    public static IReadOnlyList<(string Code, string Label)> All { get; } =
        Enum.GetValues<Cases.NeedDomain>().Select(d => (d.ToString(), Labels.Of(d))).ToList();
}

/// <summary>A resident as another module sees them: civil status and commune, no identifiers, nothing decrypted.</summary>
public sealed record DeskResidentCard(Guid Id, string FirstName, string LastName, string? BirthName, DateOnly BirthDate, string? CommuneInseeCode, Guid SiteId)
{
    public string FullName => $"{FirstName} {LastName}";
}

public interface IDeskResidents
{
    /// <summary>
    /// The resident when this desk user may open their file (registered at the user's site or with a case there);
    /// null when there is no such resident or it is not theirs to see (the refusal is journaled, as on the desk's pages).
    /// </summary>
    Task<DeskResidentCard?> FindVisibleAsync(ClaimsPrincipal user, Guid residentId, CancellationToken cancellationToken);

    /// <summary>Whether a resident with this id exists (to answer 404 rather than 403; nothing read from it).</summary>
    Task<bool> ExistsAsync(Guid residentId, CancellationToken cancellationToken);

    /// <summary>The residents with these ids (another module's own pages, after it checked its own access rule).</summary>
    Task<IReadOnlyList<DeskResidentCard>> FindAsync(IReadOnlyCollection<Guid> residentIds, CancellationToken cancellationToken);
}

/// <summary>A section of the resident's page filled by another module (e.g. the consents to data sharing).</summary>
public interface IResidentSectionSource
{
    Task<CaseSection> ForResidentAsync(Guid residentId, CancellationToken cancellationToken);
}

/// <summary>
/// Called by the desk's retention job inside its transaction, for residents being deleted: other modules delete what
/// they keep about them (consents, personal links).
/// </summary>
public interface IResidentPersonalDataWipe
{
    Task WipeAsync(IReadOnlyCollection<Guid> residentIds, CancellationToken cancellationToken);
}
