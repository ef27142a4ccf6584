using Microsoft.AspNetCore.Identity;

namespace GovernanceCloud.Identity.People;

/// <summary>Identity's validation messages in Chinese, for the administrators who read them.</summary>
internal sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"密码至少 {length} 个字符。");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "密码须包含数字。");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "密码须包含小写字母。");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "密码须包含大写字母。");

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "密码须包含符号。");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"密码至少包含 {uniqueChars} 个不同字符。");

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "该用户名已被使用。");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "用户名只能包含字母、数字和 . _ @ -。");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "该账户刚被他人修改，请刷新后重试。");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
