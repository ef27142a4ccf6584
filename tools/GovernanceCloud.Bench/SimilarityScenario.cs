using System.Diagnostics;
using System.Globalization;
using GovernanceCloud.Correlation.Matching;
using GovernanceCloud.Correlation.Settings;
using GovernanceCloud.Correlation.Text;
using GovernanceCloud.Kernel.Text;

namespace GovernanceCloud.Bench;

/// <summary>
/// <c>similarity --pairs dev.csv</c>: same-matter scoring on labelled sentence pairs (BQ corpus:
/// label 1 = same meaning). The second sentence is scored against a matter made of the first,
/// exactly as intake scores a complaint against a matter, with term rarity taken over all the
/// corpus's sentences as the district's pool. Printed beside a plain character-Jaccard baseline
/// computed in the same run: precision, recall and F1 at the configured threshold and at each
/// method's best threshold, and ROC-AUC.
/// </summary>
internal static class SimilarityScenario
{
    public static int Run(string[] args)
    {
        var path = Path.GetFullPath(args is ["--pairs", var p, ..] ? p : "../shared/data/bq_corpus/dev.csv");
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"error: {path} does not exist (the BQ corpus lives in ../shared/data/bq_corpus/).");
            return 2;
        }

        var pairs = Read(path);
        var clock = Stopwatch.StartNew();
        var features = pairs.SelectMany(p => new[] { p.First, p.Second }).Distinct(StringComparer.Ordinal)
            .ToDictionary(s => s, s => ComplaintFeatures.Of(null, s, PlaceExtractor.Empty), StringComparer.Ordinal);
        var frequency = features.Values.SelectMany(f => f.Terms.Keys).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var featureTime = clock.Elapsed;

        clock.Restart();
        var scores = pairs.Select(p => (Score: Score(features[p.First], features[p.Second], features.Count, frequency), p.Same)).ToArray();
        var ours = scores.Select(s => (s.Score.Total, s.Same)).ToArray();
        var scoreTime = clock.Elapsed;
        clock.Restart();
        var baseline = pairs.Select(p => (Score: CharJaccard(p.First, p.Second), p.Same)).ToArray();
        var baselineTime = clock.Elapsed;

        var threshold = CorrelationSettings.Defaults.SameMatterThreshold;
        Console.WriteLine($"similarity on {pairs.Count:N0} labelled pairs ({pairs.Count(p => p.Same):N0} same), {Path.GetFileName(path)}, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"method",-30}{"threshold",10}{"precision",11}{"recall",9}{"F1",8}{"AUC",8}{"µs/pair",10}");
        var (oursBest, oursBestF1) = BestThreshold(ours);
        var (baseBest, baseBestF1) = BestThreshold(baseline);
        var oursAuc = Auc(ours);
        var baseAuc = Auc(baseline);
        Row("GovernanceCloud (configured)", threshold, ours, oursAuc, scoreTime, pairs.Count);
        Row("GovernanceCloud (best F1)", oursBest, ours, oursAuc, scoreTime, pairs.Count);
        Row("char-Jaccard (at 0.5)", 0.5, baseline, baseAuc, baselineTime, pairs.Count);
        Row("char-Jaccard (best F1)", baseBest, baseline, baseAuc, baselineTime, pairs.Count);
        Console.WriteLine($"ratio GovernanceCloud / char-Jaccard: F1 at configured vs baseline's best {Metrics(ours, threshold).F1 / baseBestF1:F2}x, best F1 {oursBestF1 / baseBestF1:F2}x, AUC {oursAuc / baseAuc:F2}x");
        Console.WriteLine($"its parts alone, AUC: key terms {Auc(scores.Select(s => (s.Score.Terms, s.Same)).ToArray()):F3}, text (MinHash) {Auc(scores.Select(s => (s.Score.Text, s.Same)).ToArray()):F3}");
        Console.WriteLine($"features (jieba, places, MinHash) for {features.Count:N0} sentences: {featureTime.TotalMilliseconds / features.Count * 1000:F0} µs each");
        return 0;
    }

    private static MatterScore Score(ComplaintFeatures first, ComplaintFeatures second, long documents, Dictionary<string, int> frequency)
    {
        var matter = new MatterProfile();
        matter.Add(Probe("a", first, documents, frequency));
        return MatterScorer.Score(Probe("b", second, documents, frequency), matter);
    }

    private static MatterProbe Probe(string id, ComplaintFeatures features, long documents, Dictionary<string, int> frequency) => new()
    {
        ComplaintId = id,
        PlaceKeys = features.Places.Select(ComplaintKeys.PlaceKey).ToArray(),
        PlaceNames = features.Places.Select(p => p.Name).ToArray(),
        Terms = TermWeights.Weigh(features.Terms, documents, t => frequency.GetValueOrDefault(t)),
        Signature = features.Signature,
        ReceivedAt = DateTimeOffset.UnixEpoch,
    };

    private static double CharJaccard(string a, string b)
    {
        var x = a.Where(c => !char.IsWhiteSpace(c)).ToHashSet();
        var y = b.Where(c => !char.IsWhiteSpace(c)).ToHashSet();
        var union = x.Union(y).Count();
        return union == 0 ? 0 : x.Intersect(y).Count() / (double)union;
    }

    private static void Row(string name, double threshold, (double Score, bool Same)[] scored, double auc, TimeSpan time, int pairs)
    {
        var m = Metrics(scored, threshold);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-30}{threshold,10:F2}{m.Precision,11:F3}{m.Recall,9:F3}{m.F1,8:F3}{auc,8:F3}{time.TotalMilliseconds * 1000 / pairs,10:F1}"));
    }

    private static (double Precision, double Recall, double F1) Metrics((double Score, bool Same)[] scored, double threshold)
    {
        var tp = scored.Count(s => s.Score >= threshold && s.Same);
        var fp = scored.Count(s => s.Score >= threshold && !s.Same);
        var fn = scored.Count(s => s.Score < threshold && s.Same);
        var precision = tp + fp == 0 ? 0 : tp / (double)(tp + fp);
        var recall = tp + fn == 0 ? 0 : tp / (double)(tp + fn);
        return (precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }

    private static (double Threshold, double F1) BestThreshold((double Score, bool Same)[] scored) =>
        Enumerable.Range(1, 99).Select(i => i / 100.0).Select(t => (t, Metrics(scored, t).F1)).MaxBy(x => x.Item2);

    // The probability that a random same pair scores above a random different one (ties count half).
    private static double Auc((double Score, bool Same)[] scored)
    {
        var ranked = scored.OrderBy(s => s.Score).ToArray();
        var ranks = new double[ranked.Length];
        for (var i = 0; i < ranked.Length;)
        {
            var j = i;
            while (j + 1 < ranked.Length && ranked[j + 1].Score == ranked[i].Score)
            {
                j++;
            }

            for (var k = i; k <= j; k++)
            {
                ranks[k] = (i + j + 2) / 2.0;
            }

            i = j + 1;
        }

        double positives = ranked.Count(s => s.Same);
        var negatives = ranked.Length - positives;
        var rankSum = ranked.Select((s, i) => s.Same ? ranks[i] : 0).Sum();
        return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    private static List<(string First, string Second, bool Same)> Read(string path)
    {
        using var stream = File.OpenRead(path);
        return CsvReader.Read(stream).Skip(1)
            .Where(r => r.Cells.Length >= 3)
            .Select(r => (r.Cells[0], r.Cells[1], r.Cells[2].Trim() == "1"))
            .ToList();
    }
}
