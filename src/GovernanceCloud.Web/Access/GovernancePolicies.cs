namespace GovernanceCloud.Web.Access;

/// <summary>
/// The authorization policies every endpoint names; the identity layer defines them. Bearer
/// tokens only, except <see cref="Console"/>, which also takes the browser session cookie.
/// </summary>
public static class GovernancePolicies
{
    /// <summary>Scope <c>feeds.read</c>.</summary>
    public const string Feeds = "feeds";

    /// <summary>
    /// Scope <c>feeds.read</c> on a person's token: lists of residents, houses and businesses
    /// (masked). Machines, integrators included, never read them.
    /// </summary>
    public const string Residents = "residents";

    /// <summary>A person's token (any person role): working on cases. Which action a role may take is the workflow's to say.</summary>
    public const string CaseWork = "case-work";

    /// <summary>Scope <c>intake.write</c>.</summary>
    public const string Intake = "intake";

    /// <summary>Scope <c>detections.write</c>.</summary>
    public const string Detections = "detections";

    /// <summary>Scope <c>admin</c>: a town or district administrator, person or machine.</summary>
    public const string Admin = "admin";

    /// <summary>Scope <c>admin</c> on a district token.</summary>
    public const string DistrictAdmin = "district-admin";

    /// <summary>The district admin role, from a token or the browser session (Orleans dashboard).</summary>
    public const string Console = "console";

    /// <summary>Any signed-in person or machine, from a token or the browser session (API docs).</summary>
    public const string SignedIn = "signed-in";
}
