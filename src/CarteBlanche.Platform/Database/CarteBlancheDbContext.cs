using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Jobs;
using CarteBlanche.Platform.Notifications;
using CarteBlanche.Platform.Territory;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CarteBlanche.Platform.Database;

/// <summary>
/// The one DbContext. Platform tables are prefixed "platform_"; each module maps its own tables
/// (prefixed with the module's name) in its IEntityTypeConfiguration classes, registered as a
/// <see cref="ModuleModel"/>.
/// </summary>
public sealed class CarteBlancheDbContext(DbContextOptions<CarteBlancheDbContext> options, IEnumerable<ModuleModel> modules)
    : IdentityDbContext<Account, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Epci> Epcis => Set<Epci>();
    public DbSet<Commune> Communes => Set<Commune>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Place> Places => Set<Place>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Key of the PostgreSQL advisory lock that serialises appends to the audit chain ("CBAUDIT").</summary>
    private const long AuditChainLock = 0x434241554449_54;

    private readonly List<AuditEntry> pendingAudit = [];

    /// <summary>Queued by <see cref="IAuditLog.Add"/>: written, chained, by the next <see cref="SaveChangesAsync(bool, CancellationToken)"/>.</summary>
    internal void QueueAuditEntry(AuditEntry entry) => pendingAudit.Add(entry);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (pendingAudit.Count > 0)
        {
            throw new InvalidOperationException("Des événements du journal d'audit attendent : enregistrez avec SaveChangesAsync, qui les écrit dans la même transaction.");
        }
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Saves the changes and, in the same transaction, the audit events queued with <see cref="IAuditLog.Add"/>: both are
    /// written or neither (docs/adr/0012). Appends to the chain are serialised: on PostgreSQL by an advisory transaction
    /// lock, on SQLite by the write transaction itself (BEGIN IMMEDIATE).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (pendingAudit.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        var ownTransaction = Database.CurrentTransaction == null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var appended = new List<EntityEntry>();
        try
        {
            if (Database.IsNpgsql())
            {
                await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditChainLock})", cancellationToken);
            }
            // Under the lock, as few round trips as possible (it serialises every audited page of every instance): the
            // head row says where the chain ends; the last entry is read only for a chain that has no head yet.
            var last = await AuditHeads.AsNoTracking().Where(h => h.Id == 1).Select(h => new { h.Sequence, h.Hash }).FirstOrDefaultAsync(cancellationToken);
            var headExists = last != null;
            last ??= await AuditEntries.AsNoTracking()
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            var sequence = last?.Sequence ?? 0;
            var previousHash = last?.Hash ?? AuditChain.Genesis;
            foreach (var entry in pendingAudit)
            {
                entry.Sequence = ++sequence;
                entry.PreviousHash = previousHash;
                entry.Hash = AuditChain.ComputeHash(entry);
                previousHash = entry.Hash;
                appended.Add(Entry(entry));
                appended[^1].State = EntityState.Added;
            }
            foreach (var tracked in ChangeTracker.Entries<AuditHead>().ToList())
            {
                tracked.State = EntityState.Detached;
            }
            var head = Entry(new AuditHead { Id = 1, Sequence = sequence, Hash = previousHash });
            head.State = headExists ? EntityState.Modified : EntityState.Added;
            appended.Add(head);

            // In its own transaction, a failed save rolls everything back: no savepoint needed (two round trips less).
            var savepoints = Database.AutoSavepointsEnabled;
            Database.AutoSavepointsEnabled = savepoints && ownTransaction == null;
            int count;
            try
            {
                count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            finally
            {
                Database.AutoSavepointsEnabled = savepoints;
            }
            if (ownTransaction != null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            return count;
        }
        finally
        {
            // The events describe this save: written with it, or dropped with it (a refused change is not journaled,
            // even if the context saves something else later). The rows leave the change tracker either way.
            pendingAudit.Clear();
            foreach (var entry in appended)
            {
                entry.State = EntityState.Detached;
            }
            if (ownTransaction != null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Account>().ToTable("platform_accounts");
        builder.Entity<IdentityRole<Guid>>().ToTable("platform_roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("platform_account_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("platform_account_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("platform_account_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("platform_account_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("platform_role_claims");
        builder.Entity<DataProtectionKey>().ToTable("platform_data_protection_keys");

        builder.ApplyConfigurationsFromAssembly(typeof(CarteBlancheDbContext).Assembly);
        foreach (var module in modules)
        {
            module.Apply(builder);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Instants are stored in UTC whatever offset the code computed them in (deadlines come in Paris time).
        // SQLite has no date type: there they are UTC ticks, sortable and comparable as integers.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
        else
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
        }
    }
}

internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));

internal sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v);
