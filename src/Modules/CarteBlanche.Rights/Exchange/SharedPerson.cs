namespace CarteBlanche.Rights.Exchange;

/// <summary>A person's place in the operator's household (dossier).</summary>
public enum PersonRole
{
    /// <summary>Allocataire, demandeur, assuré: the person the dossier is in the name of.</summary>
    Applicant,
    /// <summary>Conjoint, concubin, partenaire.</summary>
    Partner,
    Child,
    /// <summary>A person known alone (France Travail, CPAM): no household.</summary>
    Person,
}

/// <summary>
/// One person as an operator knows them: civil status (how persons are identified across operators: API Particulier
/// never gives a NIR), optionally the NIR, and the facts the convention lets the operator share, by attribute code
/// (<c>code</c> or <c>code:AAAA-MM</c> for a month's value). The NIR here is in clear only on its way in: it is stored
/// as a keyed hash.
/// </summary>
public sealed record SharedPerson(
    string SourceId,
    string? HouseholdId,
    PersonRole Role,
    string? Nir,
    string BirthName,
    string? UsageName,
    string FirstNames,
    char Sex,
    DateOnly? BirthDate,
    string? BirthPlace,
    string? Commune,
    IReadOnlyDictionary<string, string> Facts);
