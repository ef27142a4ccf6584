using GovernanceCloud.Persistence.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace GovernanceCloud.Identity;

/// <summary>The identity settings (<c>Identity:*</c>), read and checked once at start-up.</summary>
internal sealed record IdentitySettings
{
    /// <summary>Plain HTTP for the OIDC endpoints; on by default only in Development and Testing.</summary>
    public required bool AllowHttp { get; init; }

    /// <summary>
    /// The issuer (<c>iss</c>) of every token, e.g. <c>https://governance.example.gov.cn/</c>. Set it
    /// in production, behind a proxy or with several nodes, so tokens stay valid whichever address
    /// issued them; when unset, each request's own address is used.
    /// </summary>
    public Uri? Issuer { get; init; }

    /// <summary>Where development keys are generated once and kept (default <c>{Storage:DataDirectory}/keys</c>).</summary>
    public required string KeyDirectory { get; init; }

    /// <summary>A PKCS#12 certificate for signing tokens (production); generated keys otherwise.</summary>
    public string? SigningCertificatePath { get; init; }

    public string? SigningCertificatePassword { get; init; }

    /// <summary>A PKCS#12 certificate for encrypting codes and refresh tokens (production).</summary>
    public string? EncryptionCertificatePath { get; init; }

    public string? EncryptionCertificatePassword { get; init; }

    public required TimeSpan AccessTokenLifetime { get; init; }

    public required TimeSpan RefreshTokenLifetime { get; init; }

    /// <summary>How often a browser session is re-checked against its user (disabled, password reset).</summary>
    public required TimeSpan SessionCheckInterval { get; init; }

    /// <summary>Token requests per minute from one address.</summary>
    public required int TokenRequestsPerMinute { get; init; }

    /// <summary>Sign-in attempts per minute from one address.</summary>
    public required int LoginAttemptsPerMinute { get; init; }

    public static IdentitySettings From(IConfiguration configuration, IHostEnvironment environment, StorageSettings storage)
    {
        var section = configuration.GetSection("Identity");
        var devLike = environment.IsDevelopment() || environment.IsEnvironment("Testing");
        return new IdentitySettings
        {
            AllowHttp = Bool(section, "AllowHttp", devLike),
            Issuer = section["Issuer"] switch
            {
                null or "" => null,
                var text when Uri.TryCreate(text, UriKind.Absolute, out var uri) => uri,
                var text => throw new GovernanceConfigurationException($"Identity:Issuer = '{text}' is not an absolute URL."),
            },
            KeyDirectory = section["KeyDirectory"] is { Length: > 0 } keys ? keys : Path.Combine(storage.DataDirectory, "keys"),
            SigningCertificatePath = section["SigningCertificate:Path"],
            SigningCertificatePassword = section["SigningCertificate:Password"],
            EncryptionCertificatePath = section["EncryptionCertificate:Path"],
            EncryptionCertificatePassword = section["EncryptionCertificate:Password"],
            AccessTokenLifetime = Span(section, "AccessTokenLifetime", TimeSpan.FromMinutes(30)),
            RefreshTokenLifetime = Span(section, "RefreshTokenLifetime", TimeSpan.FromDays(14)),
            SessionCheckInterval = Span(section, "SessionCheckInterval", TimeSpan.FromMinutes(1), allowZero: true),
            TokenRequestsPerMinute = Count(section, "RateLimits:TokenRequestsPerMinute", 60),
            LoginAttemptsPerMinute = Count(section, "RateLimits:LoginAttemptsPerMinute", 20),
        };
    }

    private static bool Bool(IConfigurationSection section, string key, bool fallback) => section[key] switch
    {
        null or "" => fallback,
        var text when bool.TryParse(text, out var value) => value,
        var text => throw new GovernanceConfigurationException($"Identity:{key} = '{text}' is not true or false."),
    };

    private static TimeSpan Span(IConfigurationSection section, string key, TimeSpan fallback, bool allowZero = false) => section[key] switch
    {
        null or "" => fallback,
        var text when TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && (value > TimeSpan.Zero || (allowZero && value == TimeSpan.Zero)) => value,
        var text => throw new GovernanceConfigurationException($"Identity:{key} = '{text}' is not a positive time span (e.g. 00:30:00)."),
    };

    private static int Count(IConfigurationSection section, string key, int fallback) => section[key] switch
    {
        null or "" => fallback,
        var text when int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0 => value,
        var text => throw new GovernanceConfigurationException($"Identity:{key} = '{text}' is not a positive whole number."),
    };
}
