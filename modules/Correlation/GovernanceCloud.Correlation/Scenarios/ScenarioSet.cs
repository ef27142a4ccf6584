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
    public sealed record Evidence(
        ComplaintFacts Complaint, MatterSnapshot Matter, IReadOnlyList<PetitionerComplaint> History, VolumeStats? Grid, VolumeStats? Category,
        IReadOnlyDictionary<string, ChannelLevel> ChannelLevels);

    public static List<Finding> Evaluate(Evidence evidence, CorrelationSettings settings)
    {
        var (complaint, matter, history) = (evidence.Complaint, evidence.Matter, evidence.History);
        int Level(string channel) => (int)evidence.ChannelLevels.GetValueOrDefault(channel);

        // Complaints may arrive out of event-time order (a batch is accepted concurrently, a replay
        // interleaves): a window is judged both at this complaint's time and at the newest evidence,
        // so whichever complaint is evaluated last sees the densest window, whatever the order.
        var findings = new List<Finding>();
        var matterLatest = Latest(complaint.ReceivedAt, matter.Members.Select(m => m.ReceivedAt));
        Add(findings, Strongest(SharedMatter.Evaluate(matter, complaint.ReceivedAt, settings), SharedMatter.Evaluate(matter, matterLatest, settings)));
        var matterContacts = matter.Members.Select(m => new ChannelEscalation.Contact(m.ComplaintId, m.Channel, Level(m.Channel), m.ReceivedAt, m.TownId)).ToArray();
        Add(findings, Strongest(
            ChannelEscalation.Evaluate($"matter:{matter.Id}", $"事项“{matter.Label}”", matterContacts, complaint.ReceivedAt, settings.SharedWindow, settings),
            ChannelEscalation.Evaluate($"matter:{matter.Id}", $"事项“{matter.Label}”", matterContacts, matterLatest, settings.SharedWindow, settings)));
        if (complaint.PetitionerKey is { } petitioner)
        {
            var latest = Latest(complaint.ReceivedAt, history.Select(h => h.ReceivedAt));
            var own = history.Select(h => new RepeatPetitioner.Complaint(h.ComplaintId, h.TownId, h.Channel, h.ReceivedAt)).ToArray();
            Add(findings, Strongest(RepeatPetitioner.Evaluate(petitioner, own, complaint.ReceivedAt, settings), RepeatPetitioner.Evaluate(petitioner, own, latest, settings)));
            var contacts = history.Select(h => new ChannelEscalation.Contact(h.ComplaintId, h.Channel, Level(h.Channel), h.ReceivedAt, h.TownId)).ToArray();
            var subject = $"petitioner:{petitioner[..Math.Min(16, petitioner.Length)]}";
            Add(findings, Strongest(
                ChannelEscalation.Evaluate(subject, "同一诉求人", contacts, complaint.ReceivedAt, settings.RepeatWindow, settings),
                ChannelEscalation.Evaluate(subject, "同一诉求人", contacts, latest, settings.RepeatWindow, settings)));
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
