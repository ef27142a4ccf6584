using System.Text.RegularExpressions;
using GovernanceCloud.Identity.Clients;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.Problems;

namespace GovernanceCloud.Identity.Admin;

/// <summary>The body of <c>POST /api/v1/admin/clients</c>.</summary>
internal sealed partial record CreateClientRequest(string? ClientId, string? DisplayName, string? TownId, string[]? Scopes)
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors().Require("clientId", ClientId, 64).Require("displayName", DisplayName, 100);
        if (ClientId is { Length: > 0 and <= 64 } id && !ClientIdShape().IsMatch(id))
        {
            errors.Add("clientId", "客户端标识只能包含小写字母、数字和 -，长度 3 到 64。");
        }

        if (Scopes is not { Length: > 0 })
        {
            errors.Add("scopes", "至少指定一个权限范围。");
        }
        else
        {
            foreach (var scope in Scopes.Where(s => !GovernanceScopes.All.Contains(s)))
            {
                errors.Add("scopes", $"未知权限范围 '{scope}'，可选：{string.Join("、", GovernanceScopes.All)}。");
            }
        }

        return errors;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ClientIdShape();
}

/// <summary>A machine client as the admin API shows it.</summary>
internal sealed record ClientResponse(
    string ClientId, string DisplayName, string DistrictId, string? TownId, IReadOnlyList<string> Scopes,
    bool IsDisabled, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ClientResponse From(MachineClientRow c) =>
        new(c.ClientId, c.DisplayName, c.DistrictId, c.TownId, c.ScopeList, c.IsDisabled, c.CreatedAt, c.UpdatedAt);
}

/// <summary>A client's new secret: shown once, never stored in the clear.</summary>
internal sealed record ClientSecretResponse(string ClientId, string ClientSecret);

/// <summary>One page of machine clients.</summary>
internal sealed record ClientPage(IReadOnlyList<ClientResponse> Items, int Total);
