namespace CarteBlanche.Rights.Exchange;

public enum ImportStatus
{
    /// <summary>Being read; its records are not used. Left so by a crash: the next import of the operator removes them.</summary>
    Running,
    Succeeded,
    /// <summary>The file had errors: none of its rows was kept, the previous data stays.</summary>
    Rejected,
}

/// <summary>A file (or an API push) an operator sent under a convention; the latest succeeded one is current.</summary>
public sealed class OperatorImport
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ConventionId { get; set; }
    public Guid OperatorId { get; set; }
    public required string FileName { get; set; }
    public ImportStatus Status { get; set; }
    /// <summary>The records of the current import are the operator's data; a new succeeded import replaces them at once.</summary>
    public bool IsCurrent { get; set; }
    public int Rows { get; set; }
    /// <summary>Percent of the file read and written, while it runs (the page's progress bar).</summary>
    public int Progress { get; set; }
    public int ErrorCount { get; set; }
    /// <summary>The first errors, one per line (« ligne 12 : … »).</summary>
    public string? Errors { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>The data steward who sent it; null for the command line.</summary>
    public Guid? ImportedBy { get; set; }
}

/// <summary>
/// One person of an operator's current data: civil status in clear (what linkage compares), the NIR only as a keyed
/// hash, and the shared facts encrypted at rest (JSON, protected).
/// </summary>
public sealed class OperatorRecord
{
    /// <summary>Time-ordered (version 7): a file's hundreds of thousands of rows go at the end of the key's index instead of all over it.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The import says the convention and the operator (no copy of them on each of a file's rows).</summary>
    public Guid ImportId { get; set; }
    public required string SourceId { get; set; }
    public string? HouseholdId { get; set; }
    public PersonRole Role { get; set; }
    public string? NirHash { get; set; }
    public required string BirthName { get; set; }
    public string? UsageName { get; set; }
    public required string FirstNames { get; set; }
    public char Sex { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? BirthPlace { get; set; }
    public string? Commune { get; set; }
    public required string FactsProtected { get; set; }
}

/// <summary>A secret of the module kept in the database, protected by the app's data-protection keys (the NIR hash key).</summary>
public sealed class RightsSecret
{
    public required string Name { get; set; }
    public required string ProtectedValue { get; set; }
}
