using System.Security.Cryptography;
using GovernanceCloud.Kernel.Privacy;
using Xunit;

namespace GovernanceCloud.Kernel.Tests.Privacy;

public sealed class PersonalDataProtectorTests
{
    private static readonly byte[] Xiangcheng = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] Wuzhong = Enumerable.Range(101, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void Hash_IsStableWithinADistrict_AndDiffersAcrossDistrictsAndKinds()
    {
        var a = new PersonalDataProtector(Xiangcheng);
        var again = new PersonalDataProtector(Xiangcheng);
        var other = new PersonalDataProtector(Wuzhong);
        Assert.Equal(a.Hash("phone", "13812341234"), again.Hash("phone", "13812341234"));
        Assert.NotEqual(a.Hash("phone", "13812341234"), other.Hash("phone", "13812341234"));
        Assert.NotEqual(a.Hash("phone", "13812341234"), a.Hash("id", "13812341234"));
        Assert.DoesNotContain("1381234", a.Hash("phone", "13812341234"), StringComparison.Ordinal);
    }

    [Fact]
    public void Encrypt_RoundTrips_WithAFreshNonceEachTime()
    {
        var protector = new PersonalDataProtector(Xiangcheng);
        var first = protector.Encrypt("320507198001011231");
        var second = protector.Encrypt("320507198001011231");
        Assert.NotEqual(first, second);
        Assert.Equal("320507198001011231", protector.Decrypt(first));
        Assert.DoesNotContain("3205071980", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_RefusesAlteredValuesAndOtherDistricts()
    {
        var protector = new PersonalDataProtector(Xiangcheng);
        var value = Convert.FromBase64String(protector.Encrypt("13812341234"));
        var stolen = Convert.ToBase64String(value);
        value[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => protector.Decrypt(Convert.ToBase64String(value)));
        Assert.ThrowsAny<CryptographicException>(() => new PersonalDataProtector(Wuzhong).Decrypt(stolen));
    }

    [Fact]
    public void ShortSecret_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new PersonalDataProtector(new byte[16]));
}
