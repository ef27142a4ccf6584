using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Matching;
using GovernanceCloud.Correlation.Scenarios;
using GovernanceCloud.Correlation.Settings;
using GovernanceCloud.Correlation.Text;
using GovernanceCloud.Intake.Contracts;
using GovernanceCloud.Kernel.Tenancy;
using Orleans.Concurrency;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>
/// Correlates one complaint: finds its matter through the sharded index (places, key terms,
/// MinHash bands), scores the best candidates, joins or starts the matter, then evaluates every
/// scenario and raises or feeds their warnings. Windows are on the complaint's own time.
/// Reentrant: a stateless worker has one activation per core, and a correlation spends most of its
/// time waiting on other grains and the disk; one at a time per activation capped a whole node at
/// two complaints in correlation. Its only fields are caches that any call may refresh.
/// </summary>
[StatelessWorker]
[Reentrant]
[GrainType("correlator")]
internal sealed class CorrelatorGrain(IGrainFactory grains, DistrictPlaces places, CorrelationPolicy policy, TimeProvider time) : Grain, ICorrelatorGrain
{
    private const int Candidates = 5;

    private (SettingsVersion Settings, DateTimeOffset LoadedAt)? _settings;
    private (IReadOnlyDictionary<string, ChannelLevel> Levels, DateTimeOffset LoadedAt)? _channels;

    private TenantId District => TenantGrainKey.TenantOf(this.GetPrimaryKeyString());

    public async Task<CorrelationOutcome> Correlate(ComplaintFacts complaint)
    {
        var settings = (await SettingsAsync()).Settings;
        var matter = await MatterAsync(complaint, settings);
        var levels = await ChannelLevelsAsync();
        var history = complaint.PetitionerKey is { } petitioner ? await grains.GetPetitioner(District, petitioner).History() : [];
        var (grid, category) = await VolumesAsync(complaint, settings);
        var findings = ScenarioSet.Evaluate(new ScenarioSet.Evidence(complaint, matter, history, grid, category, levels), settings);
        var raised = await Task.WhenAll(findings.Select(f => grains.GetWarning(District, f.Scenario, f.Subject).Raise(f, settings.DeadlineFor(f.Level))));
        return new CorrelationOutcome(matter.Id, raised.Select(r => r.WarningId).ToArray());
    }

    public async Task<string> CaseReopened(CaseReopening reopening)
    {
        var settings = (await SettingsAsync()).Settings;
        var finding = ChannelEscalation.Reopened(reopening);
        return (await grains.GetWarning(District, finding.Scenario, finding.Subject).Raise(finding, settings.DeadlineFor(finding.Level))).WarningId;
    }

    private async Task<MatterSnapshot> MatterAsync(ComplaintFacts complaint, CorrelationSettings settings)
    {
        var extractor = await places.ExtractorAsync(District);
        var features = ComplaintFeatures.Of(complaint.Title, complaint.Content, extractor);
        var named = features.Places.ToList();
        if (complaint.CommunityId is { } community && !named.Exists(p => p.CommunityId == community))
        {
            named.Insert(0, new NamedPlace(extractor.CommunityName(community) ?? community, community));
        }

        var placeKeys = named.Select(p => $"p:{p.Key}").ToArray();
        var termKeys = features.Terms.Keys.Select(t => $"t:{t}").ToArray();
        var bandKeys = MinHash.BandKeys(features.Signature).ToArray();
        var answers = await Task.WhenAll(placeKeys.Concat(termKeys).Concat(bandKeys)
            .GroupBy(CorrelationKeys.ShardOf)
            .Select(g => grains.GetIndexShard(District, g.Key).Lookup(g.ToArray(), complaint.ReceivedAt, settings.MatterWindow)));

        var documents = answers.Max(a => a.Documents);
        var frequency = answers.SelectMany(a => a.DocumentFrequency).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var weights = TermWeights.Weigh(features.Terms, documents, term => frequency.GetValueOrDefault($"t:{term}"));
        var probe = new MatterProbe
        {
            ComplaintId = complaint.Id, PlaceKeys = placeKeys, PlaceNames = named.Select(p => p.Name).ToArray(), Terms = weights,
            Signature = features.Signature, CategoryCode = complaint.CategoryCode, ReceivedAt = complaint.ReceivedAt,
        };

        var postingKeys = placeKeys.Concat(weights.Keys.Select(t => $"t:{t}")).Concat(bandKeys).ToArray();
        var matters = answers.SelectMany(a => a.Matters).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        var candidates = postingKeys
            .Where(matters.ContainsKey)
            .SelectMany(key => matters[key].Select(id => (Id: id, Hit: key[0] == 'p' ? 2.0 : 1.0)))
            .GroupBy(c => c.Id, StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(c => c.Hit)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(Candidates)
            .Select(g => g.Key)
            .ToArray();
        var scores = await Task.WhenAll(candidates.Select(async id => (Id: id, Score: await grains.GetMatter(District, id).Score(probe, settings.MatterWindow))));
        var best = scores.Where(s => s.Score is { } score && score.Total >= settings.SameMatterThreshold).OrderByDescending(s => s.Score!.Total).FirstOrDefault();
        var matterId = best.Id ?? await NewMatterAsync(complaint, probe, settings);

        var snapshot = await grains.GetMatter(District, matterId).Attach(probe, complaint);
        await Task.WhenAll(termKeys.Concat(postingKeys).Distinct(StringComparer.Ordinal)
            .GroupBy(CorrelationKeys.ShardOf)
            .Select(g => grains.GetIndexShard(District, g.Key).Commit(
                complaint.Id, g.Where(k => k.StartsWith("t:", StringComparison.Ordinal) && termKeys.Contains(k)).ToArray(), matterId,
                g.Where(postingKeys.Contains).ToArray(), complaint.ReceivedAt)));
        return snapshot;
    }

    // A complaint that fits no indexed matter starts one, unless another complaint accepted at the
    // same moment just started one under the same anchor that it fits.
    private async Task<string> NewMatterAsync(ComplaintFacts complaint, MatterProbe probe, CorrelationSettings settings)
    {
        var proposed = CorrelationKeys.MatterIdFor(complaint.Id);
        var anchor = probe.PlaceKeys.Count > 0 ? probe.PlaceKeys[0] : probe.Terms.OrderByDescending(t => t.Value).Select(t => $"t:{t.Key}").FirstOrDefault();
        return anchor is null
            ? proposed
            : await grains.GetMatterAnchor(District, anchor).Claim(proposed, probe, settings.SameMatterThreshold);
    }

    private async Task<(VolumeStats? Grid, VolumeStats? Category)> VolumesAsync(ComplaintFacts complaint, CorrelationSettings settings)
    {
        async Task<VolumeStats?> ObserveAsync(string? subject) => subject is null
            ? null
            : await grains.GetVolume(District, subject).Observe(complaint.Id, complaint.ReceivedAt, settings.HotspotTrailingWeeks, settings.SurgeTrailingDays);

        var grid = ObserveAsync(complaint.GridId is { } g ? $"grid:{g}" : null);
        var category = ObserveAsync(complaint.CategoryCode is { } c ? $"category:{c}" : null);
        return (await grid, await category);
    }

    private async Task<SettingsVersion> SettingsAsync()
    {
        if (_settings is not { } cached || time.GetUtcNow() - cached.LoadedAt > policy.SettingsCacheAge)
        {
            _settings = cached = (await grains.GetCorrelationSettings(District).Get(), time.GetUtcNow());
        }

        return cached.Settings;
    }

    private async Task<IReadOnlyDictionary<string, ChannelLevel>> ChannelLevelsAsync()
    {
        if (_channels is not { } cached || time.GetUtcNow() - cached.LoadedAt > policy.SettingsCacheAge)
        {
            var list = await grains.GetChannelRegistry(District).List();
            _channels = cached = (list.ToDictionary(c => c.Code, c => c.Level, StringComparer.Ordinal), time.GetUtcNow());
        }

        return cached.Levels;
    }
}
