namespace GovernanceCloud.Tenancy.Grains;

/// <summary>Stored state of a district center.</summary>
internal sealed class DistrictState
{
    public bool Registered { get; set; }

    public string Name { get; set; } = "";

    public string Code { get; set; } = "";

    public List<string> Towns { get; set; } = [];

    public long Version { get; set; }
}
