namespace GovernanceCloud.Kernel.Tenancy;

/// <summary>
/// Rejects any call to an <see cref="ITenantGrain"/> whose caller may not see the grain key's
/// tenant. A call that carries no tenant at all is rejected too: forgetting to set the tenant
/// must fail loudly, not open every town's data. Two kinds of call come from the runtime, not from
/// a caller, and pass: reminder ticks, and a grain's own timer ticks (delivered as calls from the
/// grain to itself).
/// </summary>
public sealed class TenantCallFilter : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        // A system call may reach any tenant's grain: it pays for no key parsing.
        if (context.Grain is ITenantGrain && !TenantRequestContext.IsSystem && !IsRuntimeCall(context))
        {
            var target = TenantGrainKey.TenantOf(context.TargetId.Key.ToString()!);
            var caller = TenantRequestContext.Current
                ?? throw new TenantAccessDeniedException($"A call to a grain of '{target}' carried no tenant.");
            if (!caller.CanSee(target))
            {
                throw new TenantAccessDeniedException($"Tenant '{caller}' may not call a grain of '{target}'.");
            }
        }

        return context.Invoke();
    }

    private static bool IsRuntimeCall(IIncomingGrainCallContext context) =>
        context.SourceId == context.TargetId || context.InterfaceMethod?.DeclaringType == typeof(IRemindable);
}
