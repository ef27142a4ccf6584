using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Matching;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>A complaint joining a matter, with what it was scored on.</summary>
[GenerateSerializer, Immutable, Alias("gc.matter-arrival")]
internal sealed record MatterArrival([property: Id(0)] MatterProbe Probe, [property: Id(1)] ComplaintFacts Complaint);

/// <summary>
/// One complaint of a matter. Its petitioner is known by the first <see cref="MatterCounts.PetitionerDigits"/>
/// hex digits of their key (64 bits): enough to tell a matter's people apart, and a quarter of
/// the key each member of a large matter wrote again with every new one (members written before carry the whole key).
/// </summary>
[GenerateSerializer, Immutable, Alias("gc.matter-member")]
internal sealed record MatterMember(
    [property: Id(0)] string ComplaintId, [property: Id(1)] string? PetitionerKey, [property: Id(2)] string Channel,
    [property: Id(3)] string? TownId, [property: Id(4)] DateTimeOffset ReceivedAt, [property: Id(5)] double Score)
{
    public static MatterMember Of(ComplaintFacts complaint, double score) =>
        new(complaint.Id, MatterCounts.PetitionerOf(complaint.PetitionerKey), complaint.Channel, complaint.TownId, complaint.ReceivedAt, score);
}

/// <summary>What a matter holds after a complaint joined: its latest members (not all of a large one), and its counts.</summary>
[GenerateSerializer, Immutable, Alias("gc.matter-snapshot")]
internal sealed record MatterSnapshot(
    [property: Id(0)] string Id, [property: Id(1)] string Label, [property: Id(2)] IReadOnlyList<MatterMember> Members, [property: Id(3)] IReadOnlyList<string> Places);

/// <summary>
/// Stored state of a matter; JSON, so add properties freely but never rename them. Its members
/// are the latest ones only (every complaint's matter id is on the complaint itself): a matter of
/// thousands of complaints rewrote them all with each new one. What the feed counts over all of
/// them is kept as counts and small sets.
/// </summary>
internal sealed class MatterState
{
    public MatterProfile Profile { get; set; } = new();

    public List<MatterMember> Members { get; set; } = [];

    public long Version { get; set; }

    /// <summary>All its complaints; 0 in a state written before the counts were kept (they are then taken from <see cref="Members"/>).</summary>
    public int Complaints { get; set; }

    /// <summary>Its known petitioners: the first 12 hex digits of each key (48 bits), enough to count them, not to find them.</summary>
    public HashSet<string> Petitioners { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Its complaints without a known petitioner, each a person of its own.</summary>
    public int Anonymous { get; set; }

    public HashSet<string> Channels { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Its complaints per town.</summary>
    public Dictionary<string, int> Towns { get; set; } = new(StringComparer.Ordinal);

    public DateTimeOffset? FirstAt { get; set; }

    public DateTimeOffset? LastAt { get; set; }

    public void Count(MatterMember member)
    {
        Complaints++;
        if (member.PetitionerKey is { } key)
        {
            Petitioners.Add(key[..Math.Min(key.Length, 12)]);
        }
        else
        {
            Anonymous++;
        }

        Channels.Add(member.Channel);
        if (member.TownId is { } town)
        {
            Towns[town] = Towns.GetValueOrDefault(town) + 1;
        }

        FirstAt = FirstAt is { } first && first <= member.ReceivedAt ? first : member.ReceivedAt;
        LastAt = LastAt is { } last && last >= member.ReceivedAt ? last : member.ReceivedAt;
    }
}

/// <summary>How a matter's people are counted: each known petitioner once; an anonymous complaint as a person of its own.</summary>
internal static class MatterCounts
{
    public const int PetitionerDigits = 16;

    /// <summary>A petitioner key as a matter's member keeps it.</summary>
    public static string? PetitionerOf(string? key) => key is { Length: > PetitionerDigits } ? key[..PetitionerDigits] : key;

    public static int Petitioners(IEnumerable<MatterMember> members)
    {
        var known = new HashSet<string>(SamePetitioner.Instance);
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

    // A whole key and the digits a member keeps of it are one person.
    private sealed class SamePetitioner : IEqualityComparer<string>
    {
        public static SamePetitioner Instance { get; } = new();

        public bool Equals(string? x, string? y) =>
            x is not null && y is not null && Digits(x).SequenceEqual(Digits(y));

        public int GetHashCode(string key) => string.GetHashCode(Digits(key), StringComparison.Ordinal);

        private static ReadOnlySpan<char> Digits(string key) => key.AsSpan(0, Math.Min(key.Length, PetitionerDigits));
    }
}
