namespace GovernanceCloud.Persistence.Schema;

/// <summary>What the readiness check and <c>db migrate</c> report about the database.</summary>
/// <param name="Reachable">The database answered.</param>
/// <param name="Current">Every table, column and index the code expects is there.</param>
/// <param name="Detail">A short explanation when not current or not reachable.</param>
public sealed record SchemaStatus(bool Reachable, bool Current, string Detail);
