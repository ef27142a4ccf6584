using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Persistence.ReadModel;

/// <summary>
/// A module's share of the read model: its entity types and their mapping. Every module adds
/// its own to the one shared context, so feeds can join across modules; a module writes only its own tables.
/// </summary>
public interface IReadModelContribution
{
    /// <summary>Maps the module's read-model entities.</summary>
    void Configure(ModelBuilder modelBuilder);
}
