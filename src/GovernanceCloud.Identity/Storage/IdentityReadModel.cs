using GovernanceCloud.Identity.Audit;
using GovernanceCloud.Identity.Clients;
using GovernanceCloud.Identity.People;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Identity.Storage;

/// <summary>
/// The identity tables in the read-model database: people (ASP.NET Core Identity's user tables),
/// OpenIddict's applications, authorizations, scopes and tokens, machine clients and the audit log.
/// </summary>
internal sealed class IdentityReadModel : IReadModelContribution
{
    public void Configure(ModelBuilder modelBuilder)
    {
        ConfigurePeople(modelBuilder);
        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<MachineClientRow>(client =>
        {
            client.ToTable("MachineClients");
            client.HasKey(c => c.ClientId);
            client.Property(c => c.ClientId).HasMaxLength(100);
            client.Property(c => c.DistrictId).HasMaxLength(32);
            client.Property(c => c.TownId).HasMaxLength(65);
            client.Property(c => c.DisplayName).HasMaxLength(100);
            client.Property(c => c.Scopes).HasMaxLength(200);
            client.Ignore(c => c.ScopeList);
            client.HasIndex(c => new { c.DistrictId, c.TownId });
        });
        modelBuilder.Entity<AuditEntryRow>(entry =>
        {
            entry.ToTable("AuditEntries");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.DistrictId).HasMaxLength(32);
            entry.Property(e => e.TownId).HasMaxLength(65);
            entry.Property(e => e.Actor).HasMaxLength(100);
            entry.Property(e => e.Action).HasMaxLength(50);
            entry.Property(e => e.Target).HasMaxLength(256);
            entry.Property(e => e.RemoteAddress).HasMaxLength(64);
            entry.Property(e => e.Detail).HasMaxLength(500);
            entry.HasIndex(e => new { e.DistrictId, e.At });
        });
    }

    // The user-only part of ASP.NET Core Identity's schema (roles are codes on the user row).
    private static void ConfigurePeople(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<GovernanceUser>(user =>
        {
            user.ToTable("Users");
            user.HasKey(u => u.Id);
            user.Property(u => u.Id).HasMaxLength(64);
            user.Property(u => u.UserName).HasMaxLength(256);
            user.Property(u => u.NormalizedUserName).HasMaxLength(256);
            user.Property(u => u.Email).HasMaxLength(256);
            user.Property(u => u.NormalizedEmail).HasMaxLength(256);
            user.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
            user.Property(u => u.DistrictId).HasMaxLength(32);
            user.Property(u => u.TownId).HasMaxLength(65);
            user.Property(u => u.DisplayName).HasMaxLength(100);
            user.Property(u => u.Roles).HasMaxLength(200);
            user.Ignore(u => u.RoleList);
            user.HasIndex(u => u.NormalizedUserName).IsUnique();
            user.HasIndex(u => new { u.DistrictId, u.TownId });
        });
        modelBuilder.Entity<IdentityUserClaim<string>>(claim =>
        {
            claim.ToTable("UserClaims");
            claim.HasKey(c => c.Id);
            claim.HasIndex(c => c.UserId);
        });
        modelBuilder.Entity<IdentityUserLogin<string>>(login =>
        {
            login.ToTable("UserLogins");
            login.HasKey(l => new { l.LoginProvider, l.ProviderKey });
            login.Property(l => l.LoginProvider).HasMaxLength(128);
            login.Property(l => l.ProviderKey).HasMaxLength(128);
            login.HasIndex(l => l.UserId);
        });
        modelBuilder.Entity<IdentityUserToken<string>>(token =>
        {
            token.ToTable("UserTokens");
            token.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
            token.Property(t => t.LoginProvider).HasMaxLength(128);
            token.Property(t => t.Name).HasMaxLength(128);
        });
    }
}
