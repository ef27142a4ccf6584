using GovernanceCloud.Identity.Clients;
using GovernanceCloud.Identity.People;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Web.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GovernanceCloud.Identity.Seed;

/// <summary>
/// The registrations every deployment needs (the web console's public client) and, in demo mode
/// only, the demo district's people and machine clients. Each item is created only when missing,
/// so running it again changes nothing.
/// </summary>
public static class IdentitySeeder
{
    /// <summary>The password of every demo person (README lists them).</summary>
    public const string DemoPassword = "Xiangcheng@2026";

    /// <summary>The public client of the web console and of third-party apps signing people in (code + PKCE).</summary>
    public const string WebClientId = "governance-web";

    private static readonly string[] DefaultRedirectUris = ["http://localhost:5080/signin-oidc", "http://127.0.0.1:5080/signin-oidc"];
    private static readonly string[] DefaultPostLogoutUris = ["http://localhost:5080/", "http://127.0.0.1:5080/"];

    /// <summary>Registers <see cref="WebClientId"/> with the redirect addresses of <c>Identity:WebClient:*</c>.</summary>
    public static async Task EnsureWebClientAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(WebClientId, cancellationToken) is not null)
        {
            return;
        }

        var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = WebClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "社会治理综合指挥平台",
        };
        foreach (var uri in configuration.GetSection("Identity:WebClient:RedirectUris").Get<string[]>() ?? DefaultRedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }

        foreach (var uri in configuration.GetSection("Identity:WebClient:PostLogoutRedirectUris").Get<string[]>() ?? DefaultPostLogoutUris)
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        }

        descriptor.Permissions.UnionWith(
        [
            Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
            Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
            Permissions.Scopes.Profile, Permissions.Scopes.Roles,
        ]);
        descriptor.Permissions.UnionWith(GovernanceScopes.All.Select(s => Permissions.Prefixes.Scope + s));
        descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        await applications.CreateAsync(descriptor, cancellationToken);
    }

    /// <summary>The demo people and machine clients of <paramref name="district"/> and the given towns.</summary>
    public static async Task SeedDemoAsync(
        IServiceProvider services, TenantInfo district, IReadOnlyList<TenantInfo> towns, CancellationToken cancellationToken = default)
    {
        using var system = TenantRequestContext.EnterSystem();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<GovernanceUser>>();
        var clients = scope.ServiceProvider.GetRequiredService<MachineClientService>();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();

        // One hash for every demo person: PBKDF2 is deliberately slow, and start-up should not be.
        var hash = users.PasswordHasher.HashPassword(null!, DemoPassword);
        var slug = district.Id.Value;
        var people = new List<(string Name, string Display, TenantId Tenant, string Role)>
        {
            ($"admin@{slug}", $"{district.Name}管理员", district.Id, GovernanceRoles.DistrictAdmin),
            ($"analyst@{slug}", $"{district.Name}研判员", district.Id, GovernanceRoles.DistrictAnalyst),
        };
        if (towns.FirstOrDefault(t => t.Id.Slug == "yuanhe") is { } yuanhe)
        {
            people.Add(("admin@yuanhe", $"{yuanhe.Name}管理员", yuanhe.Id, GovernanceRoles.TownAdmin));
        }

        people.AddRange(towns.Select(t => ($"operator@{t.Id.Slug}", $"{t.Name}受理员", t.Id, GovernanceRoles.TownOperator)));
        foreach (var (name, display, tenant, role) in people)
        {
            if (await users.FindByNameAsync(name) is not null)
            {
                continue;
            }

            var user = new GovernanceUser
            {
                Id = Guid.NewGuid().ToString("N"),
                UserName = name,
                DisplayName = display,
                DistrictId = tenant.District.Value,
                TownId = tenant.Kind == TenantKind.Town ? tenant.Value : null,
                Roles = role,
                PasswordHash = hash,
                CreatedAt = time.GetUtcNow(),
            };
            Check(await users.CreateAsync(user), name);
        }

        var machines = new List<(string Id, string Display, TenantId Tenant, string Scope)>
        {
            ($"{slug}-gateway", $"{district.Name}渠道网关", district.Id, GovernanceScopes.IntakeWrite),
            ($"{slug}-integrator", $"{district.Name}数据平台", district.Id, GovernanceScopes.FeedsRead),
            ($"{slug}-sensors", $"{district.Name}感知设备网关", district.Id, GovernanceScopes.DetectionsWrite),
        };
        if (towns.FirstOrDefault(t => t.Id.Slug == "yuanhe") is { } town)
        {
            machines.Add(("yuanhe-integrator", $"{town.Name}数据对接", town.Id, GovernanceScopes.FeedsRead));
        }

        foreach (var (id, display, tenant, scopeName) in machines)
        {
            if (await applications.FindByClientIdAsync(id, cancellationToken) is null)
            {
                await clients.CreateAsync(id, display, tenant, [scopeName], $"{id}-secret", cancellationToken);
            }
        }
    }

    private static void Check(IdentityResult result, string name)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {name}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
