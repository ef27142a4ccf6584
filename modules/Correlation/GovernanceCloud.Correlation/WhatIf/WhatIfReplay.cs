using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Grains;
using GovernanceCloud.Correlation.Scenarios;
using GovernanceCloud.Correlation.Settings;
using GovernanceCloud.Intake.Contracts;

namespace GovernanceCloud.Correlation.WhatIf;

/// <summary>
/// Replays past complaints through the six scenarios under one configuration, in memory, and
/// counts the warnings it would have raised: one per (scenario, subject), at the highest level it
/// reached. Complaints keep the matters they were given at intake. Complaints before
/// <see cref="CountFrom"/> only warm the windows and baselines up; nothing is written anywhere.
/// </summary>
internal sealed class WhatIfReplay(CorrelationSettings settings, IReadOnlyDictionary<string, ChannelLevel> channelLevels, DateTimeOffset countFrom)
{
    private readonly Dictionary<string, List<MatterMember>> _matters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<PetitionerComplaint>> _petitioners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DailyVolume> _volumes = new(StringComparer.Ordinal);
    private readonly Dictionary<(Scenario Scenario, string Subject), WarningLevel> _warnings = [];

    public DateTimeOffset CountFrom => countFrom;

    /// <summary>How far before the period the replay must start for its windows and baselines to be full.</summary>
    public static TimeSpan WarmUp(CorrelationSettings s) => new[]
    {
        s.RepeatWindow, s.SharedWindow, TimeSpan.FromDays((7 * s.HotspotTrailingWeeks) + 7), TimeSpan.FromDays(s.SurgeTrailingDays + 1),
    }.Max();

    /// <summary>Complaints counted in the period (not the warm-up).</summary>
    public int Complaints { get; private set; }

    /// <summary>Takes the next complaint; complaints must come oldest first.</summary>
    public void Observe(ArchivedComplaint c)
    {
        var facts = new ComplaintFacts
        {
            Id = c.Id, TownId = c.TownId, GridId = c.GridId, CommunityId = c.CommunityId, Channel = c.Channel, ReceivedAt = c.ReceivedAt,
            Title = c.Title, Content = c.Content, CategoryCode = c.CategoryCode, PetitionerKey = c.PetitionerKey,
        };
        var matterId = c.MatterId ?? CorrelationKeys.MatterIdFor(c.Id, c.ReceivedAt);
        var members = Bucket(_matters, matterId);
        members.Add(MatterMember.Of(facts, 1));
        Trim(members, m => m.ReceivedAt, c.ReceivedAt - settings.SharedWindow);
        IReadOnlyList<PetitionerComplaint> history = [];
        if (c.PetitionerKey is { } key)
        {
            var own = Bucket(_petitioners, key);
            own.Add(new PetitionerComplaint(c.Id, c.TownId, c.Channel, c.ReceivedAt));
            Trim(own, p => p.ReceivedAt, c.ReceivedAt - settings.RepeatWindow);
            history = own;
        }

        var evidence = new ScenarioSet.Evidence(
            facts, new MatterSnapshot(matterId, matterId, members, []), history, Volume(c.GridId is { } g ? $"grid:{g}" : null, c),
            Volume(c.CategoryCode is { } k ? $"category:{k}" : null, c), channelLevels);
        var findings = ScenarioSet.Evaluate(evidence, settings);
        if (c.ReceivedAt < countFrom)
        {
            return;
        }

        Complaints++;
        foreach (var finding in findings)
        {
            var subject = (finding.Scenario, finding.Subject);
            _warnings[subject] = _warnings.TryGetValue(subject, out var level) && level > finding.Level ? level : finding.Level;
        }
    }

    /// <summary>Warnings by scenario and the highest level each reached.</summary>
    public WhatIfTally Tally() => new(
        Complaints,
        Enum.GetValues<Scenario>().Select(s => new ScenarioTally(
            s,
            _warnings.Count(w => w.Key.Scenario == s && w.Value == WarningLevel.Blue),
            _warnings.Count(w => w.Key.Scenario == s && w.Value == WarningLevel.Orange),
            _warnings.Count(w => w.Key.Scenario == s && w.Value == WarningLevel.Red))).ToArray());

    private VolumeStats? Volume(string? subject, ArchivedComplaint c)
    {
        if (subject is null)
        {
            return null;
        }

        if (!_volumes.TryGetValue(subject, out var volume))
        {
            _volumes[subject] = volume = new DailyVolume(new VolumeState());
        }

        volume.Count(c.Id, c.ReceivedAt);
        return volume.Stats(c.ReceivedAt, settings.HotspotTrailingWeeks, settings.SurgeTrailingDays);
    }

    private static List<T> Bucket<T>(Dictionary<string, List<T>> buckets, string key)
    {
        if (!buckets.TryGetValue(key, out var bucket))
        {
            buckets[key] = bucket = [];
        }

        return bucket;
    }

    // Older entries can no longer fall inside any window: the replay's memory stays bounded by the windows.
    private static void Trim<T>(List<T> items, Func<T, DateTimeOffset> at, DateTimeOffset before)
    {
        var stale = items.FindIndex(i => at(i) > before);
        if (stale > 0)
        {
            items.RemoveRange(0, stale);
        }
    }
}

/// <summary>What a what-if replay counted: the complaints of the period and the warnings by scenario and level.</summary>
internal sealed record WhatIfTally(int Complaints, IReadOnlyList<ScenarioTally> Scenarios)
{
    public int Total => Scenarios.Sum(s => s.Total);
}

internal sealed record ScenarioTally(Scenario Scenario, int Blue, int Orange, int Red)
{
    public int Total => Blue + Orange + Red;
}
