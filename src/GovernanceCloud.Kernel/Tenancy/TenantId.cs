using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace GovernanceCloud.Kernel.Tenancy;

/// <summary>
/// Identifies a tenant: a district (<c>xiangcheng</c>) or one of its towns (<c>xiangcheng.yuanhe</c>).
/// A town's id always starts with its district's id, so visibility is decided from the ids alone.
/// </summary>
[GenerateSerializer, Immutable, Alias("gc.tenant-id")]
public readonly partial record struct TenantId
{
    private TenantId(string value) => Value = value;

    /// <summary>The canonical text form, e.g. <c>xiangcheng.yuanhe</c>.</summary>
    [Id(0)]
    public string Value { get; }

    /// <summary>Whether this is a district or a town.</summary>
    public TenantKind Kind => Value.Contains('.', StringComparison.Ordinal) ? TenantKind.Town : TenantKind.District;

    /// <summary>The district this tenant belongs to (itself, for a district).</summary>
    public TenantId District => Kind == TenantKind.District ? this : new TenantId(Value[..Value.IndexOf('.', StringComparison.Ordinal)]);

    /// <summary>The town's own part of the id (<c>yuanhe</c>), or the district id for a district.</summary>
    public string Slug => Kind == TenantKind.District ? Value : Value[(Value.IndexOf('.', StringComparison.Ordinal) + 1)..];

    /// <summary>Builds a district id, throwing on a malformed value.</summary>
    public static TenantId ForDistrict(string districtSlug) => Parse(districtSlug) is { Kind: TenantKind.District } id
        ? id
        : throw new FormatException($"'{districtSlug}' is not a district id.");

    /// <summary>Builds the id of a town of this district.</summary>
    public TenantId Town(string townSlug) => Kind == TenantKind.District
        ? Parse($"{Value}.{townSlug}")
        : throw new InvalidOperationException($"'{Value}' is a town; only a district has towns.");

    /// <summary>
    /// True when a caller acting as this tenant may see <paramref name="target"/>'s data:
    /// a tenant sees itself, and a district sees its own towns. A town never sees its district's
    /// or a sibling's data.
    /// </summary>
    public bool CanSee(TenantId target) =>
        Value == target.Value || (Kind == TenantKind.District && target.District.Value == Value);

    public static TenantId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new FormatException($"'{value}' is not a tenant id.");

    public static bool TryParse([NotNullWhen(true)] string? value, out TenantId id)
    {
        if (value is not null && Shape().IsMatch(value))
        {
            id = new TenantId(value);
            return true;
        }

        id = default;
        return false;
    }

    public override string ToString() => Value;

    // Lower-case ASCII slugs keep ids safe in URLs, grain keys and file names.
    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}(\\.[a-z][a-z0-9-]{0,31})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
