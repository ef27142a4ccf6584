using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Matching;
using GovernanceCloud.Correlation.ReadModel;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Hosting;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.Extensions.Logging;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>A matter (事项): complaints from any town of the district about one thing.</summary>
[Alias("gc.matter")]
internal interface IMatterGrain : ITenantGrain
{
    /// <summary>How well each complaint fits; null when the matter has none yet or is idle longer than <paramref name="window"/> around it.</summary>
    [Alias("score-many")]
    Task<MatterScore?[]> Score(IReadOnlyList<MatterProbe> probes, TimeSpan window);

    /// <summary>Adds the complaints (adding one again changes nothing) with one write, and answers what the matter now holds.</summary>
    [Alias("attach-many")]
    Task<MatterSnapshot> Attach(IReadOnlyList<MatterArrival> arrivals);
}

/// <summary>A complaint joining a matter, with what it was scored on.</summary>
[GenerateSerializer, Immutable, Alias("gc.matter-arrival")]
internal sealed record MatterArrival([property: Id(0)] MatterProbe Probe, [property: Id(1)] ComplaintFacts Complaint);

/// <summary>One complaint of a matter.</summary>
[GenerateSerializer, Immutable, Alias("gc.matter-member")]
internal sealed record MatterMember(
    [property: Id(0)] string ComplaintId, [property: Id(1)] string? PetitionerKey, [property: Id(2)] string Channel,
    [property: Id(3)] string? TownId, [property: Id(4)] DateTimeOffset ReceivedAt, [property: Id(5)] double Score);

/// <summary>What a matter holds after a complaint joined.</summary>
[GenerateSerializer, Immutable, Alias("gc.matter-snapshot")]
internal sealed record MatterSnapshot(
    [property: Id(0)] string Id, [property: Id(1)] string Label, [property: Id(2)] IReadOnlyList<MatterMember> Members, [property: Id(3)] IReadOnlyList<string> Places);

/// <summary>Stored state of a matter; JSON, so add properties freely but never rename them.</summary>
internal sealed class MatterState
{
    public MatterProfile Profile { get; set; } = new();

    public List<MatterMember> Members { get; set; } = [];

    public long Version { get; set; }
}

[GrainType("matter")]
[CollectionAgeLimit(Minutes = GovernanceSilo.ItemIdleMinutes)]
internal sealed class MatterGrain(
    [PersistentState("matter", GovernanceSilo.StorageName)] IPersistentState<MatterState> state,
    IProjectionWriter writer,
    ILogger<MatterGrain> logger) : Grain, IMatterGrain
{
    private ReadModelProjection<MatterRow> _projection = null!;

    private TenantId District => TenantGrainKey.TenantOf(this.GetPrimaryKeyString());

    private string Id => TenantGrainKey.LocalIdOf(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _projection = new ReadModelProjection<MatterRow>(this, writer, logger);
        if (state.State.Members.Count > 0)
        {
            await _projection.ProjectAsync(ToRow());
        }
    }

    public Task<MatterScore?[]> Score(IReadOnlyList<MatterProbe> probes, TimeSpan window)
    {
        var members = state.State.Members;
        if (members.Count == 0)
        {
            return Task.FromResult(new MatterScore?[probes.Count]);
        }

        var (first, last) = (members.Min(m => m.ReceivedAt), members.Max(m => m.ReceivedAt));
        return Task.FromResult(probes
            .Select(p => p.ReceivedAt - last > window || first - p.ReceivedAt > window ? null : MatterScorer.Score(p, state.State.Profile))
            .ToArray());
    }

    public async Task<MatterSnapshot> Attach(IReadOnlyList<MatterArrival> arrivals)
    {
        var s = state.State;
        var added = false;
        foreach (var (probe, complaint) in arrivals)
        {
            if (s.Members.Exists(m => m.ComplaintId == complaint.Id))
            {
                continue;
            }

            var score = s.Members.Count == 0 ? 1 : MatterScorer.Score(probe, s.Profile).Total;
            s.Members.Add(new MatterMember(complaint.Id, complaint.PetitionerKey, complaint.Channel, complaint.TownId, complaint.ReceivedAt, Math.Round(score, 3)));
            s.Profile.Add(probe);
            added = true;
        }

        if (added)
        {
            s.Version++;
            await state.WriteStateAsync();
            await _projection.ProjectAsync(ToRow());
        }

        return Snapshot();
    }

    private MatterSnapshot Snapshot() =>
        new(Id, state.State.Profile.Label(), state.State.Members.ToArray(), state.State.Profile.Places.Values.ToArray());

    private MatterRow ToRow()
    {
        var s = state.State;
        var towns = s.Members.Where(m => m.TownId is not null).GroupBy(m => m.TownId!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToArray();
        return new MatterRow
        {
            Id = Id,
            DistrictId = District.Value,
            TownId = towns.FirstOrDefault()?.Key,
            Label = Truncate(s.Profile.Label(), 100),
            Places = Truncate(string.Join('、', s.Profile.Places.Values), 200),
            ComplaintCount = s.Members.Count,
            PetitionerCount = MatterCounts.Petitioners(s.Members),
            ChannelCount = s.Members.Select(m => m.Channel).Distinct(StringComparer.Ordinal).Count(),
            TownCount = towns.Length,
            FirstReceivedAt = s.Members.Min(m => m.ReceivedAt),
            LastReceivedAt = s.Members.Max(m => m.ReceivedAt),
            Version = s.Version,
        };
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>How a matter's people are counted: each known petitioner once; an anonymous complaint as a person of its own.</summary>
internal static class MatterCounts
{
    public static int Petitioners(IEnumerable<MatterMember> members)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        var anonymous = 0;
        foreach (var member in members)
        {
            if (member.PetitionerKey is { } key)
            {
                known.Add(key);
            }
            else
            {
                anonymous++;
            }
        }

        return known.Count + anonymous;
    }
}
