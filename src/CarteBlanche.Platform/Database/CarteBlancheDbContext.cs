using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Jobs;
using CarteBlanche.Platform.Notifications;
using CarteBlanche.Platform.Territory;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
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
