using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CarteBlanche.ArchitectureTests;

/// <summary>A type used by an assembly and defined in another one.</summary>
public sealed record TypeDependency(string Assembly, string Namespace, string Name)
{
    public string FullName => Namespace.Length == 0 ? Name : $"{Namespace}.{Name}";
}

/// <summary>What an assembly's metadata says it depends on: the assemblies it references and every external type it uses
/// (base types, fields, signatures, attributes, generic arguments... all go through the TypeRef table).</summary>
public sealed record AssemblyDependencies(string Name, IReadOnlyList<string> AssemblyReferences, IReadOnlyList<TypeDependency> Types)
{
    public static AssemblyDependencies Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var name = reader.GetString(reader.GetAssemblyDefinition().Name);
        var references = reader.AssemblyReferences
            .Select(h => reader.GetString(reader.GetAssemblyReference(h).Name))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        var types = new HashSet<TypeDependency>();
        foreach (var handle in reader.TypeReferences)
        {
            var reference = reader.GetTypeReference(handle);
            var typeName = reader.GetString(reference.Name);
            var scope = reference.ResolutionScope;
            // A nested type is scoped by its enclosing type: climb to the outermost one.
            while (scope.Kind == HandleKind.TypeReference)
            {
                reference = reader.GetTypeReference((TypeReferenceHandle)scope);
                typeName = reader.GetString(reference.Name) + "+" + typeName;
                scope = reference.ResolutionScope;
            }
            if (scope.Kind != HandleKind.AssemblyReference)
            {
                continue;
            }
            var assembly = reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name);
            types.Add(new TypeDependency(assembly, reader.GetString(reference.Namespace), typeName));
        }
        return new AssemblyDependencies(name, references, [.. types.OrderBy(t => t.Assembly, StringComparer.Ordinal).ThenBy(t => t.FullName, StringComparer.Ordinal)]);
    }
}
