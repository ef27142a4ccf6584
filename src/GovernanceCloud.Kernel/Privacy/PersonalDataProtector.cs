using System.Security.Cryptography;
using System.Text;

namespace GovernanceCloud.Kernel.Privacy;

/// <summary>
/// Protects a district's personal identifiers (PIPL): a keyed hash for matching (HMAC-SHA256, so
/// the same number always matches within the district and nothing can be recomputed without the
/// secret) and authenticated encryption for authorised display (AES-256-GCM). Both keys are
/// derived from the district's one secret, each for its own purpose.
/// </summary>
public sealed class PersonalDataProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _hashKey;
    private readonly byte[] _encryptionKey;

    public PersonalDataProtector(ReadOnlySpan<byte> districtSecret)
    {
        if (districtSecret.Length < 32)
        {
            throw new ArgumentException("A district secret has at least 32 bytes.", nameof(districtSecret));
        }

        _hashKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, districtSecret.ToArray(), 32, info: "gc.pii.hash"u8.ToArray());
        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, districtSecret.ToArray(), 32, info: "gc.pii.encrypt"u8.ToArray());
    }

    /// <summary>The matching hash of a normalised value; <paramref name="kind"/> (id, phone) keeps kinds apart.</summary>
    public string Hash(string kind, string normalized) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes($"{kind}:{normalized}")));

    /// <summary>Encrypts <paramref name="plain"/>: nonce, tag and cipher text, base64.</summary>
    public string Encrypt(string plain)
    {
        var data = Encoding.UTF8.GetBytes(plain);
        var output = new byte[NonceSize + TagSize + data.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return Convert.ToBase64String(output);
    }

    /// <summary>Decrypts what <see cref="Encrypt"/> produced; throws when it was altered or is another district's.</summary>
    public string Decrypt(string protectedValue)
    {
        var input = Convert.FromBase64String(protectedValue);
        if (input.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The protected value is too short.");
        }

        var plain = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }
}
