using System.Net;
using System.Net.Sockets;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CarteBlanche.IntegrationTests.Notifications;

/// <summary>The outbox: a queued e-mail leaves once, whatever the number of instances, and a failure is retried later.</summary>
public abstract class OutboxTests(CarteBlancheFactory factory)
{
    protected CarteBlancheFactory Factory { get; } = factory;

    protected abstract TestDatabase NewDatabase();

    [Fact]
    public async Task A_queued_email_is_written_once_to_the_pickup_directory()
    {
        var id = await QueueAsync(Factory, "usager@exemple.fr", "Votre rendez-vous", "Bonjour, votre rendez-vous est confirmé.");
        var sender = Factory.Services.GetRequiredService<OutboxSender>();

        Assert.Equal(1, await sender.SendDueAsync(CancellationToken.None));
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));

        var eml = Path.Combine(Factory.Database.MailDirectory, $"{id:N}.eml");
        Assert.True(File.Exists(eml), $"{eml} not written");
        var text = await File.ReadAllTextAsync(eml);
        Assert.Contains("To: usager@exemple.fr", text, StringComparison.Ordinal);
        Assert.Contains("Subject: Votre rendez-vous", text, StringComparison.Ordinal);
        Assert.Contains($"Message-Id: <{id:N}@carteblanche>", text, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Directory.GetFiles(Factory.Database.MailDirectory, "*.tmp"));

        var message = await Factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Equal(1, message.Attempts);
        Assert.NotNull(message.SentAt);
    }

    [Fact]
    public async Task A_message_not_saved_is_never_sent()
    {
        await Factory.InScopeAsync(sp =>
        {
            // Queued, but the unit of work is abandoned: nothing leaves.
            sp.GetRequiredService<Outbox>().QueueEmail("usager@exemple.fr", "Abandonné", "Ce message ne doit pas partir.");
            return Task.CompletedTask;
        });

        Assert.Equal(0, await Factory.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Two_instances_racing_send_each_message_exactly_once()
    {
        const int messages = 12;
        await using var second = new CarteBlancheFactory(Factory.Database, ownsDatabase: false);
        var ids = new List<Guid>();
        for (var i = 0; i < messages; i++)
        {
            ids.Add(await QueueAsync(Factory, $"usager{i}@exemple.fr", $"Message {i}", "Corps du message."));
        }
        var senders = new[] { Factory.Services.GetRequiredService<OutboxSender>(), second.Services.GetRequiredService<OutboxSender>() };

        using var go = new ManualResetEventSlim();
        var passes = senders.SelectMany(s => new[] { s, s }).Select(s => Task.Run(async () =>
        {
            go.Wait();
            return await s.SendDueAsync(CancellationToken.None);
        })).ToList();
        go.Set();
        var sent = await Task.WhenAll(passes);

        Assert.Equal(messages, sent.Sum());
        var stored = await Factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync());
        Assert.All(stored, m =>
        {
            Assert.Equal(OutboxStatus.Sent, m.Status);
            Assert.Equal(1, m.Attempts);
        });
        Assert.All(ids, id => Assert.True(File.Exists(Path.Combine(Factory.Database.MailDirectory, $"{id:N}.eml"))));
    }

    [Fact]
    public async Task An_unreachable_smtp_server_leaves_the_message_pending_for_a_later_attempt()
    {
        var settings = new Dictionary<string, string>
        {
            ["Smtp:PickupDirectory"] = "",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
        };
        await using var app = new CarteBlancheFactory(NewDatabase(), settings: settings);
        var id = await QueueAsync(app, "usager@exemple.fr", "Rappel", "Votre dossier est complet.");
        var before = DateTimeOffset.UtcNow;

        Assert.Equal(0, await app.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None));

        var message = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(1, message.Attempts);
        Assert.True(message.NextAttemptAt > before.AddSeconds(20), $"next attempt at {message.NextAttemptAt:O}, failed at {before:O}");
        Assert.Null(message.ClaimedUntil);
        Assert.False(string.IsNullOrEmpty(message.LastError));
        Assert.Empty(Directory.GetFiles(app.Database.DataDirectory, "*.eml", SearchOption.AllDirectories));

        // Not due yet: the next pass leaves it alone.
        Assert.Equal(0, await app.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None));
        var again = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(1, again.Attempts);
    }

    private static async Task<Guid> QueueAsync(CarteBlancheFactory app, string to, string subject, string body) =>
        await app.InScopeAsync(async sp =>
        {
            var message = sp.GetRequiredService<Outbox>().QueueEmail(to, subject, body);
            await sp.GetRequiredService<CarteBlanche.Platform.Database.CarteBlancheDbContext>().SaveChangesAsync();
            return message.Id;
        });

    /// <summary>A local port nobody listens on: connections are refused at once.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

public sealed class SqliteOutboxTests(SqliteFactory factory) : OutboxTests(factory), IClassFixture<SqliteFactory>
{
    protected override TestDatabase NewDatabase() => TestDatabase.SqliteWithDemoData();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresOutboxTests(PostgresFactory factory, PostgresServer server) : OutboxTests(factory), IClassFixture<PostgresFactory>
{
    protected override TestDatabase NewDatabase() => TestDatabase.PostgresWithDemoData(server, "outbox");
}
