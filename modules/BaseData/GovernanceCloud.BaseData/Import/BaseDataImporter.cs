using GovernanceCloud.BaseData.Contracts;
using GovernanceCloud.BaseData.Gazetteer;
using GovernanceCloud.BaseData.ReadModel;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Privacy;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovernanceCloud.BaseData.Import;

/// <summary>
/// Imports one town's base-data file: streamed row by row, each row validated and mapped, valid rows
/// upserted in transactions of <see cref="BatchSize"/>, invalid rows reported with row, column and
/// reason. A row is written whole or not at all; importing the same file again writes nothing.
/// </summary>
internal sealed class BaseDataImporter(ReadModelFactory readModel, PersonalDataKeys keys, GazetteerService gazetteer, IServiceProvider services, TimeProvider clock)
{
    public const int BatchSize = 2000;

    public Task<ImportReport> ImportAsync(
        TenantId town, ImportKind kind, Stream content, string fileName, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        IEnumerator<TableRow> rows;
        try
        {
            rows = TableSource.Read(content, fileName).GetEnumerator();
            if (!rows.MoveNext())
            {
                return Task.FromResult(Rejected(town, kind, new ImportError(1, "", "文件是空的，缺少表头行。")));
            }
        }
        catch (InvalidDataException ex)
        {
            return Task.FromResult(Rejected(town, kind, new ImportError(0, "", ex.Message)));
        }

        return ImportRowsAsync(town, kind, rows, progress, cancellationToken);
    }

    /// <summary>Imports rows already read; <paramref name="rows"/> stands on the header row.</summary>
    public async Task<ImportReport> ImportRowsAsync(
        TenantId town, ImportKind kind, IEnumerator<TableRow> rows, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var errors = new List<ImportError>();
        var report = new Counters();

        var columns = ImportColumns.Locate(kind, rows.Current.Cells, errors);
        if (errors.Count > 0)
        {
            return Rejected(town, kind, [.. errors]);
        }

        var lookups = await TownLookups.LoadAsync(readModel, town, cancellationToken);
        var mapper = new RowMapper(kind, town, lookups, keys.For(town), columns, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        var batch = new List<object>(BatchSize);
        var rowType = RowType(kind);
        var now = clock.GetUtcNow();
        using (rows)
        {
            while (rows.MoveNext())
            {
                var row = rows.Current;
                if (row.Cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                report.Rows++;
                var rowErrors = new List<ImportError>();
                var mapped = mapper.Map(row, rowErrors);
                if (mapped is { } valid && seen.TryGetValue(valid.Id, out var first))
                {
                    rowErrors.Add(new ImportError(row.Number, KeyColumn(kind), $"与第 {first} 行重复。"));
                    mapped = null;
                }

                if (mapped is null)
                {
                    report.Rejected++;
                    Add(errors, rowErrors);
                    continue;
                }

                seen[mapped.Value.Id] = row.Number;
                Stamp(mapped.Value.Row, now);
                batch.Add(mapped.Value.Row);
                if (batch.Count == BatchSize)
                {
                    await WriteAsync(town, rowType, batch, report, cancellationToken);
                    progress?.Report(report.Rows);
                }
            }
        }

        await WriteAsync(town, rowType, batch, report, cancellationToken);
        progress?.Report(report.Rows);
        if (kind == ImportKind.Communities)
        {
            gazetteer.Invalidate(town.District);
        }

        return new ImportReport
        {
            Kind = kind, TownId = town.Value, Rows = report.Rows, Written = report.Written, Unchanged = report.Unchanged,
            Rejected = report.Rejected, Errors = errors,
        };
    }

    private async Task WriteAsync(TenantId town, Type rowType, List<object> batch, Counters report, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        if (rowType == typeof(GridImport))
        {
            await RegisterGridsAsync(town, batch, report);
            return;
        }

        await using var db = readModel.Create();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        using var upsert = ContentUpsert.Prepare(db, rowType, connection, transaction);
        var written = 0;
        foreach (var row in batch)
        {
            if (await upsert.ExecuteAsync(row, cancellationToken))
            {
                written++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        report.Written += written;
        report.Unchanged += batch.Count - written;
        batch.Clear();
    }

    // Grids live in their grains: each row is a registration, which changes nothing when it repeats.
    private async Task RegisterGridsAsync(TenantId town, List<object> batch, Counters report)
    {
        var grains = services.GetService<IGrainFactory>()
            ?? throw new InvalidOperationException("Importing grids needs the silo: upload the file to the host, or run the CLI while the host is down.");
        using var system = TenantRequestContext.EnterSystem();
        foreach (var grid in batch.Cast<GridImport>())
        {
            var grain = grains.GetGrid(town, grid.Code);
            var before = await grain.GetProfile();
            var after = await grain.Register(new GridRegistration { Name = grid.Name, GridWorker = grid.GridWorker, Polygon = grid.Polygon });
            if (before?.Version == after.Version)
            {
                report.Unchanged++;
            }
            else
            {
                report.Written++;
            }
        }

        batch.Clear();
    }

    private static void Add(List<ImportError> errors, List<ImportError> rowErrors)
    {
        foreach (var error in rowErrors)
        {
            if (errors.Count >= ImportReport.MaxListedErrors)
            {
                return;
            }

            errors.Add(error);
        }
    }

    private static ImportReport Rejected(TenantId town, ImportKind kind, params ImportError[] errors) =>
        new() { Kind = kind, TownId = town.Value, FileRejected = true, Errors = errors };

    private static Type RowType(ImportKind kind) => kind switch
    {
        ImportKind.People => typeof(PersonRow),
        ImportKind.Houses => typeof(HouseRow),
        ImportKind.Businesses => typeof(BusinessRow),
        ImportKind.Grids => typeof(GridImport),
        ImportKind.Communities => typeof(CommunityRow),
        _ => typeof(OrganisationRow),
    };

    private static string KeyColumn(ImportKind kind) => kind switch
    {
        ImportKind.People => ImportColumns.IdNumber.Header,
        ImportKind.Houses => ImportColumns.RequiredRoom.Header,
        ImportKind.Businesses => ImportColumns.CreditCode.Header,
        ImportKind.Grids => ImportColumns.GridCode.Header,
        _ => ImportColumns.BusinessName.Header,
    };

    private static void Stamp(object row, DateTimeOffset now)
    {
        switch (row)
        {
            case PersonRow p: p.UpdatedAt = now; break;
            case HouseRow h: h.UpdatedAt = now; break;
            case BusinessRow b: b.UpdatedAt = now; break;
            case OrganisationRow o: o.UpdatedAt = now; break;
            case CommunityRow c: c.UpdatedAt = now; break;
        }
    }

    private sealed class Counters
    {
        public long Rows { get; set; }

        public long Written { get; set; }

        public long Unchanged { get; set; }

        public long Rejected { get; set; }
    }
}
