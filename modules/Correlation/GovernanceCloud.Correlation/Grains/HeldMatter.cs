using GovernanceCloud.Correlation.Matching;
using GovernanceCloud.Correlation.ReadModel;
using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>
/// A matter (事项) as its partition holds it in memory: complaints from any town of the district
/// about one thing, with the stored state it was read as (the ETag its next write must carry).
/// Each matter keeps the grain-state row it had as a grain of its own (type <c>matter</c>), so
/// matters stored by earlier versions are read as they are.
/// </summary>
internal sealed class HeldMatter
{
    /// <summary>The most members a matter keeps, however many it received within the window kept.</summary>
    public const int KeptMembers = 500;

    public const string StateName = "matter";

    private static readonly GrainType StateType = GrainType.Create("matter");

    public HeldMatter(TenantId district, string id, IGrainState<MatterState> stored)
    {
        (District, Id, Stored) = (district, id, stored);
        stored.State = State = stored.State ?? new MatterState();
        if (State is { Complaints: 0, Members.Count: > 0 } earlier)
        {
            // Written before the counts were kept: they are all in its members.
            earlier.Members.ForEach(earlier.Count);
        }
    }

    public TenantId District { get; }

    public string Id { get; }

    /// <summary>As stored, with the ETag the next write must carry.</summary>
    public IGrainState<MatterState> Stored { get; }

    public MatterState State { get; }

    public GrainId StateId => StateIdOf(District, Id);

    /// <summary>Whether it holds any complaint (a matter only named in the index may hold none).</summary>
    public bool Exists => State.Complaints > 0;

    public static GrainId StateIdOf(TenantId district, string matterId) => GrainId.Create(StateType, TenantGrainKey.Create(district, matterId));

    /// <summary>How well each complaint fits; null when the matter has none yet or is idle longer than <paramref name="window"/> around it.</summary>
    public MatterScore?[] Score(IReadOnlyList<MatterProbe> probes, TimeSpan window)
    {
        if (State is not { FirstAt: { } first, LastAt: { } last } s)
        {
            return new MatterScore?[probes.Count];
        }

        return probes
            .Select(p => p.ReceivedAt - last > window || first - p.ReceivedAt > window ? null : MatterScorer.Score(p, s.Profile))
            .ToArray();
    }

    /// <summary>
    /// Adds the complaints not in it yet (a redo comes within moments, while its complaint is still
    /// among the members kept), keeping only its members received within <paramref name="keep"/> of
    /// its latest one; true when anything changed and the state is to be written.
    /// </summary>
    public bool Attach(IReadOnlyList<MatterArrival> arrivals, TimeSpan keep)
    {
        var s = State;
        var added = false;
        foreach (var (probe, complaint) in arrivals)
        {
            if (s.Members.Exists(m => m.ComplaintId == complaint.Id))
            {
                continue;
            }

            var score = s.Complaints == 0 ? 1 : MatterScorer.Score(probe, s.Profile).Total;
            var member = MatterMember.Of(complaint, Math.Round(score, 3));
            s.Members.Add(member);
            s.Count(member);
            s.Profile.Add(probe);
            added = true;
        }

        if (added)
        {
            Trim(s, keep);
            s.Version++;
        }

        return added;
    }

    /// <summary>What it holds: its latest members and places, which are all the scenarios look at.</summary>
    public MatterSnapshot Snapshot() =>
        new(Id, State.Profile.Label(), State.Members.ToArray(), State.Profile.PlaceNames().ToArray());

    public MatterRow ToRow()
    {
        var s = State;
        return new MatterRow
        {
            Id = Id,
            DistrictId = District.Value,
            TownId = s.Towns.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key).FirstOrDefault(),
            Label = Truncate(s.Profile.Label(), 100),
            Places = Truncate(string.Join('、', s.Profile.PlaceNames()), 200),
            ComplaintCount = s.Complaints,
            PetitionerCount = s.Petitioners.Count + s.Anonymous,
            ChannelCount = s.Channels.Count,
            TownCount = s.Towns.Count,
            FirstReceivedAt = s.FirstAt!.Value,
            LastReceivedAt = s.LastAt!.Value,
            Version = s.Version,
        };
    }

    // Only members the scenarios can still look at stay: within the window kept before the latest, and the latest few hundred.
    private static void Trim(MatterState s, TimeSpan keep)
    {
        var horizon = s.LastAt!.Value - keep;
        s.Members.RemoveAll(m => m.ReceivedAt < horizon);
        if (s.Members.Count > KeptMembers)
        {
            s.Members.Sort((a, b) => a.ReceivedAt.CompareTo(b.ReceivedAt));
            s.Members.RemoveRange(0, s.Members.Count - KeptMembers);
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
