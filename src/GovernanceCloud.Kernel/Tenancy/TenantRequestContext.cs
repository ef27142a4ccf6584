namespace GovernanceCloud.Kernel.Tenancy;

/// <summary>
/// Carries the calling tenant in Orleans' <see cref="RequestContext"/>, so it flows with every
/// grain call the request causes. The HTTP edge sets it from the token; background work that
/// acts for the platform itself (start-up seeding, migrations) enters the system scope explicitly.
/// </summary>
public static class TenantRequestContext
{
    internal const string Key = "gc.tenant";
    internal const string SystemMarker = "*system*";

    /// <summary>The calling tenant, or null when none was set (or in the system scope).</summary>
    public static TenantId? Current =>
        RequestContext.Get(Key) is string value && TenantId.TryParse(value, out var id) ? id : null;

    /// <summary>True inside <see cref="EnterSystem"/>.</summary>
    public static bool IsSystem => RequestContext.Get(Key) is SystemMarker;

    /// <summary>Acts as <paramref name="tenant"/> until the returned scope is disposed.</summary>
    public static IDisposable Enter(TenantId tenant) => new Scope(tenant.Value);

    /// <summary>Acts for the platform itself, which may call any tenant's grains.</summary>
    public static IDisposable EnterSystem() => new Scope(SystemMarker);

    private sealed class Scope : IDisposable
    {
        private readonly object? _previous;

        public Scope(string value)
        {
            _previous = RequestContext.Get(Key);
            RequestContext.Set(Key, value);
        }

        public void Dispose()
        {
            if (_previous is null)
            {
                RequestContext.Remove(Key);
            }
            else
            {
                RequestContext.Set(Key, _previous);
            }
        }
    }
}
