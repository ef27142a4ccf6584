using System.Globalization;

namespace GovernanceCloud.Bench.Load;

/// <summary>A scenario's <c>--name value</c> options, and host settings passed through as <c>--Section:Key=value</c>.</summary>
internal sealed class BenchOptions(string[] args)
{
    public string? Text(string name, string? fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;

    public int Int(string name, int fallback) => Text(name, null) is { } text ? int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : fallback;

    /// <summary>Settings for the host, e.g. <c>--Intake:Correlate=false</c> to measure intake alone.</summary>
    public string[] HostSettings => [.. args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal))];

    /// <summary>The host's row label in a table: whether it correlated.</summary>
    public string HostLabel => HostSettings.Contains("--Intake:Correlate=false") ? "GovernanceCloud (no correlation)" : "GovernanceCloud (correlating)";

    public double Double(string name, double fallback) => Text(name, null) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
