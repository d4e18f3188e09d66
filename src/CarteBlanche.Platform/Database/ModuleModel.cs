using System.Reflection;

namespace CarteBlanche.Platform.Database;

/// <summary>
/// A module's contribution to the one DbContext: the assembly holding its
/// <see cref="IEntityTypeConfiguration{TEntity}"/> classes. Registered by each module's
/// Add&lt;Module&gt;Module, and listed by the migration assemblies' design-time factories.
/// </summary>
public sealed record ModuleModel(string Name, Assembly Assembly)
{
    public void Apply(ModelBuilder modelBuilder) => modelBuilder.ApplyConfigurationsFromAssembly(Assembly);
}
