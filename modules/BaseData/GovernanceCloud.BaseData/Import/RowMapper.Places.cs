using GovernanceCloud.BaseData.Contracts;
using GovernanceCloud.BaseData.Gazetteer;
using GovernanceCloud.BaseData.ReadModel;

namespace GovernanceCloud.BaseData.Import;

/// <summary>The town's map: grid and community rows.</summary>
internal sealed partial class RowMapper
{
    private (object, string)? GridRegistrationRow(TableRow row, List<ImportError> errors)
    {
        var before = errors.Count;
        var code = columns.Cell(row, ImportColumns.GridCode);
        if (!BaseDataGrains.IsGridCode(code))
        {
            errors.Add(new ImportError(row.Number, ImportColumns.GridCode.Header, "网格编号只能含小写字母、数字和 -（如 g001），不超过 32 位。"));
        }

        var name = Text(row, ImportColumns.GridName, 100, errors);
        var worker = Text(row, ImportColumns.GridWorker, MaxName, errors);
        var polygon = columns.Cell(row, ImportColumns.Boundary);
        if (polygon.Length > 0 && GridBoundary.Parse(polygon) is null)
        {
            errors.Add(new ImportError(row.Number, ImportColumns.Boundary.Header, "边界不是有效的 GeoJSON Polygon（经度在前，至少 4 个点）。"));
        }

        return errors.Count > before ? null : (new GridImport(code, name!, worker!, polygon.Length > 0 ? polygon : null), code);
    }

    private (object, string)? CommunityRowOf(TableRow row, List<ImportError> errors)
    {
        var before = errors.Count;
        var grid = Grid(row, ImportColumns.Grid, errors);
        var name = Text(row, ImportColumns.CommunityName, 100, errors);
        var aliases = columns.Cell(row, ImportColumns.Aliases)
            .Split(['|', '、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(a => a != name)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var joined = string.Join('|', aliases);
        if (joined.Length > 500 || aliases.Any(a => a.Length > 50))
        {
            errors.Add(new ImportError(row.Number, ImportColumns.Aliases.Header, "别名每个不超过 50 字，合计不超过 500 字。"));
        }

        if (errors.Count > before)
        {
            return null;
        }

        var community = new CommunityRow
        {
            Id = lookups.CommunityId(name!) ?? $"{town}/c-{protector.Hash("community", name!)[..12]}",
            DistrictId = town.District.Value,
            TownId = town.Value,
            GridId = grid!,
            Name = name!,
            Aliases = joined,
            Version = 1,
            ContentHash = protector.Hash("row", string.Join('\u001F', town.Value, grid, name, joined)),
        };
        return (community, name!);
    }
}
