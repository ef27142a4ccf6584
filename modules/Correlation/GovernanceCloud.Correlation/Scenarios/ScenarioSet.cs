using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Grains;
using GovernanceCloud.Correlation.Settings;
using GovernanceCloud.Intake.Contracts;

namespace GovernanceCloud.Correlation.Scenarios;

/// <summary>
/// The six scenarios on one complaint's evidence: its matter, its petitioner's history, the volume
/// of its grid and category. The correlator feeds it live; what-if feeds it a replay.
/// </summary>
internal static class ScenarioSet
{
    /// <summary>
    /// One complaint's evidence. <c>Latest</c> holds the matter's findings at its newest evidence,
    /// shared by the complaints of one batch that see the same snapshot of it (those are the same
    /// for each of them); null to work them out each time.
    /// </summary>
    public sealed record Evidence(
        ComplaintFacts Complaint, MatterSnapshot Matter, IReadOnlyList<PetitionerComplaint> History, VolumeStats? Grid, VolumeStats? Category,
        IReadOnlyDictionary<string, ChannelLevel> ChannelLevels, MatterFindings? Latest = null);

    /// <summary>A batch's findings on its matters at their newest evidence, by snapshot.</summary>
    public sealed class MatterFindings
    {
        private readonly Dictionary<MatterSnapshot, (Finding? Shared, Finding? Channels)> _bySnapshot = new(ReferenceEqualityComparer.Instance);

        internal (Finding? Shared, Finding? Channels) Of(MatterSnapshot matter, Func<(Finding?, Finding?)> evaluate)
        {
            if (!_bySnapshot.TryGetValue(matter, out var found))
            {
                _bySnapshot[matter] = found = evaluate();
            }

            return found;
        }
    }

    public static List<Finding> Evaluate(Evidence evidence, CorrelationSettings settings)
    {
        var (complaint, matter, history) = (evidence.Complaint, evidence.Matter, evidence.History);
        int Level(string channel) => (int)evidence.ChannelLevels.GetValueOrDefault(channel);

        // Complaints may arrive out of event-time order (a batch is accepted concurrently, a replay
        // interleaves): a window is judged both at this complaint's time and at the newest evidence,
        // so whichever complaint is evaluated last sees the densest window, whatever the order.
        var findings = new List<Finding>();
        var matterLatest = Latest(complaint.ReceivedAt, matter.Members.Select(m => m.ReceivedAt));
        var latest = evidence.Latest is { } memo
            ? memo.Of(matter, () => OfMatter(matter, matterLatest, Level, settings))
            : OfMatter(matter, matterLatest, Level, settings);
        var own = matterLatest == complaint.ReceivedAt ? latest : OfMatter(matter, complaint.ReceivedAt, Level, settings);
        Add(findings, Strongest(own.Shared, latest.Shared));
        Add(findings, Strongest(own.Channels, latest.Channels));
        if (complaint.PetitionerKey is { } petitioner)
        {
            var newest = Latest(complaint.ReceivedAt, history.Select(h => h.ReceivedAt));
            var complaints = history.Select(h => new RepeatPetitioner.Complaint(h.ComplaintId, h.TownId, h.Channel, h.ReceivedAt)).ToArray();
            Add(findings, Strongest(RepeatPetitioner.Evaluate(petitioner, complaints, complaint.ReceivedAt, settings), RepeatPetitioner.Evaluate(petitioner, complaints, newest, settings)));
            var contacts = history.Select(h => new ChannelEscalation.Contact(h.ComplaintId, h.Channel, Level(h.Channel), h.ReceivedAt, h.TownId)).ToArray();
            var subject = $"petitioner:{petitioner[..Math.Min(16, petitioner.Length)]}";
            Add(findings, Strongest(
                ChannelEscalation.OfPetitioner(subject, contacts, complaint.ReceivedAt, settings.RepeatWindow, settings),
                ChannelEscalation.OfPetitioner(subject, contacts, newest, settings.RepeatWindow, settings)));
        }

        if (complaint.GridId is { } grid && evidence.Grid is { } gridVolume)
        {
            Add(findings, LocationHotspot.Evaluate($"grid:{grid}", $"网格 {grid}", complaint.TownId, gridVolume, settings));
        }

        if (complaint.CategoryCode is { } category && evidence.Category is { } categoryVolume)
        {
            Add(findings, CategorySurge.Evaluate(category, categoryVolume, settings));
        }

        Add(findings, SensitiveRisk.Evaluate($"matter:{matter.Id}", complaint.TownId, complaint.Id, complaint.Title, complaint.Content, settings));
        return findings;
    }

    // 一事多人 and 多渠道反复 on a matter, judged at one moment.
    private static (Finding? Shared, Finding? Channels) OfMatter(MatterSnapshot matter, DateTimeOffset at, Func<string, int> level, CorrelationSettings settings)
    {
        var contacts = matter.Members.Select(m => new ChannelEscalation.Contact(m.ComplaintId, m.Channel, level(m.Channel), m.ReceivedAt, m.TownId)).ToArray();
        return (SharedMatter.Evaluate(matter, at, settings),
            ChannelEscalation.OfMatter($"matter:{matter.Id}", $"事项“{matter.Label}”", contacts, at, settings.SharedWindow, settings));
    }

    private static DateTimeOffset Latest(DateTimeOffset at, IEnumerable<DateTimeOffset> times) => times.Append(at).Max();

    private static Finding? Strongest(Finding? a, Finding? b) =>
        a is null ? b : b is null ? a : b.Level > a.Level || (b.Level == a.Level && b.ComplaintIds.Count > a.ComplaintIds.Count) ? b : a;

    private static void Add(List<Finding> findings, Finding? finding)
    {
        if (finding is not null)
        {
            findings.Add(finding);
        }
    }
}
