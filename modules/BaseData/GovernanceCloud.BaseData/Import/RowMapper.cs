using GovernanceCloud.BaseData.Contracts;
using GovernanceCloud.BaseData.ReadModel;
using GovernanceCloud.Kernel.Privacy;
using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.BaseData.Import;

/// <summary>
/// Turns one table row into one read-model row, or into the reasons it cannot be one. Reasons name
/// the column and never repeat a personal number. Personal numbers leave here only hashed,
/// encrypted and masked.
/// </summary>
internal sealed partial class RowMapper(ImportKind kind, TenantId town, TownLookups lookups, PersonalDataProtector protector, ImportColumns columns, DateOnly today)
{
    private const int MaxName = 50;
    private const int MaxText = 200;

    /// <summary>The mapped row and its id (the key that finds duplicates), or null with <paramref name="errors"/> filled.</summary>
    public (object Row, string Id)? Map(TableRow row, List<ImportError> errors) => kind switch
    {
        ImportKind.People => Person(row, errors),
        ImportKind.Houses => House(row, errors),
        ImportKind.Businesses => Business(row, errors),
        ImportKind.Organisations => Organisation(row, errors),
        ImportKind.Grids => GridRegistrationRow(row, errors),
        ImportKind.Communities => CommunityRowOf(row, errors),
        _ => throw new ArgumentOutOfRangeException(nameof(row)),
    };

    private (object, string)? Person(TableRow row, List<ImportError> errors)
    {
        var before = errors.Count;
        var name = Text(row, ImportColumns.Name, MaxName, errors);
        string? id = null;
        if (!ChineseIdNumber.TryNormalize(columns.Cell(row, ImportColumns.IdNumber), today, out var idNumber, out var idReason))
        {
            errors.Add(new ImportError(row.Number, ImportColumns.IdNumber.Header, idReason));
        }
        else
        {
            id = protector.Hash("id", idNumber);
        }

        var phone = OptionalPhone(row, ImportColumns.Phone, errors);
        var grid = Grid(row, ImportColumns.Grid, errors);
        string? houseId = null;
        var communityName = columns.Cell(row, ImportColumns.Community);
        if (communityName.Length > 0)
        {
            var community = Community(row, communityName, grid, errors);
            var building = columns.Cell(row, ImportColumns.Building);
            var room = columns.Cell(row, ImportColumns.Room);
            if (community is not null && building.Length > 0 && room.Length > 0)
            {
                houseId = HouseId(community.Value.Id, building, columns.Cell(row, ImportColumns.Unit), room);
            }
        }

        var tags = string.Join('|', columns.Cell(row, ImportColumns.Tags).Split(['|', '、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (tags.Length > MaxText)
        {
            errors.Add(new ImportError(row.Number, ImportColumns.Tags.Header, $"不能超过 {MaxText} 个字符。"));
        }

        if (errors.Count > before)
        {
            return null;
        }

        var person = new PersonRow
        {
            Id = $"p{id![..32]}",
            DistrictId = town.District.Value,
            TownId = town.Value,
            GridId = grid!,
            HouseId = houseId,
            Name = name!,
            IdNumberHash = id,
            IdNumberEncrypted = protector.Encrypt(idNumber),
            IdNumberMasked = ChineseIdNumber.Mask(idNumber),
            PhoneHash = phone is null ? null : protector.Hash("phone", phone),
            PhoneEncrypted = phone is null ? null : protector.Encrypt(phone),
            PhoneMasked = phone is null ? null : PhoneNumber.Mask(phone),
            Tags = tags,
            ContentHash = protector.Hash("row", string.Join('\u001F', town.Value, name, idNumber, phone, grid, houseId, tags)),
        };
        return (person, person.Id);
    }

    private (object, string)? House(TableRow row, List<ImportError> errors)
    {
        var before = errors.Count;
        var grid = Grid(row, ImportColumns.Grid, errors);
        var community = Community(row, columns.Cell(row, ImportColumns.RequiredCommunity), grid, errors);
        var building = Text(row, ImportColumns.RequiredBuilding, 20, errors);
        var unit = columns.Cell(row, ImportColumns.Unit);
        var room = Text(row, ImportColumns.RequiredRoom, 20, errors);
        if (unit.Length > 20)
        {
            errors.Add(new ImportError(row.Number, ImportColumns.Unit.Header, "不能超过 20 个字符。"));
        }

        if (errors.Count > before)
        {
            return null;
        }

        var house = new HouseRow
        {
            Id = HouseId(community!.Value.Id, building!, unit, room!),
            DistrictId = town.District.Value,
            TownId = town.Value,
            GridId = grid!,
            CommunityId = community.Value.Id,
            Building = building!,
            Unit = unit,
            Room = room!,
            ContentHash = protector.Hash("row", string.Join('\u001F', town.Value, grid, community.Value.Id, building, unit, room)),
        };
        return (house, house.Id);
    }

    private (object, string)? Business(TableRow row, List<ImportError> errors)
    {
        var before = errors.Count;
        if (!CreditCode.TryNormalize(columns.Cell(row, ImportColumns.CreditCode), out var code, out var reason))
        {
            errors.Add(new ImportError(row.Number, ImportColumns.CreditCode.Header, reason));
        }

        var name = Text(row, ImportColumns.BusinessName, MaxText, errors);
        var address = Text(row, ImportColumns.Address, MaxText, errors);
        var grid = Grid(row, ImportColumns.Grid, errors);
        var phone = OptionalPhone(row, ImportColumns.ContactPhone, errors);
        if (errors.Count > before)
        {
            return null;
        }

        var business = new BusinessRow
        {
            Id = $"{town.District}-{code}",
            DistrictId = town.District.Value,
            TownId = town.Value,
            GridId = grid!,
            CreditCode = code,
            Name = name!,
            Address = address!,
            PhoneHash = phone is null ? null : protector.Hash("phone", phone),
            PhoneEncrypted = phone is null ? null : protector.Encrypt(phone),
            PhoneMasked = phone is null ? null : PhoneNumber.Mask(phone),
            ContentHash = protector.Hash("row", string.Join('\u001F', town.Value, code, name, address, grid, phone)),
        };
        return (business, business.Id);
    }

    private (object, string)? Organisation(TableRow row, List<ImportError> errors)
    {
        var before = errors.Count;
        var name = Text(row, ImportColumns.BusinessName, MaxText, errors);
        var kindText = Text(row, ImportColumns.OrganisationKind, 50, errors);
        var gridCell = columns.Cell(row, ImportColumns.OptionalGrid);
        var grid = gridCell.Length == 0 ? null : Grid(row, ImportColumns.OptionalGrid, errors);
        var contact = columns.Cell(row, ImportColumns.Contact);
        if (contact.Length > MaxName)
        {
            errors.Add(new ImportError(row.Number, ImportColumns.Contact.Header, $"不能超过 {MaxName} 个字符。"));
        }

        var phone = OptionalPhone(row, ImportColumns.ContactPhone, errors);
        if (errors.Count > before)
        {
            return null;
        }

        var organisation = new OrganisationRow
        {
            Id = $"{town}/o{protector.Hash("organisation", name!)[..24]}",
            DistrictId = town.District.Value,
            TownId = town.Value,
            GridId = grid,
            Name = name!,
            Kind = kindText!,
            Contact = contact,
            PhoneHash = phone is null ? null : protector.Hash("phone", phone),
            PhoneEncrypted = phone is null ? null : protector.Encrypt(phone),
            PhoneMasked = phone is null ? null : PhoneNumber.Mask(phone),
            ContentHash = protector.Hash("row", string.Join('\u001F', town.Value, name, kindText, grid, contact, phone)),
        };
        return (organisation, organisation.Id);
    }

    private static string HouseId(string communityId, string building, string unit, string room) => $"{communityId}/{building}-{unit}-{room}";

    private string? Text(TableRow row, ImportColumn column, int maxLength, List<ImportError> errors)
    {
        var value = columns.Cell(row, column);
        if (value.Length == 0)
        {
            errors.Add(new ImportError(row.Number, column.Header, "不能为空。"));
            return null;
        }

        if (value.Length > maxLength)
        {
            errors.Add(new ImportError(row.Number, column.Header, $"不能超过 {maxLength} 个字符。"));
            return null;
        }

        return value;
    }

    private string? OptionalPhone(TableRow row, ImportColumn column, List<ImportError> errors)
    {
        var value = columns.Cell(row, column);
        if (value.Length == 0)
        {
            return null;
        }

        if (!PhoneNumber.TryNormalize(value, out var phone, out var reason))
        {
            errors.Add(new ImportError(row.Number, column.Header, reason));
            return null;
        }

        return phone;
    }

    private string? Grid(TableRow row, ImportColumn column, List<ImportError> errors)
    {
        var value = columns.Cell(row, column);
        if (value.Length == 0)
        {
            errors.Add(new ImportError(row.Number, column.Header, "不能为空。"));
            return null;
        }

        var grid = lookups.Grid(value);
        if (grid is null)
        {
            errors.Add(new ImportError(row.Number, column.Header, $"本镇（街道）没有网格“{value}”。"));
        }

        return grid;
    }

    private (string Id, string GridId)? Community(TableRow row, string name, string? grid, List<ImportError> errors)
    {
        if (name.Length == 0)
        {
            errors.Add(new ImportError(row.Number, ImportColumns.Community.Header, "不能为空。"));
            return null;
        }

        var community = lookups.Community(name);
        if (community is null)
        {
            errors.Add(new ImportError(row.Number, ImportColumns.Community.Header, $"本镇（街道）没有小区“{name}”，或有多个同名小区。"));
        }
        else if (grid is not null && community.Value.GridId != grid)
        {
            errors.Add(new ImportError(row.Number, ImportColumns.Community.Header, $"小区“{name}”不在该网格内。"));
            return null;
        }

        return community;
    }
}
