namespace GovernanceCloud.BaseData.Import;

/// <summary>A grid row of an import file: registered through the grid's grain, not written as a row.</summary>
internal sealed record GridImport(string Code, string Name, string GridWorker, string? Polygon);
