using CarteBlanche.Platform.Web;
using System.Globalization;
using System.Text.Json;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Rights.Campaigns;
using CarteBlanche.Desk.Contracts;
using Microsoft.AspNetCore.DataProtection;

namespace CarteBlanche.Rights.Pages.Droits.Signalements;

/// <summary>
/// A signalled household, for the competent operator's data steward: who (the persons as each operator knows them),
/// why (the engine's explanation and what was assumed), what to say, and the outreach's outcome. A desk agent sees it
/// too when a resident of their site linked to the household consented to non-take-up detection for that operator —
/// then only that resident among the persons. Every reading and every change is journaled.
/// </summary>
[Authorize(Policy = Policies.Rights)]
public sealed class FicheModel(CarteBlancheDbContext db, IDataProtectionProvider provider, IDeskResidents deskResidents, IAuditLog auditLog, ParisClock clock) : PageModel
{
    private readonly IDataProtector _protector = provider.CreateProtector(SignalProtection.Purpose);

    public Signal Signal { get; private set; } = default!;
    public SignalDetail Detail { get; private set; } = default!;
    public DateOnly CampaignMonth { get; private set; }
    public bool Saved { get; private set; }
    /// <summary>Set when a desk agent reads it: the consenting residents of their site in the household.</summary>
    public IReadOnlyList<DeskResidentCard> Residents { get; private set; } = [];
    public bool ForDesk => Residents.Count > 0;

    [BindProperty] public OutreachStatus Status { get; set; }
    [BindProperty] public OutreachChannel? Channel { get; set; }
    [BindProperty] public DateOnly? OpenedOn { get; set; }
    [BindProperty] public string? OpenedAmount { get; set; }

    /// <summary>What the person contacting the household says, from the explanation.</summary>
    public string Script => Signal.Kind == SignalKind.Anomaly
        ? "Vérifier le dossier : le RSA ouvre la complémentaire santé solidaire gratuite sans autre demande."
        : $"Bonjour, {(ForDesk ? $"ici votre espace France Services. Avec l'accord que vous nous avez donné, {(Signal.Benefit == "css" ? "l'Assurance maladie" : "la CAF")} nous signale que" : $"c'est {(Signal.Benefit == "css" ? "l'Assurance maladie" : "la CAF")}. D'après")} les informations que nous partageons avec votre accord ou dans le cadre de notre mission, "
          + $"vous pourriez avoir droit {(Signal.Benefit switch { "rsa" => "au revenu de solidarité active (RSA)", "ppa" => "à la prime d'activité", _ => "à la complémentaire santé solidaire" })}"
          + $"{(Signal.MonthlyAmount > 0 && Signal.Benefit != "css" ? $", environ {FrenchFormat.Euros(Signal.MonthlyAmount)} par mois" : "")}. Nous pouvons faire la demande avec vous : c'est rapide, et sans engagement.";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }
        (Status, Channel, OpenedOn) = (Signal.Status, Signal.Channel, Signal.OpenedOn);
        OpenedAmount = Signal.OpenedAmount?.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR"));
        auditLog.Add(db, new AuditEvent("rights.signal-read", "Signal", id.ToString("D"), AuditPurpose.NonTakeUpOutreach, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }
        decimal? amount = null;
        if (!string.IsNullOrWhiteSpace(OpenedAmount))
        {
            if (decimal.TryParse(OpenedAmount.Replace('.', ',').Replace(" ", "", StringComparison.Ordinal).Replace("€", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.GetCultureInfo("fr-FR"), out var parsed) && parsed is >= 0 and < 100_000)
            {
                amount = parsed;
            }
            else
            {
                ModelState.AddModelError(nameof(OpenedAmount), "Indiquez le montant mensuel en euros, par exemple 412,50.");
            }
        }
        if (Status == OutreachStatus.RightOpened && OpenedOn == null)
        {
            ModelState.AddModelError(nameof(OpenedOn), "Indiquez la date d'ouverture du droit.");
        }
        if (OpenedOn is { } day && (day > clock.Today || day < CampaignMonth))
        {
            ModelState.AddModelError(nameof(OpenedOn), $"La date d'ouverture doit être comprise entre le {FrenchFormat.Date(CampaignMonth)} et aujourd'hui.");
        }
        if (Status != OutreachStatus.ToContact && Channel == null)
        {
            ModelState.AddModelError(nameof(Channel), "Indiquez comment le foyer a été contacté.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var signal = await db.Set<Signal>().SingleAsync(s => s.Id == id, cancellationToken);
        signal.Status = Status;
        signal.Channel = Channel;
        signal.ContactedOn ??= Status == OutreachStatus.ToContact ? null : clock.Today;
        signal.OpenedOn = Status == OutreachStatus.RightOpened ? OpenedOn : null;
        signal.OpenedAmount = Status == OutreachStatus.RightOpened ? amount : null;
        signal.UpdatedAt = clock.Now;
        signal.UpdatedBy = User.AccountId();
        auditLog.Add(db, new AuditEvent("rights.outreach", "Signal", id.ToString("D"), AuditPurpose.NonTakeUpOutreach, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        Signal = signal;
        Saved = true;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var signal = await db.Set<Signal>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (signal == null)
        {
            return NotFound();
        }
        var campaign = await db.Set<Campaign>().AsNoTracking().SingleAsync(c => c.Id == signal.CampaignId, cancellationToken);
        var today = clock.Today;
        var opposed = await CampaignConsents.OpposedAsync(db, campaign.ConventionId, today, cancellationToken);
        var matches = await db.Set<ResidentMatch>().AsNoTracking().Where(m => m.CampaignId == signal.CampaignId && m.Household == signal.Household).ToListAsync(cancellationToken);
        if (matches.Any(m => opposed.Contains(m.ResidentId)))
        {
            // A resident of the household withdrew their consent: the household is out of every campaign.
            return NotFound();
        }
        Signal = signal;
        CampaignMonth = campaign.Month;
        // The competent operator's data stewards see the household.
        if (User.IsInRole(Roles.DataSteward) && signal.OperatorId == User.Organisation())
        {
            Detail = JsonSerializer.Deserialize<SignalDetail>(_protector.Unprotect(signal.DetailProtected))!;
            return null;
        }
        // A desk agent sees the consenting residents of their site, and nobody else of the household.
        var site = User.Site();
        var mine = matches.Where(m => m.SiteId == site && (User.IsInRole(Roles.Agent) || User.IsInRole(Roles.SocialWorker))).ToList();
        var residentIds = mine.Select(m => m.ResidentId).Distinct().ToList();
        var consents = await db.Set<Consents.Consent>().AsNoTracking().Where(c => residentIds.Contains(c.ResidentId) && c.ConventionId == campaign.ConventionId).ToListAsync(cancellationToken);
        var allowed = residentIds.Where(r => CampaignConsents.Allows(consents.Where(c => c.ResidentId == r), signal.OperatorId, Consents.ConsentPurpose.NonTakeUp, today)).ToHashSet();
        if (allowed.Count == 0)
        {
            return Forbid();
        }
        Residents = (await deskResidents.FindAsync(allowed, cancellationToken)).Where(r => r.SiteId == site).ToList();
        if (Residents.Count == 0)
        {
            return Forbid();
        }
        var theirs = mine.Where(m => allowed.Contains(m.ResidentId)).Select(m => m.SourceId).ToHashSet(StringComparer.Ordinal);
        Detail = JsonSerializer.Deserialize<SignalDetail>(_protector.Unprotect(signal.DetailProtected))!;
        Detail = Detail with { Persons = Detail.Persons.Where(p => theirs.Contains(p.SourceId)).ToList() };
        return null;
    }
}
