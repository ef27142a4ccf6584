using System.Threading.RateLimiting;
using GovernanceCloud.Identity.Account;
using GovernanceCloud.Identity.Admin;
using GovernanceCloud.Identity.Audit;
using GovernanceCloud.Identity.Clients;
using GovernanceCloud.Identity.Keys;
using GovernanceCloud.Identity.People;
using GovernanceCloud.Identity.Seed;
using GovernanceCloud.Identity.Server;
using GovernanceCloud.Identity.Storage;
using GovernanceCloud.Persistence.Configuration;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Web.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GovernanceCloud.Identity;

/// <summary>
/// Identity and access: the OpenID Connect server (OpenIddict), people (ASP.NET Core Identity),
/// machine clients, the authorization policies every endpoint names, abuse limits, the audit log
/// and the administration API.
/// </summary>
public static class IdentityModule
{
    private const string TokenRateLimit = "token";
    private const string ConsoleScheme = "gc.console";
    private const long MaxIdentityRequestBytes = 16 * 1024;

    public static WebApplicationBuilder AddGovernanceIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var settings = IdentitySettings.From(builder.Configuration, builder.Environment, StorageSettings.From(builder.Configuration));
        services.AddSingleton(settings);
        services.AddIdentityStores();
        services.AddSingleton<RejectedTokenAudit>();
        services.AddSingleton<ValidatedTokens>();
        services.AddHttpContextAccessor();
        services.AddSingleton<IAuthenticationSchemeProvider, ApiAuthenticationSchemes>();
        new IdentityBuilder(typeof(GovernanceUser), services).AddSignInManager();
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("GovernanceCloud")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(settings.KeyDirectory, "data-protection")));
        if (TokenKeys.EncryptionCertificate(settings) is { } certificate)
        {
            // Cookie and antiforgery keys at rest are then encrypted too, not only file-protected.
            dataProtection.ProtectKeysWithCertificate(certificate);
        }

        AddAuthentication(services, settings);
        AddOpenIddict(services, settings);
        AddPolicies(services);
        AddLimits(services, settings);
        services.AddAntiforgery();
        services.AddHostedService<IdentitySeedService>();
        return builder;
    }

    /// <summary>
    /// People, machine clients and the audit log over the read model, without HTTP: what the host
    /// serves with and what the CLI provisions with.
    /// </summary>
    public static IServiceCollection AddIdentityStores(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddIdentityReadModel();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<TokenEntries>();
        services.AddSingleton<TokenEntryCheck>();
        services.AddScoped<MachineClientService>();
        services.AddScoped<PersonCreation>();
        AddPeople(services);
        services.AddOpenIddict().AddCore(core => core.UseEntityFrameworkCore().UseDbContext<ReadModelDbContext>());
        return services;
    }

    /// <summary>Only the identity tables, for tools that migrate or inspect the database without serving HTTP.</summary>
    public static IServiceCollection AddIdentityReadModel(this IServiceCollection services) =>
        services.AddSingleton<IReadModelContribution, IdentityReadModel>();

    /// <summary>The middleware, in order: size limits, rate limits, authentication, authorization, antiforgery.</summary>
    public static WebApplication UseGovernanceIdentity(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // Sign-in and token requests are small forms; anything bigger is abuse.
            if (context.Request.Path.StartsWithSegments("/connect") || context.Request.Path.StartsWithSegments("/account"))
            {
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = MaxIdentityRequestBytes;
                }
            }

            return next(context);
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.StatusCode == StatusCodes.Status401Unauthorized
                && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                await context.RequestServices.GetRequiredService<RejectedTokenAudit>().RecordAsync(context);
            }
        });
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static IEndpointRouteBuilder MapGovernanceIdentity(this IEndpointRouteBuilder endpoints)
    {
        var connect = endpoints.MapGroup("/connect").ExcludeFromDescription().AllowAnonymous();
        connect.MapPost("/token", TokenEndpoint.HandleAsync).RequireRateLimiting(TokenRateLimit);
        connect.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.HandleAsync).DisableAntiforgery();
        connect.MapMethods("/logout", [HttpMethods.Get, HttpMethods.Post], EndSessionEndpoint.HandleAsync).DisableAntiforgery();
        AccountEndpoints.Map(endpoints);
        UserAdminEndpoints.Map(endpoints);
        ClientAdminEndpoints.Map(endpoints);
        AuditEndpoints.Map(endpoints);
        return endpoints;
    }

    private static void AddPeople(IServiceCollection services) =>
        services.AddIdentityCore<GovernanceUser>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789._@-";
                options.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                options.ClaimsIdentity.UserNameClaimType = Claims.Name;
                options.ClaimsIdentity.RoleClaimType = GovernanceClaims.Role;
            })
            .AddUserStore<GovernanceUserStore>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddClaimsPrincipalFactory<GovernanceClaimsFactory>();

    private static void AddAuthentication(IServiceCollection services, IdentitySettings settings) =>
        services.AddAuthentication(BearerHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerHandler>(BearerHandler.SchemeName, BearerHandler.Configure)
            .AddCookie(SessionCookie.Scheme, options =>
            {
                options.Cookie.Name = SessionCookie.CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = settings.AllowHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                options.LoginPath = "/account/login";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            // Console pages take a browser session or a bearer token, whichever the request carries.
            .AddPolicyScheme(ConsoleScheme, ConsoleScheme, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerHandler.SchemeName
                    : SessionCookie.Scheme);

    private static void AddOpenIddict(IServiceCollection services, IdentitySettings settings) =>
        services.AddOpenIddict()
            .AddServer(server =>
            {
                server.SetTokenEndpointUris("connect/token")
                    .SetAuthorizationEndpointUris("connect/authorize")
                    .SetEndSessionEndpointUris("connect/logout");
                if (settings.Issuer is { } issuer)
                {
                    server.SetIssuer(issuer);
                }

                server.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow()
                    .RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow();
                server.RegisterScopes([Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess, .. GovernanceScopes.All]);
                server.AddSigningKey(TokenKeys.Signing(settings))
                    .AddEncryptionKey(TokenKeys.Encryption(settings));
                // Integrators validate access tokens themselves against the JWKS: signed, not encrypted.
                server.DisableAccessTokenEncryption();
                server.SetAccessTokenLifetime(settings.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(settings.RefreshTokenLifetime)
                    // A refresh token works once: a replayed one is refused and revokes its chain.
                    .SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                var aspNetCore = server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (settings.AllowHttp)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }

                server.AddEventHandler<OpenIddictServerEvents.ApplyTokenResponseContext>(handler => handler.UseScopedHandler<TokenRefusalAudit>());
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                validation.AddAudiences(TokenPrincipals.ApiResource);
                // Each request checks its token's entry, so revoking (a disabled client or
                // person) takes effect at once, on every node: our check, one prepared statement,
                // in place of OpenIddict's through EF Core.
                validation.AddEventHandler(TokenEntryCheck.Descriptor);
            });

    private static void AddPolicies(IServiceCollection services)
    {
        var bearer = BearerHandler.SchemeName;
        AuthorizationPolicyBuilder Token() => new AuthorizationPolicyBuilder(bearer).RequireAuthenticatedUser().RequireClaim(GovernanceClaims.Tenant);
        AuthorizationPolicy Scope(string scope) => Token().RequireAssertion(c => c.User.HasScope(scope)).Build();

        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(Token().Build())
            // An endpoint that names no policy still needs a token: new doors are closed by default.
            .SetFallbackPolicy(Token().Build())
            .AddPolicy(GovernancePolicies.Feeds, Scope(GovernanceScopes.FeedsRead))
            .AddPolicy(GovernancePolicies.Residents, Token()
                .RequireAssertion(c => c.User.HasScope(GovernanceScopes.FeedsRead))
                .RequireRole(GovernanceRoles.People.Select(r => r.Code))
                .Build())
            .AddPolicy(GovernancePolicies.CaseWork, Token().RequireRole(GovernanceRoles.People.Select(r => r.Code)).Build())
            .AddPolicy(GovernancePolicies.Intake, Scope(GovernanceScopes.IntakeWrite))
            .AddPolicy(GovernancePolicies.Detections, Scope(GovernanceScopes.DetectionsWrite))
            .AddPolicy(GovernancePolicies.Admin, Scope(GovernanceScopes.Admin))
            .AddPolicy(GovernancePolicies.DistrictAdmin, Token()
                .RequireAssertion(c => c.User.HasScope(GovernanceScopes.Admin))
                .RequireClaim(GovernanceClaims.TenantKind, "district")
                .Build())
            .AddPolicy(GovernancePolicies.Console, new AuthorizationPolicyBuilder(ConsoleScheme)
                .RequireAuthenticatedUser().RequireRole(GovernanceRoles.DistrictAdmin).Build())
            .AddPolicy(GovernancePolicies.SignedIn, new AuthorizationPolicyBuilder(ConsoleScheme)
                .RequireAuthenticatedUser().RequireClaim(GovernanceClaims.Tenant).Build());
    }

    private static void AddLimits(IServiceCollection services, IdentitySettings settings) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "请求过于频繁", Detail = "请一分钟后再试。" },
                });
            };
            options.AddPolicy(TokenRateLimit, context => PerAddress(context, settings.TokenRequestsPerMinute));
            options.AddPolicy(AccountEndpoints.LoginRateLimit, context => PerAddress(context, settings.LoginAttemptsPerMinute));
        });

    private static RateLimitPartition<string> PerAddress(HttpContext context, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
