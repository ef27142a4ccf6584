namespace GovernanceCloud.Tenancy.Api;

/// <summary>One page of towns and how many there are in all.</summary>
internal sealed record TownPage(IReadOnlyList<TownResponse> Items, int Total);
