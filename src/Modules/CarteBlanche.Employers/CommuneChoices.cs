namespace CarteBlanche.Employers;

/// <summary>The territory's communes for a form's list, by name.</summary>
public static class CommuneChoices
{
    public static async Task<IReadOnlyList<(string Code, string Name)>> LoadAsync(CarteBlancheDbContext db, CancellationToken cancellationToken) =>
        (await db.Communes.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.InseeCode, c.Name }).ToListAsync(cancellationToken))
            .Select(c => (c.InseeCode, c.Name)).ToList();
}
