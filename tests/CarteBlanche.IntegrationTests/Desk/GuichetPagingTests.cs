using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Residents;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Accounts;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CarteBlanche.IntegrationTests.Desk;

/// <summary>An agent with more cases than a page holds sees how many there are and reaches every one (the lists used to stop at 200 without a word).</summary>
public abstract class GuichetPagingTests
{
    protected abstract TestDatabase NewDatabase();

    [Fact]
    public async Task Every_case_to_handle_is_reachable_page_by_page_and_the_other_lists_keep_their_page()
    {
        await using var app = new CarteBlancheFactory(NewDatabase());
        var lastReference = await app.WithDbAsync(async db =>
        {
            var agent = await db.Users.Where(u => u.Email == DemoData.EmailFor(Roles.Agent)).Select(u => new { u.Id, u.SiteId }).SingleAsync();
            var resident = new Resident
            {
                FirstName = "Paul", LastName = "Pagination", BirthDate = new DateOnly(1960, 2, 3),
                SiteId = agent.SiteId!.Value, CreatedAt = DateTimeOffset.UtcNow, CreatedBy = agent.Id,
            };
            resident.RefreshSearchFields();
            db.Add(resident);
            Case? last = null;
            for (var i = 0; i < 60; i++)
            {
                last = new Case
                {
                    ResidentId = resident.Id, SiteId = agent.SiteId!.Value, PlaceId = agent.SiteId!.Value, OwnerId = agent.Id,
                    OpenedAt = DateTimeOffset.UtcNow, DueDate = new DateOnly(2099, 1, 1).AddDays(i),
                    Needs = [new Need { Domain = NeedDomain.Retraite, Description = "Relevé de carrière" }],
                };
                db.Add(last);
            }
            await db.SaveChangesAsync();
            return "D-" + last!.Id.ToString("N")[..8].ToUpperInvariant();
        });
        var total = await app.WithDbAsync(db => db.Set<Case>().CountAsync(c => c.OwnerId == db.Users.Single(u => u.Email == DemoData.EmailFor(Roles.Agent)).Id
            && c.ResidentId != null && (c.State == CaseState.New || c.State == CaseState.InProgress || (c.State == CaseState.WaitingForPartner && c.PartnerAnsweredAt != null))));
        var pages = (total + 24) / 25;
        using var agentClient = await app.SignedInClientAsync(DemoData.EmailFor(Roles.Agent));

        var first = await (await agentClient.GetAsync("/guichet")).ReadPageAsync();
        Assert.Contains($"Demandes nouvelles ou en cours ({total}, page 1 sur {pages})", first, StringComparison.Ordinal);
        Assert.DoesNotContain(lastReference, first, StringComparison.Ordinal);
        Assert.Contains($"traiter={pages}", first, StringComparison.Ordinal);

        var lastPage = await (await agentClient.GetAsync($"/guichet?traiter={pages}&rendre=1&partagees=1&attente=1")).ReadPageAsync();
        Assert.Contains($"Demandes nouvelles ou en cours ({total}, page {pages} sur {pages})", lastPage, StringComparison.Ordinal);
        Assert.Contains(lastReference, lastPage, StringComparison.Ordinal);
    }
}

public sealed class SqliteGuichetPagingTests : GuichetPagingTests
{
    protected override TestDatabase NewDatabase() => TestDatabase.SqliteWithDemoData();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresGuichetPagingTests(PostgresServer server) : GuichetPagingTests
{
    protected override TestDatabase NewDatabase() => TestDatabase.PostgresWithDemoData(server, "guichet");
}
