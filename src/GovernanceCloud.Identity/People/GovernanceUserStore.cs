using GovernanceCloud.Persistence.ReadModel;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Identity.People;

/// <summary>
/// ASP.NET Core Identity's store over the read model. Finding a user by id or name serves sign-in
/// and token issuance, which happen before any tenant is known, so those two lookups read past the
/// tenant filter; every listing stays filtered.
/// </summary>
internal sealed class GovernanceUserStore(ReadModelDbContext context, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<GovernanceUser, ReadModelDbContext>(context, describer)
{
    public override Task<GovernanceUser?> FindByIdAsync(string userId, CancellationToken cancellationToken = default) =>
        Context.Set<GovernanceUser>().IgnoreQueryFilters().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);

    public override Task<GovernanceUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken = default) =>
        Context.Set<GovernanceUser>().IgnoreQueryFilters().FirstOrDefaultAsync(u => u.NormalizedUserName == normalizedUserName, cancellationToken);
}
