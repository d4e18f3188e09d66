using System.ComponentModel.DataAnnotations;
using CarteBlanche.Mobility.Offers;

namespace CarteBlanche.Mobility.Pages.Mobilite.Offres;

/// <summary>Coordinators add, change or withdraw an offer of the catalogue (public information: not journaled).</summary>
[Authorize(Policy = Policies.TerritoryEditors)]
public sealed class ModifierModel(CarteBlancheDbContext db) : PageModel
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
    }

    [BindProperty] public OfferForm Form { get; set; } = new();
    public Guid? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
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
        if (!ModelState.IsValid)
        {
            return Page();
        }
        offer.Kind = Form.Kind;
        offer.Name = Form.Name!.Trim();
        offer.Operator = Form.Operator!.Trim();
        offer.Communes = string.Join(",", codes);
        offer.Hours = Blank(Form.Hours);
        offer.Booking = Blank(Form.Booking);
        offer.Phone = Blank(Form.Phone);
        offer.Website = Blank(Form.Website);
        offer.Eligibility = Blank(Form.Eligibility);
        offer.Price = Blank(Form.Price);
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

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
