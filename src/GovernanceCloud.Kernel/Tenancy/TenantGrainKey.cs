namespace GovernanceCloud.Kernel.Tenancy;

/// <summary>
/// The one place that turns <c>(tenant, id)</c> into a grain key and back. Keys look like
/// <c>xiangcheng.yuanhe/case-42</c>; the tenant part lets the call filter check every call.
/// </summary>
public static class TenantGrainKey
{
    private const char Separator = '/';

    /// <summary>Builds the key of the grain <paramref name="localId"/> owned by <paramref name="tenant"/>.</summary>
    public static string Create(TenantId tenant, string localId)
    {
        if (tenant.Value is null)
        {
            throw new ArgumentException("The tenant is not set.", nameof(tenant));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(localId);
        return string.Concat(tenant.Value, Separator.ToString(), localId);
    }

    /// <summary>Splits a key built by <see cref="Create"/>; false for any other string.</summary>
    public static bool TryParse(string? key, out TenantId tenant, out string localId)
    {
        tenant = default;
        localId = string.Empty;
        var at = key?.IndexOf(Separator, StringComparison.Ordinal) ?? -1;
        if (at <= 0 || at == key!.Length - 1 || !TenantId.TryParse(key[..at], out tenant))
        {
            return false;
        }

        localId = key[(at + 1)..];
        return true;
    }

    /// <summary>The tenant that owns a key, throwing if the key is not tenant-scoped.</summary>
    public static TenantId TenantOf(string key) => TryParse(key, out var tenant, out _)
        ? tenant
        : throw new FormatException($"'{key}' is not a tenant-scoped grain key.");

    /// <summary>The local id part of a key, throwing if the key is not tenant-scoped.</summary>
    public static string LocalIdOf(string key) => TryParse(key, out _, out var localId)
        ? localId
        : throw new FormatException($"'{key}' is not a tenant-scoped grain key.");
}
