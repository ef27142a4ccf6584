using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Intake.Contracts;

/// <summary>A district's accepted complaints of a past period, oldest first (by <c>receivedAt</c>), for replays such as what-if.</summary>
public interface IComplaintArchive
{
    /// <summary>How many complaints the district received in [<paramref name="since"/>, <paramref name="until"/>).</summary>
    Task<int> CountAsync(TenantId district, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>The complaints received in [<paramref name="since"/>, <paramref name="until"/>), read a page at a time.</summary>
    IAsyncEnumerable<ArchivedComplaint> ReadAsync(TenantId district, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);
}

/// <summary>What a replay needs of one complaint; the petitioner only as the hash of their phone or ID number.</summary>
public sealed record ArchivedComplaint(
    string Id, string? TownId, string? GridId, string? CommunityId, string Channel, DateTimeOffset ReceivedAt, string Title, string Content,
    string? CategoryCode, string? PetitionerKey, string? MatterId);
