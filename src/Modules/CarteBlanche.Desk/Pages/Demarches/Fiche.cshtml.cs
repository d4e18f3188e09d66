using CarteBlanche.Desk.Procedures;

namespace CarteBlanche.Desk.Pages.Demarches;

[Authorize(Policy = Policies.TerritoryReaders)]
public sealed class FicheModel(CarteBlancheDbContext db) : PageModel
{
    public Procedure Procedure { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var procedure = await db.Set<Procedure>().AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (procedure == null)
        {
            return NotFound();
        }
        Procedure = procedure;
        return Page();
    }
}
