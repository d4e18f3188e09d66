using System.ComponentModel.DataAnnotations;
using CarteBlanche.Mobility.Offers;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Mobility.Pages.Mobilite.Offres;

/// <summary>Coordinators add, change or withdraw an offer of the catalogue (public information: not journaled).</summary>
[Authorize(Policy = Policies.TerritoryEditors)]
public sealed class ModifierModel(CarteBlancheDbContext db, CarteBlanche.Mobility.Networks.MobilityNetwork networks) : PageModel
{
    public sealed class OfferForm
    {
        public OfferKind Kind { get; set; } = OfferKind.OnDemand;
        [Required(ErrorMessage = "Nom : indiquez le nom de l'offre.")][MaxLength(200, ErrorMessage = "Nom : 200 caractères au plus.")] public string? Name { get; set; }
        [Required(ErrorMessage = "Proposé par : indiquez qui propose l'offre.")][MaxLength(200, ErrorMessage = "Proposé par : 200 caractères au plus.")] public string? Operator { get; set; }
        [MaxLength(2000)] public string? Communes { get; set; }
        [MaxLength(300, ErrorMessage = "Quand : 300 caractères au plus.")] public string? Hours { get; set; }
        [MaxLength(300, ErrorMessage = "Réservation : 300 caractères au plus.")] public string? Booking { get; set; }
        [MaxLength(30)][RegularExpression(@"^[0-9 +.]{4,20}$", ErrorMessage = "Téléphone : des chiffres, par exemple 05 65 35 04 32.")] public string? Phone { get; set; }
        [MaxLength(300)][Url(ErrorMessage = "Site : une adresse complète, https://…")] public string? Website { get; set; }
        [MaxLength(500, ErrorMessage = "Pour qui : 500 caractères au plus.")] public string? Eligibility { get; set; }
        [MaxLength(300, ErrorMessage = "Prix : 300 caractères au plus.")] public string? Price { get; set; }
        [MaxLength(100, ErrorMessage = "Ligne du réseau : 100 caractères au plus.")] public string? RouteId { get; set; }
        [Range(0, 30, ErrorMessage = "Réserver au plus tard : entre 0 (le jour même) et 30 jours avant.")] public int? NoticeDays { get; set; }
        public TimeOnly? NoticeTime { get; set; }
        [Range(0, 10080, ErrorMessage = "Ou au moins : entre 0 et 10 080 minutes (7 jours) avant le départ.")] public int? NoticeMinutes { get; set; }
        public List<int> Days { get; set; } = [];
        public TimeOnly? ServiceStart { get; set; }
        public TimeOnly? ServiceEnd { get; set; }
    }

    [BindProperty] public OfferForm Form { get; set; } = new();
    public Guid? Id { get; private set; }
    /// <summary>The lines of the network in service (route_id, name), to link an on-demand offer to its line.</summary>
    public IReadOnlyList<(string Id, string Name)> Routes { get; private set; } = [];

    private async Task LoadRoutesAsync(CancellationToken cancellationToken) =>
        Routes = (await networks.CurrentAsync(cancellationToken))?.Network.Routes.Select(r => (r.Id, $"{r.ShortName} {r.LongName}".Trim())).ToList() ?? [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        await LoadRoutesAsync(cancellationToken);
        if (id is { } existing)
        {
            var offer = await db.Set<MobilityOffer>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == existing && o.IsActive, cancellationToken);
            if (offer == null)
            {
                return NotFound();
            }
            Id = existing;
            Form = new OfferForm
            {
                Kind = offer.Kind, Name = offer.Name, Operator = offer.Operator, Communes = offer.Communes, Hours = offer.Hours, Booking = offer.Booking,
                Phone = offer.Phone, Website = offer.Website, Eligibility = offer.Eligibility, Price = offer.Price,
                RouteId = offer.RouteId, NoticeDays = offer.NoticeDays, NoticeTime = offer.NoticeTime, NoticeMinutes = offer.NoticeMinutes,
                Days = Enumerable.Range(0, 7).Where(d => (offer.Days & (1 << d)) != 0).ToList(), ServiceStart = offer.ServiceStart, ServiceEnd = offer.ServiceEnd,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        var offer = id == null ? new MobilityOffer { Name = "", Operator = "" } : await db.Set<MobilityOffer>().SingleOrDefaultAsync(o => o.Id == id && o.IsActive, cancellationToken);
        if (offer == null)
        {
            return NotFound();
        }
        var codes = (Form.Communes ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        var known = await db.Communes.Where(c => codes.Contains(c.InseeCode)).Select(c => c.InseeCode).ToListAsync(cancellationToken);
        if (codes.Except(known).ToList() is { Count: > 0 } unknown)
        {
            ModelState.AddModelError("Form.Communes", $"Communes : {string.Join(", ", unknown.Select(u => $"« {u} »"))} n'{(unknown.Count > 1 ? "sont" : "est")} pas un code INSEE de commune du territoire.");
        }
        if (Form.NoticeDays != null && Form.NoticeMinutes != null)
        {
            ModelState.AddModelError("Form.NoticeMinutes", "Délai de réservation : indiquez soit des jours avant avec une heure limite, soit des minutes avant le départ, pas les deux.");
        }
        if (Form.NoticeDays != null && Form.NoticeTime == null)
        {
            ModelState.AddModelError("Form.NoticeTime", "Heure limite : indiquez jusqu'à quelle heure on peut réserver (par exemple 17:00).");
        }
        if (Form.ServiceStart is { } start && Form.ServiceEnd is { } end && end <= start)
        {
            ModelState.AddModelError("Form.ServiceEnd", "Jusqu'à : l'heure de fin doit suivre l'heure de début.");
        }
        if (Form.Days.Any(d => d is < 0 or > 6))
        {
            ModelState.AddModelError("Form.Days", "Jours : cochez des jours de la semaine.");
        }
        var routeId = FormText.Blank(Form.RouteId);
        if (routeId != null && (await networks.CurrentAsync(cancellationToken))?.Network is { } transit && !transit.Routes.Any(r => r.Id == routeId))
        {
            ModelState.AddModelError("Form.RouteId", $"Ligne du réseau : « {routeId} » n'est pas une ligne du réseau en service. Choisissez dans la liste.");
        }
        if (!ModelState.IsValid)
        {
            await LoadRoutesAsync(cancellationToken);
            return Page();
        }
        offer.Kind = Form.Kind;
        offer.RouteId = routeId;
        offer.NoticeDays = Form.NoticeDays;
        offer.NoticeTime = Form.NoticeDays == null ? null : Form.NoticeTime;
        offer.NoticeMinutes = Form.NoticeMinutes;
        offer.Days = (byte)Form.Days.Distinct().Sum(d => 1 << d);
        offer.ServiceStart = Form.ServiceStart;
        offer.ServiceEnd = Form.ServiceEnd;
        offer.Name = Form.Name!.Trim();
        offer.Operator = Form.Operator!.Trim();
        offer.Communes = string.Join(",", codes);
        offer.Hours = FormText.Blank(Form.Hours);
        offer.Booking = FormText.Blank(Form.Booking);
        offer.Phone = FormText.Blank(Form.Phone);
        offer.Website = FormText.Blank(Form.Website);
        offer.Eligibility = FormText.Blank(Form.Eligibility);
        offer.Price = FormText.Blank(Form.Price);
        if (id == null)
        {
            db.Add(offer);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/mobilite/offres");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken)
    {
        var offer = await db.Set<MobilityOffer>().SingleOrDefaultAsync(o => o.Id == id && o.IsActive, cancellationToken);
        if (offer == null)
        {
            return NotFound();
        }
        offer.IsActive = false;
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/mobilite/offres");
    }
}
