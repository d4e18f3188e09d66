using CarteBlanche.Platform.Files;

namespace CarteBlanche.Platform.Territory;

/// <summary>
/// The territory shipped with the product (Cahors bassin de vie): communes, EPCIs, partner
/// organisations, France Services sites and one mairie per commune. Loaded once, into an
/// empty database, in every environment; edits made afterwards are kept.
/// </summary>
public sealed class ReferenceData(CarteBlancheDbContext db, CommuneImporter communeImporter)
{
    public async Task EnsureLoadedAsync(CancellationToken cancellationToken = default)
    {
        if (!await db.Communes.AnyAsync(cancellationToken))
        {
            using var reader = Open("communes-bassin-de-vie-cahors.csv");
            var result = await communeImporter.ImportAsync(reader, cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Données de référence invalides : " + string.Join("; ", result.Errors));
            }
        }

        if (!await db.Organisations.AnyAsync(cancellationToken))
        {
            using var reader = Open("organisations.csv");
            foreach (var row in Csv.Read(reader).Skip(1))
            {
                var f = row.Fields;
                db.Organisations.Add(new Organisation
                {
                    Name = f[0],
                    ShortName = f[1],
                    Kind = Enum.Parse<OrganisationKind>(f[2]),
                    Website = f[3],
                    SearchName = SearchText.Fold(f[0]),
                });
            }
            await db.SaveChangesAsync(cancellationToken);
        }

        if (!await db.Places.AnyAsync(cancellationToken))
        {
            var organisations = await db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id, cancellationToken);
            using var reader = Open("places.csv");
            foreach (var row in Csv.Read(reader).Skip(1))
            {
                var f = row.Fields;
                db.Places.Add(new Place
                {
                    Name = f[0],
                    Kind = Enum.Parse<PlaceKind>(f[1]),
                    CommuneInseeCode = f[2],
                    Address = f[3],
                    OrganisationId = organisations.TryGetValue(f[4], out var id) ? id : null,
                });
            }
            foreach (var commune in await db.Communes.OrderBy(c => c.Name).ToListAsync(cancellationToken))
            {
                db.Places.Add(new Place
                {
                    Name = $"Mairie de {commune.Name}",
                    Kind = PlaceKind.Mairie,
                    CommuneInseeCode = commune.InseeCode,
                    Latitude = commune.Latitude,
                    Longitude = commune.Longitude,
                });
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>A reference file shipped in this assembly (communes-bassin-de-vie-cahors.csv, places.csv, organisations.csv).</summary>
    public static StreamReader Open(string fileName)
    {
        var assembly = typeof(ReferenceData).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        return new StreamReader(assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException(name), System.Text.Encoding.UTF8);
    }
}
