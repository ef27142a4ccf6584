using GovernanceCloud.Correlation.Matching;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>The claims of new matters' anchor keys (see the class's summary): memory only, for a minute.</summary>
internal sealed partial class MatterIndexShardGrain
{
    private static readonly TimeSpan ClaimsKept = TimeSpan.FromMinutes(1);
    private const int ClaimsPerKey = 8;

    // Matters started lately under an anchor key of this shard, wall-clock time.
    private readonly Dictionary<string, List<(string MatterId, MatterProfile Profile, DateTimeOffset At)>> _claims = new(StringComparer.Ordinal);

    public Task<string[]> Claim(IReadOnlyList<AnchorClaim> claims)
    {
        var now = time.GetUtcNow();
        return Task.FromResult(claims.Select(c => Claim(c, now)).ToArray());
    }

    private string Claim(AnchorClaim claim, DateTimeOffset now)
    {
        if (!_claims.TryGetValue(claim.AnchorKey, out var started))
        {
            _claims[claim.AnchorKey] = started = [];
        }

        started.RemoveAll(s => now - s.At > ClaimsKept);
        if (started.Exists(s => s.MatterId == claim.MatterId))
        {
            return claim.MatterId; // a redo
        }

        var fits = started
            .Select(s => (s.MatterId, Score: MatterScorer.Score(claim.Probe, s.Profile).Total))
            .Where(s => s.Score >= claim.Threshold)
            .OrderByDescending(s => s.Score)
            .FirstOrDefault();
        if (fits.MatterId is not null)
        {
            return fits.MatterId;
        }

        var profile = new MatterProfile();
        profile.Add(claim.Probe);
        started.Add((claim.MatterId, profile, now));
        if (started.Count > ClaimsPerKey)
        {
            started.RemoveAt(0);
        }

        return claim.MatterId;
    }

    // Claims older than a minute are dropped: by then the index finds their matters.
    private void SweepClaims(DateTimeOffset now)
    {
        foreach (var (key, started) in _claims.ToArray())
        {
            started.RemoveAll(s => now - s.At > ClaimsKept);
            if (started.Count == 0)
            {
                _claims.Remove(key);
            }
        }
    }
}
