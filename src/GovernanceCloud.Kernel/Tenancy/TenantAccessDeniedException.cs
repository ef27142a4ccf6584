namespace GovernanceCloud.Kernel.Tenancy;

/// <summary>Thrown to a caller whose tenant may not see the tenant that owns the called grain.</summary>
[GenerateSerializer, Alias("gc.tenant-access-denied")]
public sealed class TenantAccessDeniedException : Exception
{
    public TenantAccessDeniedException()
    {
    }

    public TenantAccessDeniedException(string message)
        : base(message)
    {
    }

    public TenantAccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
