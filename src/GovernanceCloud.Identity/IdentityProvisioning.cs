using GovernanceCloud.Identity.Admin;
using GovernanceCloud.Identity.People;
using GovernanceCloud.Kernel.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace GovernanceCloud.Identity;

/// <summary>
/// Provisioning from the operations CLI, for a deployment without the demo seed: its first
/// district admin is created here, everything after that through the admin API.
/// </summary>
public static class IdentityProvisioning
{
    /// <summary>Creates a person; the answer is one line for the operator, prefixed "error:" on failure.</summary>
    public static async Task<(bool Created, string Message)> CreatePersonAsync(
        IServiceProvider services, string userName, string displayName, TenantId tenant, IReadOnlyList<string> roles, string password)
    {
        await using var scope = services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<ITenantStore>().FindAsync(tenant) is null)
        {
            return (false, $"error: tenant '{tenant}' does not exist.");
        }

        var creation = ActivatorUtilities.CreateInstance<PersonCreation>(scope.ServiceProvider);
        var outcome = await creation.CreateAsync(
            new CreateUserRequest(userName, displayName, null, [.. roles], password), tenant, $"cli:{Environment.UserName}", http: null);
        if (outcome.NameTaken)
        {
            return (false, $"error: user name '{userName}' is taken.");
        }

        return outcome.User is { } user
            ? (true, $"{user.UserName} ({user.Id}) created in {tenant}: {user.Roles}")
            : (false, "error: " + string.Join("; ", outcome.Errors!.ToDictionary().Select(e => $"{e.Key}: {string.Join(' ', e.Value)}")));
    }
}
