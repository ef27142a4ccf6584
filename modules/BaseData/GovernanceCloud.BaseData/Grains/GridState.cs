namespace GovernanceCloud.BaseData.Grains;

/// <summary>Stored state of a grid; JSON, so add properties freely but never rename them.</summary>
internal sealed class GridState
{
    public bool Registered { get; set; }

    public string Name { get; set; } = "";

    public string GridWorker { get; set; } = "";

    public string? Polygon { get; set; }

    public int OpenCases { get; set; }

    public int OpenWarnings { get; set; }

    public int People { get; set; }

    public int Houses { get; set; }

    public int Businesses { get; set; }

    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
