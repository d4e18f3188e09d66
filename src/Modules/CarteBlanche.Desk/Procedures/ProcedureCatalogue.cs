using System.Text.Json;
using System.Text.Json.Serialization;
using CarteBlanche.Desk.Cases;

namespace CarteBlanche.Desk.Procedures;

/// <summary>The catalogue shipped with the product (Procedures/Data/*.json), loaded once into an empty database.</summary>
public sealed class ProcedureCatalogue(CarteBlancheDbContext db)
{
    /// <summary>Every procedure of the catalogue as (code, title), by title: the choices of the desk's forms.</summary>
    public static async Task<IReadOnlyList<(string Code, string Title)>> ChoicesAsync(CarteBlancheDbContext db, CancellationToken cancellationToken) =>
        (await db.Set<Procedure>().OrderBy(p => p.Title).Select(p => new { p.Code, p.Title }).ToListAsync(cancellationToken))
            .Select(p => (p.Code, p.Title)).ToList();

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private sealed record ProcedureData(string Code, string Title, NeedDomain Domain, string Organisation, string Url,
        string[] Documents, string Eligibility, string Tips, string[] Keywords);

    private sealed record LinkData(string Title, string Url, string Description, string Audience);

    public async Task EnsureLoadedAsync(CancellationToken cancellationToken = default)
    {
        if (!await db.Set<Procedure>().AnyAsync(cancellationToken))
        {
            foreach (var p in Read<ProcedureData>("procedures.json"))
            {
                var procedure = new Procedure
                {
                    Code = p.Code,
                    Title = p.Title,
                    Domain = p.Domain,
                    Organisation = p.Organisation,
                    Url = p.Url,
                    Documents = string.Join('\n', p.Documents),
                    Eligibility = p.Eligibility,
                    Tips = p.Tips,
                    Keywords = string.Join(", ", p.Keywords),
                };
                procedure.RefreshSearchText();
                db.Add(procedure);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        if (!await db.Set<InformationLink>().AnyAsync(cancellationToken))
        {
            foreach (var l in Read<LinkData>("information-links.json"))
            {
                db.Add(new InformationLink { Title = l.Title, Url = l.Url, Description = l.Description, Audience = l.Audience });
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static List<T> Read<T>(string fileName)
    {
        var assembly = typeof(ProcedureCatalogue).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("." + fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Fichier de référence manquant : {fileName}");
        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonSerializer.Deserialize<List<T>>(stream, Json) ?? [];
    }
}
