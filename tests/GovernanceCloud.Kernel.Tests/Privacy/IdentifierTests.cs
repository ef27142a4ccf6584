using GovernanceCloud.Kernel.Privacy;
using Xunit;

namespace GovernanceCloud.Kernel.Tests.Privacy;

public sealed class IdentifierTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData("11010519491231002X", "11010519491231002X")] // the standard's own example
    [InlineData("11010519491231002x", "11010519491231002X")]
    [InlineData(" 320507198001011231 ", "320507198001011231")]
    [InlineData("３２０５０７２００００２２９００４１", "320507200002290041")] // full-width, a leap day
    [InlineData("440308199901101512", "440308199901101512")]
    public void IdNumber_Valid_IsNormalized(string input, string expected)
    {
        Assert.True(ChineseIdNumber.TryNormalize(input, Today, out var normalized, out var reason), reason);
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("110105194912310021", "校验位")]
    [InlineData("32050719800101123", "18 位")]
    [InlineData("3205071980010112311", "18 位")]
    [InlineData("32050719800A011231", "前 17 位")]
    [InlineData("990507198001011231", "地区代码")]
    [InlineData("320507198002300000", "出生日期")] // 30 February
    [InlineData("320507203001010000", "出生日期")] // born in the future
    [InlineData("320507180001010000", "出生日期")]
    [InlineData("", "18 位")]
    [InlineData(null, "18 位")]
    public void IdNumber_Malformed_SaysWhy(string? input, string reasonPart)
    {
        Assert.False(ChineseIdNumber.TryNormalize(input, Today, out _, out var reason));
        Assert.Contains(reasonPart, reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("13812341234", "13812341234")]
    [InlineData("138 1234 1234", "13812341234")]
    [InlineData("+86 138-1234-1234", "13812341234")]
    [InlineData("008613812341234", "13812341234")]
    [InlineData("8613812341234", "13812341234")]
    [InlineData("１３８１２３４１２３４", "13812341234")]
    [InlineData("0512-65770000", "051265770000")]
    [InlineData("010-62345678", "01062345678")]
    [InlineData("0512 6577000", "05126577000")]
    public void Phone_Valid_IsNormalizedToDigits(string input, string expected)
    {
        Assert.True(PhoneNumber.TryNormalize(input, out var normalized, out var reason), reason);
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("12812341234")]
    [InlineData("1381234123")]
    [InlineData("138123412345")]
    [InlineData("65770000")]
    [InlineData("0512-1234")]
    [InlineData("电话13812341234")]
    [InlineData("")]
    [InlineData(null)]
    public void Phone_Malformed_IsRefused(string? input) =>
        Assert.False(PhoneNumber.TryNormalize(input, out _, out _));

    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData("051265770000", "0512****0000")]
    public void Phone_Mask_HidesTheMiddle(string normalized, string masked) =>
        Assert.Equal(masked, PhoneNumber.Mask(normalized));

    [Fact]
    public void IdNumber_Mask_KeepsFourAndFour() =>
        Assert.Equal("3205**********1231", ChineseIdNumber.Mask("320507198001011231"));

    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91320507MA1M111117")]
    [InlineData("12320000466002174U")]
    [InlineData("91350100m000100y43")]
    public void CreditCode_Valid(string input)
    {
        Assert.True(CreditCode.TryNormalize(input, out var normalized, out var reason), reason);
        Assert.Equal(input.ToUpperInvariant(), normalized);
    }

    [Theory]
    [InlineData("91350100M000100Y44", "校验位")]
    [InlineData("91350100M000100Y4", "18 位")]
    [InlineData("91350100M000100I43", "不允许的字符")]
    [InlineData("9135A100M000100Y43", "行政区划")]
    public void CreditCode_Malformed_SaysWhy(string input, string reasonPart)
    {
        Assert.False(CreditCode.TryNormalize(input, out _, out var reason));
        Assert.Contains(reasonPart, reason, StringComparison.Ordinal);
    }
}
