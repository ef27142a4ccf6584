namespace GovernanceCloud.Feeds.Service;

/// <summary>What one feed query may ask for (README "OData feeds").</summary>
internal static class FeedLimits
{
    /// <summary>The server's page size and the largest <c>$top</c>.</summary>
    public const int PageSize = 1000;

    /// <summary>How deep <c>$expand</c> may nest: a warning's complaints' case, no further.</summary>
    public const int MaxExpansionDepth = 2;

    /// <summary>Nodes in <c>$filter</c>, <c>$orderby</c> and <c>$apply</c> together.</summary>
    public const int MaxNodeCount = 100;

    public const int MaxAnyAllDepth = 1;

    public const int MaxOrderBy = 5;
}
