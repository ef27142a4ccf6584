using System.Diagnostics;
using GovernanceCloud.Bench.Load;
using GovernanceCloud.Correlation.Text;
using GovernanceCloud.Kernel.Text;
using JiebaNet.Segmenter;

namespace GovernanceCloud.Bench.Micro;

/// <summary>
/// <c>segmentation [--csv messages_with_replies.csv] [--rounds 3]</c>: our segmenter against
/// jieba.NET on every TipDM message, in the same run. First that the words are the same for every
/// message, then the time and the memory each takes per message (normalised text, as correlation
/// segments it). jieba.NET is the baseline.
/// </summary>
internal static class SegmentationScenario
{
    public static int Run(string[] args)
    {
        var options = new BenchOptions(args);
        var csv = Path.GetFullPath(options.Text("--csv", "../shared/data/tipdm2020/messages_with_replies.csv")!);
        var rounds = options.Int("--rounds", 3);
        if (!File.Exists(csv))
        {
            Console.Error.WriteLine($"error: {csv} does not exist (the TipDM messages live in ../shared/data/tipdm2020/).");
            return 2;
        }

        var texts = Messages(csv).Take(options.Int("--limit", int.MaxValue)).Select(ChineseText.Normalize).ToArray();
        var ours = WordSegmenter.LoadDefault();
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "Resources");
        var jieba = new JiebaSegmenter();

        var different = texts.Count(t => !jieba.Cut(t, cutAll: false, hmm: true).SequenceEqual(ours.Cut(t)));
        var characters = texts.Sum(t => (long)t.Length);
        var baseline = Measure(texts, rounds, t => jieba.Cut(t, cutAll: false, hmm: true).Count());
        var measured = Measure(texts, rounds, t => ours.Cut(t).Count);
        var extractor = new PlaceExtractor([]);
        var features = Measure(texts, rounds, t => ComplaintFeatures.Of(null, t, extractor).Terms.Count);

        Console.WriteLine($"segmentation of {texts.Length:N0} TipDM messages ({characters / texts.Length:N0} characters each on average), {rounds} rounds, {Environment.ProcessorCount} cores");
        Console.WriteLine($"messages whose words differ from jieba.NET's: {different}");
        Console.WriteLine($"{"segmenter",-22}{"µs/message",12}{"KB/message",12}");
        Console.WriteLine($"{"jieba.NET (baseline)",-22}{baseline.Micros,12:F1}{baseline.Kilobytes,12:F1}");
        Console.WriteLine($"{"GovernanceCloud",-22}{measured.Micros,12:F1}{measured.Kilobytes,12:F1}");
        Console.WriteLine($"ratio to baseline: time {measured.Micros / baseline.Micros:F2}x, memory {measured.Kilobytes / baseline.Kilobytes:F2}x");
        Console.WriteLine($"{"all features (words, places, key terms, MinHash)",-22}{features.Micros,12:F1}{features.Kilobytes,12:F1}");
        return different == 0 ? 0 : 1;
    }

    private static (double Micros, double Kilobytes) Measure(string[] texts, int rounds, Func<string, int> cut)
    {
        foreach (var text in texts)
        {
            cut(text); // warm-up: JIT and dictionaries
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var text in texts)
            {
                cut(text);
            }
        }

        var count = (double)texts.Length * rounds;
        return (clock.Elapsed.TotalMicroseconds / count, (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / count);
    }

    private static IEnumerable<string> Messages(string csv)
    {
        using var stream = File.OpenRead(csv);
        foreach (var (number, cells) in CsvReader.Read(stream))
        {
            if (number > 1 && cells.Length > 4)
            {
                yield return $"{cells[2]}。{cells[4]}";
            }
        }
    }
}
