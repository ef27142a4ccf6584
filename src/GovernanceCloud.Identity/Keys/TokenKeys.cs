using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GovernanceCloud.Persistence.Keys;
using Microsoft.IdentityModel.Tokens;

namespace GovernanceCloud.Identity.Keys;

/// <summary>
/// The keys that sign access and identity tokens (RSA, published in the JWKS) and encrypt
/// authorization codes and refresh tokens. Production configures certificates; otherwise keys are
/// generated once into the key directory (<see cref="KeyFiles"/>) and reused, so tokens survive a restart and every node
/// that shares the directory issues tokens the others accept.
/// </summary>
internal static class TokenKeys
{
    public const string SigningKeyFile = "signing-key.pem";
    public const string EncryptionKeyFile = "encryption-key.bin";

    public static SecurityKey Signing(IdentitySettings settings)
    {
        if (settings.SigningCertificatePath is { } path)
        {
            return new X509SecurityKey(X509CertificateLoader.LoadPkcs12FromFile(path, settings.SigningCertificatePassword));
        }

        var pem = KeyFiles.LoadOrCreate(Path.Combine(settings.KeyDirectory, SigningKeyFile), () =>
        {
            using var rsa = RSA.Create(2048);
            return System.Text.Encoding.ASCII.GetBytes(rsa.ExportPkcs8PrivateKeyPem());
        });
        var key = RSA.Create();
        key.ImportFromPem(System.Text.Encoding.ASCII.GetString(pem));
        // A stable key id (the public key's hash) lets validators match tokens to the JWKS entry.
        var id = Base64UrlEncoder.Encode(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
        return new RsaSecurityKey(key) { KeyId = id };
    }

    /// <summary>The configured encryption certificate, or null in development.</summary>
    public static X509Certificate2? EncryptionCertificate(IdentitySettings settings) => settings.EncryptionCertificatePath is { } path
        ? X509CertificateLoader.LoadPkcs12FromFile(path, settings.EncryptionCertificatePassword)
        : null;

    public static SecurityKey Encryption(IdentitySettings settings)
    {
        if (EncryptionCertificate(settings) is { } certificate)
        {
            return new X509SecurityKey(certificate);
        }

        var bytes = KeyFiles.LoadOrCreate(Path.Combine(settings.KeyDirectory, EncryptionKeyFile), () => RandomNumberGenerator.GetBytes(32));
        return new SymmetricSecurityKey(bytes);
    }
}
