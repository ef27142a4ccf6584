using GovernanceCloud.Correlation.Matching;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Hosting;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>
/// Where new matters are started, one grain per anchor key (a complaint's first place, else its
/// heaviest key term). Complaints accepted at the same moment look the index up before any of them
/// has posted to it, so two of them about one new matter would each start one. A complaint about
/// to start a matter claims its anchor here first: the grain takes one call at a time, and a
/// complaint that fits a matter started under the same anchor in the last few minutes joins it
/// instead. Memory only: once posted, the index finds those matters anyway.
/// </summary>
[Alias("gc.matter-anchor")]
internal interface IMatterAnchorGrain : ITenantGrain
{
    /// <summary>The matter the complaint should start or join: <paramref name="proposed"/>, or one started under this anchor that it fits.</summary>
    [Alias("claim")]
    Task<string> Claim(string proposed, MatterProbe probe, double threshold);
}

[GrainType("matter-anchor")]
[CollectionAgeLimit(Minutes = GovernanceSilo.ItemIdleMinutes)]
internal sealed class MatterAnchorGrain(TimeProvider time) : Grain, IMatterAnchorGrain
{
    private const int Kept = 8;
    private static readonly TimeSpan Fresh = TimeSpan.FromMinutes(5);

    private readonly List<(string MatterId, MatterProfile Profile, DateTimeOffset StartedAt)> _started = [];

    public Task<string> Claim(string proposed, MatterProbe probe, double threshold)
    {
        var now = time.GetUtcNow();
        _started.RemoveAll(s => now - s.StartedAt > Fresh);
        var existing = _started.Find(s => s.MatterId == proposed);
        if (existing.MatterId is not null)
        {
            return Task.FromResult(proposed); // a redo
        }

        var fits = _started
            .Select(s => (s.MatterId, Score: MatterScorer.Score(probe, s.Profile).Total))
            .Where(s => s.Score >= threshold)
            .OrderByDescending(s => s.Score)
            .FirstOrDefault();
        if (fits.MatterId is not null)
        {
            return Task.FromResult(fits.MatterId);
        }

        var profile = new MatterProfile();
        profile.Add(probe);
        _started.Add((proposed, profile, now));
        if (_started.Count > Kept)
        {
            _started.RemoveAt(0);
        }

        return Task.FromResult(proposed);
    }
}
