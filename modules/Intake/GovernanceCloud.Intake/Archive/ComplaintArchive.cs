using System.Runtime.CompilerServices;
using GovernanceCloud.Intake.Contracts;
using GovernanceCloud.Intake.ReadModel;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Intake.Archive;

/// <summary>
/// Reads the complaints table a page at a time (keyset on received time and id), each page in the
/// district's own scope, so a replay over a year holds one page in memory, not the year.
/// </summary>
internal sealed class ComplaintArchive(ReadModelFactory readModel) : IComplaintArchive
{
    private const int PageSize = 2_000;

    public async Task<int> CountAsync(TenantId district, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var db = readModel.Create();
        using (TenantRequestContext.Enter(district.District))
        {
            return await Period(db, district, since, until).CountAsync(cancellationToken);
        }
    }

    public async IAsyncEnumerable<ArchivedComplaint> ReadAsync(
        TenantId district, DateTimeOffset since, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        (DateTimeOffset At, string Id)? after = null;
        while (true)
        {
            List<ArchivedComplaint> page;
            await using (var db = readModel.Create())
            using (TenantRequestContext.Enter(district.District))
            {
                var query = Period(db, district, since, until);
                if (after is { } last)
                {
                    query = query.Where(c => c.ReceivedAt > last.At || (c.ReceivedAt == last.At && c.Id.CompareTo(last.Id) > 0));
                }

                page = await query.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id).Take(PageSize)
                    .Select(c => new ArchivedComplaint(
                        c.Id, c.TownId, c.GridId, c.CommunityId, c.Channel, c.ReceivedAt, c.Title, c.Content, c.CategoryCode, c.PetitionerKey, c.MatterId))
                    .ToListAsync(cancellationToken);
            }

            foreach (var complaint in page)
            {
                yield return complaint;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = (page[^1].ReceivedAt, page[^1].Id);
        }
    }

    private static IQueryable<ComplaintRow> Period(ReadModelDbContext db, TenantId district, DateTimeOffset since, DateTimeOffset until) =>
        db.Set<ComplaintRow>().AsNoTracking().Where(c => c.DistrictId == district.District.Value && c.ReceivedAt >= since && c.ReceivedAt < until);
}
