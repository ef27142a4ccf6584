namespace GovernanceCloud.Feeds.Export;

/// <summary>One column of an export: its Chinese header and how a row gives its text.</summary>
internal sealed record ExportColumn<T>(string Header, Func<T, string?> Value);
