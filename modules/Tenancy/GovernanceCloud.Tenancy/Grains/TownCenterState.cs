namespace GovernanceCloud.Tenancy.Grains;

/// <summary>Stored state of a town center; JSON, so add properties freely but never rename them.</summary>
internal sealed class TownCenterState
{
    public bool Registered { get; set; }

    public string Name { get; set; } = "";

    public string Code { get; set; } = "";

    public string Address { get; set; } = "";

    public string WorkingHours { get; set; } = "";

    public string Phone { get; set; } = "";

    public int Staffing { get; set; }

    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
