using GovernanceCloud.BaseData.Contracts;

namespace GovernanceCloud.BaseData.Import;

/// <summary>A column of an import file: the header people write (Chinese), an English alternative, and whether it must be there.</summary>
internal sealed record ImportColumn(string Header, string Alternative, bool Required);

/// <summary>The columns of each kind of file, and where they stand in one file's header row.</summary>
internal sealed class ImportColumns
{
    public static readonly ImportColumn Name = new("姓名", "name", true);
    public static readonly ImportColumn IdNumber = new("身份证号", "idNumber", true);
    public static readonly ImportColumn Phone = new("手机号", "phone", false);
    public static readonly ImportColumn Grid = new("网格", "grid", true);
    public static readonly ImportColumn OptionalGrid = new("网格", "grid", false);
    public static readonly ImportColumn Community = new("小区", "community", false);
    public static readonly ImportColumn RequiredCommunity = new("小区", "community", true);
    public static readonly ImportColumn Building = new("楼栋", "building", false);
    public static readonly ImportColumn RequiredBuilding = new("楼栋", "building", true);
    public static readonly ImportColumn Unit = new("单元", "unit", false);
    public static readonly ImportColumn Room = new("室", "room", false);
    public static readonly ImportColumn RequiredRoom = new("室", "room", true);
    public static readonly ImportColumn Tags = new("标签", "tags", false);
    public static readonly ImportColumn CreditCode = new("统一社会信用代码", "creditCode", true);
    public static readonly ImportColumn BusinessName = new("名称", "name", true);
    public static readonly ImportColumn Address = new("地址", "address", true);
    public static readonly ImportColumn ContactPhone = new("联系电话", "phone", false);
    public static readonly ImportColumn OrganisationKind = new("类型", "kind", true);
    public static readonly ImportColumn Contact = new("联系人", "contact", false);
    public static readonly ImportColumn GridCode = new("网格编号", "code", true);
    public static readonly ImportColumn GridName = new("名称", "name", true);
    public static readonly ImportColumn GridWorker = new("网格员", "gridWorker", true);
    public static readonly ImportColumn Boundary = new("边界", "polygon", false);
    public static readonly ImportColumn CommunityName = new("名称", "name", true);
    public static readonly ImportColumn Aliases = new("别名", "aliases", false);

    private readonly Dictionary<ImportColumn, int> _positions;

    private ImportColumns(Dictionary<ImportColumn, int> positions) => _positions = positions;

    public static IReadOnlyList<ImportColumn> Of(ImportKind kind) => kind switch
    {
        ImportKind.People => [Name, IdNumber, Phone, Grid, Community, Building, Unit, Room, Tags],
        ImportKind.Houses => [Grid, RequiredCommunity, RequiredBuilding, Unit, RequiredRoom],
        ImportKind.Businesses => [CreditCode, BusinessName, Address, Grid, ContactPhone],
        ImportKind.Organisations => [BusinessName, OrganisationKind, OptionalGrid, Contact, ContactPhone],
        ImportKind.Grids => [GridCode, GridName, GridWorker, Boundary],
        ImportKind.Communities => [Grid, CommunityName, Aliases],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Finds each column in the header row; the missing required ones are reported against row 1.</summary>
    public static ImportColumns Locate(ImportKind kind, string[] header, List<ImportError> errors)
    {
        var names = header.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var positions = new Dictionary<ImportColumn, int>();
        foreach (var column in Of(kind))
        {
            var at = Array.FindIndex(names, n => n == column.Header || string.Equals(n, column.Alternative, StringComparison.OrdinalIgnoreCase));
            if (at >= 0)
            {
                positions[column] = at;
            }
            else if (column.Required)
            {
                errors.Add(new ImportError(1, column.Header, $"缺少必需的列“{column.Header}”。"));
            }
        }

        return new ImportColumns(positions);
    }

    /// <summary>The trimmed cell of <paramref name="column"/>, or empty when the file has no such column.</summary>
    public string Cell(TableRow row, ImportColumn column) =>
        _positions.TryGetValue(column, out var at) && at < row.Cells.Length ? row.Cells[at].Trim() : string.Empty;
}
