using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Intake.Contracts;

namespace GovernanceCloud.Intake.Grains;

/// <summary>What correlation is told of an accepted complaint.</summary>
internal static class ComplaintFactsOf
{
    /// <summary>The facts of <paramref name="record"/>, with <paramref name="history"/>: its petitioner's with it in, or null for the correlator to read.</summary>
    public static ComplaintFacts Record(ComplaintRecord record, IReadOnlyList<PetitionerComplaint>? history) => new()
    {
        Id = record.Id, TownId = record.TownId, GridId = record.GridId, CommunityId = record.CommunityId, Channel = record.Channel,
        ReceivedAt = record.ReceivedAt, Title = record.Title, Content = record.Content, CategoryCode = record.CategoryCode,
        PetitionerKey = record.PetitionerKey, PetitionerHistory = history,
    };
}
