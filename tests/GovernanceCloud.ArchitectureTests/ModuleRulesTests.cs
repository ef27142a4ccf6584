using System.Reflection;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.AspNetCore.Mvc;
using Xunit;

namespace GovernanceCloud.ArchitectureTests;

public sealed class ModuleRulesTests
{
    [Fact]
    public void TheProduct_HasAtLeastOneModuleAndItsContracts()
    {
        Assert.Contains(Assemblies.Modules, a => Assemblies.Name(a) == "GovernanceCloud.Tenancy");
        Assert.Contains(Assemblies.Contracts, a => Assemblies.Name(a) == "GovernanceCloud.Tenancy.Contracts");
    }

    [Fact]
    public void Module_ReferencesOnlyThePlatformAndContracts()
    {
        foreach (var module in Assemblies.Modules)
        {
            var wrong = Assemblies.ProductReferences(module)
                .Where(r => r is not ("GovernanceCloud.Kernel" or "GovernanceCloud.Persistence" or "GovernanceCloud.Web"))
                .Where(r => !r.EndsWith(".Contracts", StringComparison.Ordinal))
                .ToArray();
            Assert.True(wrong.Length == 0, $"{Assemblies.Name(module)} references {string.Join(", ", wrong)}");
        }
    }

    [Fact]
    public void Contracts_ReferenceOnlyTheKernelAndOtherContracts()
    {
        foreach (var contracts in Assemblies.Contracts)
        {
            var wrong = Assemblies.ProductReferences(contracts)
                .Where(r => r != "GovernanceCloud.Kernel" && !r.EndsWith(".Contracts", StringComparison.Ordinal))
                .ToArray();
            Assert.True(wrong.Length == 0, $"{Assemblies.Name(contracts)} references {string.Join(", ", wrong)}");
        }
    }

    [Fact]
    public void Kernel_ReferencesNoOtherProductAssembly() =>
        Assert.Empty(Assemblies.ProductReferences(Assemblies.All.Single(a => Assemblies.Name(a) == "GovernanceCloud.Kernel")));

    [Fact]
    public void ModuleImplementation_ExposesOnlyWhatTheHostAndFeedsNeed()
    {
        foreach (var module in Assemblies.Modules)
        {
            var exposed = module.GetExportedTypes().Where(t => !IsAllowedPublic(t)).Select(t => t.FullName).ToArray();
            Assert.True(exposed.Length == 0, $"{Assemblies.Name(module)} makes public: {string.Join(", ", exposed)}");
        }
    }

    [Fact]
    public void Modules_DoNotReferenceTheIdentityServer()
    {
        // Modules name policies (GovernanceCloud.Web.Access); only the host wires the server.
        foreach (var module in Assemblies.Modules)
        {
            Assert.DoesNotContain("GovernanceCloud.Identity", Assemblies.ProductReferences(module));
        }
    }

    [Fact]
    public void ReadModelRows_ThatBelongToATenant_AreTenantFiltered()
    {
        // A row with a district id belongs to a tenant and must carry the tenant filter; the
        // district's own profile row is the one exception (it is the tenant, and every town may name it).
        var rows = Assemblies.All.SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && t.Name.EndsWith("Row", StringComparison.Ordinal) && t.GetProperty("DistrictId") is not null)
            .Where(t => t.Name != "DistrictRow")
            .ToArray();
        Assert.NotEmpty(rows);
        Assert.All(rows, t => Assert.True(typeof(ITenantOwnedRow).IsAssignableFrom(t), $"{t.FullName} is not an ITenantOwnedRow"));
    }

    [Fact]
    public void Grains_AreSealed()
    {
        var grains = Assemblies.Modules.SelectMany(a => a.GetTypes())
            .Where(t => typeof(Grain).IsAssignableFrom(t) && !t.IsAbstract)
            .ToArray();
        Assert.NotEmpty(grains);
        Assert.All(grains, g => Assert.True(g.IsSealed, $"{g.Name} is not sealed"));
    }

    // Public by necessity: controllers (MVC discovers only public ones), read-model rows and feed
    // entities (OData and the controllers' signatures), the feed context the controllers take, and
    // the static Add/Map and seed entry points.
    private static bool IsAllowedPublic(Type type) =>
        typeof(ControllerBase).IsAssignableFrom(type)
        || typeof(IVersionedRow).IsAssignableFrom(type)
        || typeof(ITenantOwnedRow).IsAssignableFrom(type)
        || typeof(Microsoft.EntityFrameworkCore.DbContext).IsAssignableFrom(type)
        || (type.IsAbstract && type.IsSealed && (type.Name.EndsWith("Module", StringComparison.Ordinal) || type.Name.EndsWith("Seeder", StringComparison.Ordinal)))
        || type.Namespace?.StartsWith("OrleansCodeGen", StringComparison.Ordinal) == true;
}
