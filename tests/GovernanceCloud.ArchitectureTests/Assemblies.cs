using System.Reflection;

namespace GovernanceCloud.ArchitectureTests;

/// <summary>The product's assemblies, found next to the tests (the host references them all).</summary>
internal static class Assemblies
{
    public static readonly IReadOnlyList<Assembly> All = Directory
        .GetFiles(AppContext.BaseDirectory, "GovernanceCloud.*.dll")
        .Select(Path.GetFileNameWithoutExtension)
        .Where(name => !name!.EndsWith(".Tests", StringComparison.Ordinal) && name != "GovernanceCloud.ArchitectureTests")
        .Select(name => Assembly.Load(name!))
        .ToArray();

    public static readonly string[] Platform =
        ["GovernanceCloud.Kernel", "GovernanceCloud.Persistence", "GovernanceCloud.Web", "GovernanceCloud.Identity", "GovernanceCloud.Host"];

    public static IEnumerable<Assembly> Contracts => All.Where(a => Name(a).EndsWith(".Contracts", StringComparison.Ordinal));

    public static IEnumerable<Assembly> Modules => All.Where(a => !Platform.Contains(Name(a)) && !Name(a).EndsWith(".Contracts", StringComparison.Ordinal));

    public static string Name(Assembly assembly) => assembly.GetName().Name!;

    public static IEnumerable<string> ProductReferences(Assembly assembly) => assembly.GetReferencedAssemblies()
        .Select(a => a.Name!)
        .Where(n => n.StartsWith("GovernanceCloud.", StringComparison.Ordinal));
}
