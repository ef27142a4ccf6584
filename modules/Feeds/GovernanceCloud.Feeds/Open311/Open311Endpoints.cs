using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GovernanceCloud.Cases.Contracts;
using GovernanceCloud.Feeds.Data;
using GovernanceCloud.Feeds.Model;
using GovernanceCloud.Feeds.Service;
using GovernanceCloud.Intake.Contracts;
using GovernanceCloud.Kernel.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Feeds.Open311;

/// <summary>
/// Open311 GeoReport v2 at <c>/open311/v2</c>, in JSON and XML: <c>services</c> (our categories),
/// <c>requests</c> (list and one, open or closed with our state in <c>status_notes</c>) and a new
/// request, which enters through the same intake path as every channel. <c>jurisdiction_id</c> is
/// a town id. Every request call needs an <c>api_key</c> (<see cref="Open311Keys"/>): complaints
/// are not public, even without their text.
/// </summary>
internal static class Open311Endpoints
{
    public const int MaxRequests = 1000;
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(90);

    private static readonly string[] SubmittedFields =
        ["service_code", "jurisdiction_id", "lat", "long", "address_string", "address_id", "description", "phone", "device_id", "account_id", "first_name", "last_name"];

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var open311 = endpoints.MapGroup("/open311/v2").WithTags("Open311").AllowAnonymous();
        open311.MapGet("/services.{format}", Services).WithSummary("Open311：服务（诉求分类）列表");
        open311.MapGet("/requests.{format}", ListAsync).WithSummary("Open311：查询服务请求");
        open311.MapGet("/requests/{id}.{format}", OneAsync).WithSummary("Open311：查询一个服务请求");
        open311.MapPost("/requests.{format}", CreateAsync).WithSummary("Open311：提交服务请求（经统一受理）").DisableAntiforgery();
    }

    private static IResult Services(string format) => !Open311Format.IsKnown(format)
        ? Open311Format.Error(Open311Format.Json, StatusCodes.Status400BadRequest, "format: 只支持 json 或 xml。")
        : Open311Format.Items(format, "services", "service", ComplaintCategories.All.Select(c => (IEnumerable<KeyValuePair<string, string?>>)
        [
            new("service_code", c.Code), new("service_name", c.Name), new("description", $"{c.Name}类诉求"), new("metadata", "false"),
            new("type", "realtime"), new("keywords", string.Join(',', c.Keywords)), new("group", "群众诉求"),
        ]));

    private static async Task<IResult> ListAsync(HttpContext http, FeedDbContext db, Open311Keys keys, TimeProvider clock, string format, CancellationToken cancellationToken)
    {
        if (Check(http, keys, format) is { } refused)
        {
            return refused;
        }

        var client = keys.Find(http.Request.Query["api_key"])!;
        var query = http.Request.Query;
        using var scope = TenantRequestContext.Enter(client.District);
        var complaints = db.Set<Complaint>().AsNoTracking();
        if (query["jurisdiction_id"].ToString() is { Length: > 0 } town)
        {
            if (!await db.Set<Town>().AnyAsync(t => t.Id == town, cancellationToken))
            {
                return Open311Format.Error(format, StatusCodes.Status404NotFound, $"jurisdiction_id: 没有镇（街道）“{town}”。");
            }

            complaints = complaints.Where(c => c.TownId == town);
        }

        if (query["service_request_id"].ToString() is { Length: > 0 } ids)
        {
            var wanted = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxRequests).ToArray();
            complaints = complaints.Where(c => wanted.Contains(c.Id));
        }
        else
        {
            var end = Time(query["end_date"]) ?? clock.GetUtcNow();
            var start = Time(query["start_date"]) ?? end - DefaultWindow;
            if ((query["end_date"].Count > 0 && Time(query["end_date"]) is null) || (query["start_date"].Count > 0 && Time(query["start_date"]) is null))
            {
                return Open311Format.Error(format, StatusCodes.Status400BadRequest, "start_date, end_date: 应为 W3C 时间，如 2026-11-26T09:30:00+08:00。");
            }

            complaints = complaints.Where(c => c.ReceivedAt >= start && c.ReceivedAt <= end);
            if (query["service_code"].ToString() is { Length: > 0 } code)
            {
                complaints = complaints.Where(c => c.CategoryCode == code);
            }

            switch (query["status"].ToString())
            {
                case "open":
                    complaints = complaints.Where(c => c.Case == null || (c.Case.Status != CaseStatus.Resolved && c.Case.Status != CaseStatus.Closed));
                    break;
                case "closed":
                    complaints = complaints.Where(c => c.Case != null && (c.Case.Status == CaseStatus.Resolved || c.Case.Status == CaseStatus.Closed));
                    break;
                case "":
                    break;
                default:
                    return Open311Format.Error(format, StatusCodes.Status400BadRequest, "status: 只能是 open 或 closed。");
            }
        }

        return Open311Format.Items(format, "service_requests", "request", (await RequestsAsync(db, complaints, cancellationToken)).Select(r => r.Fields()));
    }

    private static async Task<IResult> OneAsync(HttpContext http, FeedDbContext db, Open311Keys keys, string id, string format, CancellationToken cancellationToken)
    {
        if (Check(http, keys, format) is { } refused)
        {
            return refused;
        }

        using var scope = TenantRequestContext.Enter(keys.Find(http.Request.Query["api_key"])!.District);
        var found = await RequestsAsync(db, db.Set<Complaint>().AsNoTracking().Where(c => c.Id == id), cancellationToken);
        return found.Count == 0
            ? Open311Format.Error(format, StatusCodes.Status404NotFound, $"service_request_id: 没有服务请求“{id}”。")
            : Open311Format.Items(format, "service_requests", "request", found.Select(r => r.Fields()));
    }

    private static async Task<IResult> CreateAsync(
        HttpContext http, Open311Keys keys, IComplaintIntake intake, IGrainFactory grains, TimeProvider clock, string format, CancellationToken cancellationToken)
    {
        if (!Open311Format.IsKnown(format))
        {
            return Open311Format.Error(Open311Format.Json, StatusCodes.Status400BadRequest, "format: 只支持 json 或 xml。");
        }

        if (!http.Request.HasFormContentType)
        {
            return Open311Format.Error(format, StatusCodes.Status400BadRequest, "请求体应为 application/x-www-form-urlencoded 表单。");
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        if (keys.Find(form["api_key"]) is not { } client)
        {
            return Open311Format.Error(format, StatusCodes.Status403Forbidden, "api_key: 缺少或无效。");
        }

        string? Field(string name) => form[name].ToString() is { Length: > 0 } value ? value.Trim() : null;
        var missing = new List<string>();
        if (Field("service_code") is null)
        {
            missing.Add("service_code: 不能为空。");
        }

        if (Field("address_string") is null && Field("address_id") is null && (Field("lat") is null || Field("long") is null))
        {
            missing.Add("lat, long, address_string: 须给出位置（经纬度或地址）。");
        }

        if (missing.Count > 0)
        {
            return Open311Format.Error(format, StatusCodes.Status400BadRequest, string.Join(' ', missing));
        }

        using var scope = TenantRequestContext.Enter(client.District);
        var description = Field("description");
        var name = string.Concat(Field("last_name"), Field("first_name"));
        var externalId = ExternalId(client, form);
        // The same request again keeps the time it was first received: it is a duplicate, not a conflict.
        var received = (await grains.GetComplaint(client.District, client.Channel, externalId).GetRecord())?.ReceivedAt ?? clock.GetUtcNow();
        var request = new ComplaintRequest(
            Channel: client.Channel,
            ExternalId: externalId,
            ReceivedAt: received.ToString("O", CultureInfo.InvariantCulture),
            TownId: Field("jurisdiction_id"),
            Petitioner: new PetitionerRequest(name.Length > 0 ? name : null, Field("phone"), null, Field("account_id") ?? Field("device_id")),
            Title: description is null ? null : description[..Math.Min(description.Length, 30)],
            Content: description,
            Address: Field("address_string") ?? Field("address_id"),
            Category: Field("service_code"),
            Location: Field("lat") is null && Field("long") is null ? null : new LocationRequest(Number(Field("lat")), Number(Field("long"))));

        var answer = await intake.SubmitAsync(request, client.AsCaller(), cancellationToken);

        return answer switch
        {
            { Accepted: { } accepted } => Open311Format.Items(format, "service_requests", "request",
                [[new("service_request_id", accepted.Id), new("service_notice", accepted.TownId is null ? "已受理，正在分派到镇（街道）。" : "已受理。"), new("account_id", Field("account_id"))]],
                answer.Status),
            { Status: StatusCodes.Status409Conflict } => Open311Format.Error(format, StatusCodes.Status409Conflict, "这个请求与已受理的另一请求冲突。"),
            _ => Open311Format.Error(format, StatusCodes.Status400BadRequest,
                string.Join(' ', (answer.Errors ?? new Dictionary<string, string[]>()).Select(e => $"{Open311Name(e.Key)}: {string.Join(' ', e.Value)}"))),
        };
    }

    private static IResult? Check(HttpContext http, Open311Keys keys, string format)
    {
        if (!Open311Format.IsKnown(format))
        {
            return Open311Format.Error(Open311Format.Json, StatusCodes.Status400BadRequest, "format: 只支持 json 或 xml。");
        }

        return keys.Find(http.Request.Query["api_key"]) is null
            ? Open311Format.Error(format, StatusCodes.Status403Forbidden, "api_key: 缺少或无效。")
            : null;
    }

    private static async Task<List<Open311Request>> RequestsAsync(FeedDbContext db, IQueryable<Complaint> complaints, CancellationToken cancellationToken)
    {
        var rows = await complaints.OrderByDescending(c => c.ReceivedAt).ThenBy(c => c.Id).Take(MaxRequests).Select(c => new
        {
            c.Id, c.TownId, c.CategoryCode, c.Title, c.ReceivedAt,
            CaseStatus = c.Case == null ? (CaseStatus?)null : c.Case.Status,
            OpenedAt = c.Case == null ? (DateTimeOffset?)null : c.Case.OpenedAt,
            DueAt = c.Case == null ? null : c.Case.DueAt,
            ResolvedAt = c.Case == null ? null : c.Case.ResolvedAt,
            ClosedAt = c.Case == null ? null : c.Case.ClosedAt,
        }).ToListAsync(cancellationToken);
        var towns = await db.Set<Town>().AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return rows.Select(r => new Open311Request
        {
            ServiceRequestId = r.Id,
            Status = r.CaseStatus is CaseStatus.Resolved or CaseStatus.Closed ? "closed" : "open",
            StatusNotes = r.TownId is null ? "已受理，待分派到镇（街道）"
                : r.CaseStatus is { } status ? $"案件{FeedEnums.DescriptionOf(nameof(CaseStatus), status.ToString())}" : "已受理",
            ServiceCode = r.CategoryCode,
            ServiceName = ComplaintCategories.NameOf(r.CategoryCode),
            Description = r.Title,
            AgencyResponsible = r.TownId is null ? null : towns.GetValueOrDefault(r.TownId, r.TownId) + "社会治理综合治理中心",
            RequestedDatetime = r.ReceivedAt,
            UpdatedDatetime = r.ClosedAt ?? r.ResolvedAt ?? r.OpenedAt ?? r.ReceivedAt,
            ExpectedDatetime = r.DueAt,
        }).ToList();
    }

    // A civic app sends no id of its own: the same submission again must find the same complaint.
    private static string ExternalId(Open311Client client, IFormCollection form)
    {
        var fields = string.Join('\u001F', SubmittedFields.Select(f => form[f].ToString().Trim()));
        return "o311-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{client.ClientId}\u001F{fields}")))[..32];
    }

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;

    private static string Open311Name(string field) => field switch
    {
        "content" => "description",
        "category" => "service_code",
        "townId" => "jurisdiction_id",
        "location" => "lat, long",
        "address" => "address_string",
        "petitioner.phone" => "phone",
        "petitioner.name" => "first_name, last_name",
        "petitioner.accountId" => "account_id",
        _ => field,
    };
}
