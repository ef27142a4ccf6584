using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovernanceCloud.BaseData.Contracts;
using GovernanceCloud.Cases.Contracts;
using GovernanceCloud.Intake.Channels;
using GovernanceCloud.Intake.Contracts;
using GovernanceCloud.Kernel.Privacy;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Privacy;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.Problems;

namespace GovernanceCloud.Intake.Api;

/// <summary>
/// Checks a complaint field by field and turns it into the pool's form: petitioner identity
/// hashed, encrypted and masked; the place resolved to town and grid; a category given or suggested.
/// </summary>
internal sealed partial class ComplaintNormalizer(ChannelCatalog channels, PersonalDataKeys keys, IAddressResolver gazetteer, ITenantStore tenants, IGrainFactory grains, TimeProvider clock)
{
    public const int MaxContentLength = 10_000;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public async Task<(ComplaintRecord? Record, FieldErrors Errors)> NormalizeAsync(ComplaintRequest request, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var callerTenant = caller.Tenant()!.Value;
        var district = callerTenant.District;

        errors.Require("channel", request.Channel, 40).Require("externalId", request.ExternalId, 100).Require("content", request.Content, MaxContentLength);
        if (request.Channel is { Length: > 0 and <= 40 } channel && !await channels.IsActiveAsync(district, channel, cancellationToken))
        {
            errors.Add("channel", $"渠道“{channel}”未登记或已停用。");
        }

        var receivedAt = ReceivedAt(request.ReceivedAt, errors);
        if (request.Title?.Length > 200)
        {
            errors.Add("title", "不能超过 200 个字符。");
        }

        if (request.Address?.Length > 200)
        {
            errors.Add("address", "不能超过 200 个字符。");
        }

        if (request.Category is { Length: > 0 } category && !ComplaintCategories.IsKnown(category))
        {
            errors.Add("category", $"未知的分类“{category}”。");
        }

        var location = Location(request.Location, errors);
        var town = await TownAsync(request.TownId, callerTenant, errors, cancellationToken);
        var petitioner = Petitioner(request.Petitioner, request.Channel, errors);
        var joined = await JoinedCaseAsync(request.CaseId, town, errors);
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var resolution = await gazetteer.ResolveAsync(district, request.Address, location, cancellationToken);
        string? townId = town?.Value ?? resolution.TownId;
        var gridId = resolution.TownId == townId ? resolution.GridId : null;
        var communityId = resolution.TownId == townId ? resolution.CommunityId : null;
        var text = $"{request.Title} {request.Content}";
        var suggested = request.Category is not { Length: > 0 } ? ComplaintCategories.Suggest(text) : null;
        var protector = keys.For(district);
        var record = new ComplaintRecord
        {
            Id = IntakeGrains.ComplaintId(district, request.Channel!, request.ExternalId!),
            DistrictId = district.Value,
            TownId = townId,
            GridId = gridId,
            CommunityId = communityId,
            Channel = request.Channel!,
            ExternalId = request.ExternalId!,
            ReceivedAt = receivedAt!.Value,
            Title = request.Title?.Trim() ?? "",
            Content = request.Content!.Trim(),
            Address = request.Address?.Trim() ?? "",
            CategoryCode = request.Category is { Length: > 0 } given ? given : suggested,
            CategorySuggested = suggested is not null,
            PetitionerKey = petitioner?.Key(protector),
            PetitionerEncrypted = petitioner is null ? null : protector.Encrypt(JsonSerializer.Serialize(petitioner)),
            PetitionerMasked = petitioner?.Masked(),
            Lat = location?.Lat,
            Lng = location?.Lng,
            JoinedCaseId = joined,
            ContentHash = protector.Hash("complaint", string.Join('\u001F',
                request.Channel, request.ExternalId, receivedAt.Value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), request.TownId,
                petitioner?.Name, petitioner?.Phone, petitioner?.IdNumber, petitioner?.Account, request.Title, request.Content, request.Address, request.Category,
                location?.Lat.ToString(CultureInfo.InvariantCulture), location?.Lng.ToString(CultureInfo.InvariantCulture), joined)),
        };
        return (record, errors);
    }

    private DateTimeOffset? ReceivedAt(string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("receivedAt", "不能为空。");
            return null;
        }

        // The offset must be written: "2026-11-26T09:30:00" could be any time zone.
        if (!IsoWithOffset().IsMatch(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            errors.Add("receivedAt", "应为带时区的 ISO 8601 时间，如 2026-11-26T09:30:00+08:00。");
            return null;
        }

        if (at > clock.GetUtcNow() + ClockSkew)
        {
            errors.Add("receivedAt", "不能晚于当前时间。");
            return null;
        }

        // Whole milliseconds: the pool's rows keep no finer time (SQLite 0.1 ms, PostgreSQL 1 µs), and
        // the time read back from a row must give a retry the same content hash as the first delivery.
        return at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMillisecond));
    }

    private static GeoPoint? Location(LocationRequest? location, FieldErrors errors)
    {
        if (location is null || (location.Lat is null && location.Lng is null))
        {
            return null;
        }

        if (location.Lat is not { } lat || location.Lng is not { } lng)
        {
            errors.Add("location", "纬度和经度须同时提供。");
            return null;
        }

        if (lat is < -90 or > 90 || lng is < -180 or > 180)
        {
            errors.Add("location", "坐标超出范围。");
            return null;
        }

        return new GeoPoint(lat, lng);
    }

    // A town's caller submits for itself (townId omitted or its own); a district's for any of its towns, or none (resolved from the address).
    private async Task<TenantId?> TownAsync(string? townId, TenantId caller, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(townId))
        {
            return caller.Kind == TenantKind.Town ? caller : null;
        }

        if (!TenantId.TryParse(townId, out var town) || town.Kind != TenantKind.Town || !caller.CanSee(town)
            || await tenants.FindAsync(town, cancellationToken) is null)
        {
            errors.Add("townId", "未知的镇（街道）。");
            return null;
        }

        return town;
    }

    // An operator joins a complaint to a case by hand: an open case of the complaint's own town.
    private async Task<string?> JoinedCaseAsync(string? caseId, TenantId? town, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(caseId))
        {
            return null;
        }

        if (town is not { } known)
        {
            errors.Add("caseId", "并案时须写明 townId。");
            return null;
        }

        if (caseId.Length > 40 || await grains.GetCase(known, caseId).View() is not { } view)
        {
            errors.Add("caseId", $"本镇（街道）没有案件“{caseId}”。");
            return null;
        }

        if (view.Status == CaseStatus.Closed)
        {
            errors.Add("caseId", $"案件“{caseId}”已办结，不能再并入诉求。");
            return null;
        }

        return caseId;
    }

    private Petitioner? Petitioner(PetitionerRequest? request, string? channel, FieldErrors errors)
    {
        if (request is null || (string.IsNullOrWhiteSpace(request.Name) && string.IsNullOrWhiteSpace(request.Phone)
            && string.IsNullOrWhiteSpace(request.IdNumber) && string.IsNullOrWhiteSpace(request.AccountId)))
        {
            return null;
        }

        if (request.AccountId?.Trim().Length > 64)
        {
            errors.Add("petitioner.accountId", "不能超过 64 个字符。");
        }

        string? phone = null, idNumber = null;
        if (request.Name?.Trim().Length > 50)
        {
            errors.Add("petitioner.name", "不能超过 50 个字符。");
        }

        if (!string.IsNullOrWhiteSpace(request.Phone))
        {
            if (PhoneNumber.TryNormalize(request.Phone, out var normalized, out var reason))
            {
                phone = normalized;
            }
            else
            {
                errors.Add("petitioner.phone", reason);
            }
        }

        if (!string.IsNullOrWhiteSpace(request.IdNumber))
        {
            if (ChineseIdNumber.TryNormalize(request.IdNumber, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), out var normalized, out var reason))
            {
                idNumber = normalized;
            }
            else
            {
                errors.Add("petitioner.idNumber", reason);
            }
        }

        var account = string.IsNullOrWhiteSpace(request.AccountId) ? null : $"{channel}:{request.AccountId.Trim()}";
        return new Petitioner(request.Name?.Trim(), phone, idNumber, account);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoWithOffset();
}

/// <summary>A petitioner's normalised identity: encrypted as a whole, matched by key, shown masked.</summary>
internal sealed record Petitioner(string? Name, string? Phone, string? IdNumber, string? Account = null)
{
    /// <summary>
    /// The district-wide key: the ID number's hash when known (it never changes), else the phone's,
    /// else the channel account's; null for a name alone.
    /// </summary>
    public string? Key(PersonalDataProtector protector) =>
        IdNumber is not null ? protector.Hash("id", IdNumber)
        : Phone is not null ? protector.Hash("phone", Phone)
        : Account is not null ? protector.Hash("account", Account)
        : null;

    /// <summary>王** 138****1234.</summary>
    public string Masked()
    {
        var name = string.IsNullOrEmpty(Name) ? "" : Name[..1] + new string('*', Math.Max(1, Name.Length - 1));
        var number = Phone is not null ? PhoneNumber.Mask(Phone)
            : IdNumber is not null ? ChineseIdNumber.Mask(IdNumber)
            : Account is not null ? MaskAccount(Account[(Account.IndexOf(':', StringComparison.Ordinal) + 1)..])
            : "";
        return string.Join(' ', new[] { name, number }.Where(s => s.Length > 0));
    }

    private static string MaskAccount(string account) =>
        account.Length <= 4 ? new string('*', account.Length) : string.Concat(account.AsSpan(0, 2), new string('*', account.Length - 4), account.AsSpan(account.Length - 2));
}
