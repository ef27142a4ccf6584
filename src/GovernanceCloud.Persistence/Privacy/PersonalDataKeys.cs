using System.Collections.Concurrent;
using System.Security.Cryptography;
using GovernanceCloud.Kernel.Privacy;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Configuration;
using GovernanceCloud.Persistence.Keys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GovernanceCloud.Persistence.Privacy;

/// <summary>
/// Each district's personal-data protector. The secret is <c>Privacy:Districts:{district}:Secret</c>
/// (base64, at least 32 bytes) in production; otherwise one is generated once into
/// <c>Privacy:KeyDirectory</c> (default <c>{Storage:DataDirectory}/keys</c>). Losing it makes stored
/// hashes unmatchable and encrypted values unreadable: back it up with the database.
/// </summary>
public sealed class PersonalDataKeys
{
    private readonly IConfiguration _configuration;
    private readonly string _keyDirectory;
    private readonly ConcurrentDictionary<string, PersonalDataProtector> _protectors = new(StringComparer.Ordinal);

    public PersonalDataKeys(IConfiguration configuration, StorageSettings storage)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(storage);
        _configuration = configuration;
        _keyDirectory = configuration["Privacy:KeyDirectory"] is { Length: > 0 } dir ? dir : Path.Combine(storage.DataDirectory, "keys");
    }

    /// <summary>The protector of <paramref name="tenant"/>'s district (a town uses its district's).</summary>
    public PersonalDataProtector For(TenantId tenant) =>
        _protectors.GetOrAdd(tenant.District.Value, district => new PersonalDataProtector(Secret(district)));

    private byte[] Secret(string district)
    {
        var key = $"Privacy:Districts:{district}:Secret";
        if (_configuration[key] is { Length: > 0 } configured)
        {
            try
            {
                var bytes = Convert.FromBase64String(configured);
                if (bytes.Length >= 32)
                {
                    return bytes;
                }
            }
            catch (FormatException)
            {
                // reported below, with the setting's name
            }

            throw new GovernanceConfigurationException($"{key} must be base64 of at least 32 bytes.");
        }

        return KeyFiles.LoadOrCreate(Path.Combine(_keyDirectory, $"privacy-{district}.key"), () => RandomNumberGenerator.GetBytes(32));
    }
}

/// <summary>Registration of <see cref="PersonalDataKeys"/>.</summary>
public static class PersonalDataServices
{
    public static IServiceCollection AddPersonalData(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(sp => new PersonalDataKeys(configuration, sp.GetRequiredService<StorageSettings>()));
}
