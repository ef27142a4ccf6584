namespace GovernanceCloud.Kernel.Tenancy;

/// <summary>
/// Rejects any call to an <see cref="ITenantGrain"/> whose caller may not see the grain key's
/// tenant. A call that carries no tenant at all is rejected too: forgetting to set the tenant
/// must fail loudly, not open every town's data. Reminder ticks come from the runtime itself and
/// pass; the grain then acts in its own tenant's scope.
/// </summary>
public sealed class TenantCallFilter : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is ITenantGrain && !IsRuntimeCall(context))
        {
            var target = TenantGrainKey.TenantOf(context.TargetId.Key.ToString()!);
            if (!TenantRequestContext.IsSystem)
            {
                var caller = TenantRequestContext.Current
                    ?? throw new TenantAccessDeniedException($"A call to a grain of '{target}' carried no tenant.");
                if (!caller.CanSee(target))
                {
                    throw new TenantAccessDeniedException($"Tenant '{caller}' may not call a grain of '{target}'.");
                }
            }
        }

        return context.Invoke();
    }

    private static bool IsRuntimeCall(IIncomingGrainCallContext context) =>
        context.InterfaceMethod?.DeclaringType == typeof(IRemindable);
}
