using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace GovernanceCloud.Host.Tests.Identity;

/// <summary>Production keys: certificates from configuration sign the tokens, and no key is generated.</summary>
public sealed class CertificateKeysTests : IAsyncLifetime
{
    private readonly HostFactory _host = new();
    private X509Certificate2 _signing = null!;

    public Task InitializeAsync()
    {
        _signing = Certificate("CN=governance-signing", X509KeyUsageFlags.DigitalSignature);
        using var encryption = Certificate("CN=governance-encryption", X509KeyUsageFlags.KeyEncipherment);
        Directory.CreateDirectory(_host.Data.Path);
        File.WriteAllBytes(Path.Combine(_host.Data.Path, "signing.pfx"), _signing.Export(X509ContentType.Pkcs12, "pfx-pass"));
        File.WriteAllBytes(Path.Combine(_host.Data.Path, "encryption.pfx"), encryption.Export(X509ContentType.Pkcs12, "pfx-pass"));
        _host.Settings["Identity:SigningCertificate:Path"] = Path.Combine(_host.Data.Path, "signing.pfx");
        _host.Settings["Identity:SigningCertificate:Password"] = "pfx-pass";
        _host.Settings["Identity:EncryptionCertificate:Path"] = Path.Combine(_host.Data.Path, "encryption.pfx");
        _host.Settings["Identity:EncryptionCertificate:Password"] = "pfx-pass";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _signing.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Tokens_AreSignedByTheConfiguredCertificate()
    {
        using var http = _host.CreateClient();
        var token = (await Tokens.ClientCredentialsAsync(http, "xiangcheng-integrator", "xiangcheng-integrator-secret")).AccessToken!;
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidAudience = "governance-api",
            IssuerSigningKey = new X509SecurityKey(X509CertificateLoader.LoadCertificate(_signing.RawData)),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.False(File.Exists(Path.Combine(_host.Data.Path, "keys", "signing-key.pem")));
    }

    private static X509Certificate2 Certificate(string subject, X509KeyUsageFlags usage)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }
}
