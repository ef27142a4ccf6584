namespace GovernanceCloud.Web.Access;

/// <summary>The API scopes a token can carry; each protects one kind of door.</summary>
public static class GovernanceScopes
{
    /// <summary>Submit complaints (channel gateways, walk-in recording).</summary>
    public const string IntakeWrite = "intake.write";

    /// <summary>Read the OData feeds and the JSON lists of the token's tenant.</summary>
    public const string FeedsRead = "feeds.read";

    /// <summary>Submit camera and drone detections.</summary>
    public const string DetectionsWrite = "detections.write";

    /// <summary>Administer the tenant: town profiles, users, machine clients, audit.</summary>
    public const string Admin = "admin";

    /// <summary>Every API scope.</summary>
    public static readonly IReadOnlyList<string> All = [IntakeWrite, FeedsRead, DetectionsWrite, Admin];
}
