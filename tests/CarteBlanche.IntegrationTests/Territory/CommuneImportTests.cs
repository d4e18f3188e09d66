using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Territory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CarteBlanche.IntegrationTests.Territory;

/// <summary>Importing communes into a database that already holds the reference territory.</summary>
public abstract class CommuneImportTests(CarteBlancheFactory factory)
{
    private const string Header = "insee_code,name,population_2026,postal_code,epci_siren,epci_name,latitude,longitude";

    protected CarteBlancheFactory Factory { get; } = factory;

    [Fact]
    public async Task The_reference_territory_is_loaded_at_start()
    {
        var cahors = await Factory.WithDbAsync(db => db.Communes.Include(c => c.Epci).SingleAsync(c => c.InseeCode == "46042"));

        Assert.Equal("Cahors", cahors.Name);
        Assert.Equal("CA du Grand Cahors", cahors.Epci!.Name);
        Assert.True(await Factory.WithDbAsync(db => db.Organisations.AnyAsync()));
    }

    [Fact]
    public async Task A_file_with_one_bad_row_imports_nothing_and_names_the_line()
    {
        var before = await Factory.WithDbAsync(db => db.Communes.CountAsync());
        var csv = string.Join('\n',
            Header,
            "46901,Commune Neuve,120,46100,200099901,CC de Test,44.5,1.5",
            "46902,Autre Commune,80,46100,200099901,CC de Test,quarante-quatre,1.6",
            "46903,Troisième,95,46100,200099901,CC de Test,44.7,1.7");

        var result = await ImportAsync(csv);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("ligne 3, latitude : « quarante-quatre » n'est pas un nombre décimal (séparateur : point)", error.ToString());
        Assert.Equal(0, result.Added);
        Assert.Equal(before, await Factory.WithDbAsync(db => db.Communes.CountAsync()));
        Assert.False(await Factory.WithDbAsync(db => db.Communes.AnyAsync(c => c.InseeCode == "46901")));
        Assert.False(await Factory.WithDbAsync(db => db.Epcis.AnyAsync(e => e.Siren == "200099901")));
    }

    [Fact]
    public async Task A_good_file_adds_communes_then_updates_them()
    {
        var before = await Factory.WithDbAsync(db => db.Communes.CountAsync());
        var csv = string.Join('\n',
            Header,
            "46911,Saint-Géry-Test,512,46330,200099911,CC du Causse de Test,44.47,1.58",
            "46912,Éclose,77,46330,200099911,CC du Causse de Test,44.48,1.59");

        var added = await ImportAsync(csv);

        Assert.True(added.Succeeded, string.Join("; ", added.Errors));
        Assert.Equal((2, 0, 1), (added.Added, added.Updated, added.EpcisAdded));
        Assert.Equal(before + 2, await Factory.WithDbAsync(db => db.Communes.CountAsync()));
        var commune = await Factory.WithDbAsync(db => db.Communes.AsNoTracking().Include(c => c.Epci).SingleAsync(c => c.InseeCode == "46911"));
        Assert.Equal("Saint-Géry-Test", commune.Name);
        Assert.Equal("saint-gery-test", commune.SearchName);
        Assert.Equal(512, commune.Population);
        Assert.Equal("CC du Causse de Test", commune.Epci!.Name);
        Assert.Equal(44.47, commune.Latitude, 6);

        var updated = await ImportAsync(csv.Replace("512", "530", StringComparison.Ordinal));

        Assert.Equal((0, 2, 0), (updated.Added, updated.Updated, updated.EpcisAdded));
        Assert.Equal(530, await Factory.WithDbAsync(db => db.Communes.Where(c => c.InseeCode == "46911").Select(c => c.Population).SingleAsync()));
        Assert.Equal(before + 2, await Factory.WithDbAsync(db => db.Communes.CountAsync()));
    }

    private Task<CommuneImportResult> ImportAsync(string csv) =>
        Factory.InScopeAsync(sp => sp.GetRequiredService<CommuneImporter>().ImportAsync(new StringReader(csv)));
}

public sealed class SqliteCommuneImportTests(SqliteFactory factory) : CommuneImportTests(factory), IClassFixture<SqliteFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresCommuneImportTests(PostgresFactory factory) : CommuneImportTests(factory), IClassFixture<PostgresFactory>;
