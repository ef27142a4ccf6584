namespace GovernanceCloud.BaseData.Contracts;

/// <summary>What a base-data file holds.</summary>
public enum ImportKind
{
    /// <summary>人: residents with ID number, phone, house and care tags.</summary>
    People,

    /// <summary>房: houses (community, building, unit, room).</summary>
    Houses,

    /// <summary>企业: businesses by unified social credit code.</summary>
    Businesses,

    /// <summary>组织: organisations of the town.</summary>
    Organisations,

    /// <summary>网格: the town's grids (code, name, grid worker, boundary).</summary>
    Grids,

    /// <summary>小区: communities and estates on the grids, with the other names people use.</summary>
    Communities,
}

/// <summary>One reason a row was not stored. <see cref="Row"/> counts the header as row 1, as spreadsheets do.</summary>
[GenerateSerializer, Immutable, Alias("gc.import-error")]
public sealed record ImportError([property: Id(0)] long Row, [property: Id(1)] string Column, [property: Id(2)] string Reason);

/// <summary>
/// The outcome of one import. Valid rows are stored (or found unchanged); every invalid row is
/// listed with its reasons, up to <see cref="MaxListedErrors"/>, and counted in full.
/// </summary>
[GenerateSerializer, Immutable, Alias("gc.import-report")]
public sealed record ImportReport
{
    public const int MaxListedErrors = 1000;

    [Id(0)] public required ImportKind Kind { get; init; }

    [Id(1)] public required string TownId { get; init; }

    /// <summary>Data rows read (the header not counted).</summary>
    [Id(2)] public long Rows { get; init; }

    /// <summary>Rows inserted or changed.</summary>
    [Id(3)] public long Written { get; init; }

    /// <summary>Valid rows already stored exactly so.</summary>
    [Id(4)] public long Unchanged { get; init; }

    /// <summary>Rows refused; each has at least one entry in <see cref="Errors"/> (while under the cap).</summary>
    [Id(5)] public long Rejected { get; init; }

    [Id(6)] public IReadOnlyList<ImportError> Errors { get; init; } = [];

    /// <summary>True when the file could not be read as a table at all (the errors say why).</summary>
    [Id(7)] public bool FileRejected { get; init; }
}
