using GovernanceCloud.Identity.Admin;
using GovernanceCloud.Identity.Audit;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Web.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace GovernanceCloud.Identity.People;

/// <summary>Creating a person, the same way from the admin API and the CLI: validated, unique name, audited.</summary>
internal sealed class PersonCreation(UserManager<GovernanceUser> users, AuditLog audit, TimeProvider time)
{
    /// <summary>The outcome: the new user, or the bad fields, or a name already taken.</summary>
    public sealed record Outcome(GovernanceUser? User, FieldErrors? Errors, bool NameTaken);

    public async Task<Outcome> CreateAsync(CreateUserRequest request, TenantId tenant, string actor, HttpContext? http)
    {
        var errors = request.Validate(tenant);
        if (!errors.IsEmpty)
        {
            return new Outcome(null, errors, false);
        }

        var user = new GovernanceUser
        {
            Id = Guid.NewGuid().ToString("N"),
            UserName = request.UserName,
            DisplayName = request.DisplayName!.Trim(),
            DistrictId = tenant.District.Value,
            TownId = tenant.Kind == TenantKind.Town ? tenant.Value : null,
            Roles = string.Join(' ', request.Roles!.Distinct(StringComparer.Ordinal)),
            CreatedAt = time.GetUtcNow(),
        };
        IdentityResult result;
        using (TenantRequestContext.EnterSystem())
        {
            // User names are unique platform-wide: the uniqueness check must see every tenant.
            result = await users.CreateAsync(user, request.Password!);
        }

        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)))
            {
                return new Outcome(null, null, true);
            }

            var failures = new FieldErrors();
            foreach (var error in result.Errors)
            {
                failures.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "userName", error.Description);
            }

            return new Outcome(null, failures, false);
        }

        await audit.WriteAsync(http, tenant, actor, AuditActions.UserCreated, succeeded: true, target: user.UserName, detail: user.Roles);
        return new Outcome(user, null, false);
    }
}
