using System.Text.RegularExpressions;
using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.BaseData.Contracts;

/// <summary>Typed access to the base-data grains; the keys are built here and nowhere else.</summary>
public static partial class BaseDataGrains
{
    /// <summary>The grid <paramref name="gridCode"/> (e.g. <c>g001</c>) of <paramref name="town"/>.</summary>
    public static IGridGrain GetGrid(this IGrainFactory grains, TenantId town, string gridCode) =>
        town.Kind == TenantKind.Town && IsGridCode(gridCode)
            ? grains.ForTenant(town).GetGrain<IGridGrain>(gridCode)
            : throw new ArgumentException($"'{town}/{gridCode}' is not a town's grid.", nameof(gridCode));

    /// <summary>Grid codes are short lower-case slugs, unique within a town.</summary>
    public static bool IsGridCode(string? code) => code is not null && GridCode().IsMatch(code);

    /// <summary>A grid's id across the district: <c>xiangcheng.yuanhe/g001</c>, as feeds and other modules name it.</summary>
    public static string GridId(TenantId town, string gridCode) => TenantGrainKey.Create(town, gridCode);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex GridCode();
}
