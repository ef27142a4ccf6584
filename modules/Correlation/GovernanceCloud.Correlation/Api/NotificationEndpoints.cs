using System.Security.Claims;
using GovernanceCloud.Correlation.ReadModel;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Correlation.Api;

/// <summary>
/// <c>/api/v1/notifications</c>: the signed-in person's inbox, newest first. A town's staff get
/// the notifications addressed to their town (new sheets, level rises, send-backs); the district's
/// staff get those addressed to the district (escalations, sheets awaiting review). Read marks are
/// per person.
/// </summary>
internal static class NotificationEndpoints
{
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var inbox = endpoints.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization(GovernancePolicies.CaseWork);
        inbox.MapGet("/", ListAsync).WithSummary("我的消息");
        inbox.MapPost("/{notificationId}/read", MarkReadAsync).WithSummary("标记一条消息为已读");
        inbox.MapPost("/read-all", MarkAllReadAsync).WithSummary("全部标记为已读");
    }

    private static async Task<IResult> ListAsync(
        ClaimsPrincipal caller, ReadModelDbContext db, bool? unreadOnly, int? skip, int? take, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors().Page(skip, take, MaxPageSize);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (Reader(caller) is not { } reader)
        {
            return TypedResults.Forbid();
        }

        var read = db.Set<NotificationReadRow>().Where(r => r.UserId == reader.User).Select(r => r.NotificationId);
        var inbox = Inbox(db, reader.Tenant);
        var unread = inbox.Where(n => !read.Contains(n.Id));
        var query = unreadOnly == true ? unread : inbox;
        var total = await query.CountAsync(cancellationToken);
        var unreadCount = unreadOnly == true ? total : await unread.CountAsync(cancellationToken);
        var page = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(skip ?? 0).Take(take ?? DefaultPageSize)
            .Select(n => new NotificationItem(n.Id, n.Kind, n.Title, n.Body, n.SheetNumber, n.WarningId, n.TownId, n.CreatedAt, read.Contains(n.Id)))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new NotificationPage(page, total, unreadCount));
    }

    private static async Task<IResult> MarkReadAsync(string notificationId, ClaimsPrincipal caller, ReadModelDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Reader(caller) is not { } reader)
        {
            return TypedResults.Forbid();
        }

        var notification = await Inbox(db, reader.Tenant).Where(n => n.Id == notificationId).Select(n => new { n.Id, n.DistrictId, n.TownId }).FirstOrDefaultAsync(cancellationToken);
        if (notification is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "没有这条消息");
        }

        if (!await db.Set<NotificationReadRow>().AnyAsync(r => r.UserId == reader.User && r.NotificationId == notificationId, cancellationToken))
        {
            db.Add(new NotificationReadRow { NotificationId = notification.Id, UserId = reader.User, DistrictId = notification.DistrictId, TownId = notification.TownId, ReadAt = time.GetUtcNow() });
            await SaveIgnoringRaceAsync(db, cancellationToken);
        }

        return TypedResults.NoContent();
    }

    private static async Task<IResult> MarkAllReadAsync(ClaimsPrincipal caller, ReadModelDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Reader(caller) is not { } reader)
        {
            return TypedResults.Forbid();
        }

        var read = db.Set<NotificationReadRow>().Where(r => r.UserId == reader.User).Select(r => r.NotificationId);
        var unread = await Inbox(db, reader.Tenant).Where(n => !read.Contains(n.Id)).Select(n => new { n.Id, n.DistrictId, n.TownId }).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        db.AddRange(unread.Select(n => new NotificationReadRow { NotificationId = n.Id, UserId = reader.User, DistrictId = n.DistrictId, TownId = n.TownId, ReadAt = now }));
        await SaveIgnoringRaceAsync(db, cancellationToken);
        return TypedResults.NoContent();
    }

    // The tenant filter keeps a town to its own rows; within them, each side gets what is addressed to it.
    private static IQueryable<NotificationRow> Inbox(ReadModelDbContext db, TenantId tenant) =>
        tenant.Kind == TenantKind.Town
            ? db.Set<NotificationRow>().AsNoTracking().Where(n => n.ToTown && n.TownId == tenant.Value)
            : db.Set<NotificationRow>().AsNoTracking().Where(n => n.ToDistrict && n.DistrictId == tenant.Value);

    // Two clicks of one person at once: the second insert meets the first's key, and both meant "read".
    private static async Task SaveIgnoringRaceAsync(ReadModelDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
    }

    private static (string User, TenantId Tenant)? Reader(ClaimsPrincipal caller) =>
        caller.FindFirst(GovernanceClaims.Subject)?.Value is { Length: > 0 } user && caller.Tenant() is { } tenant ? (user, tenant) : null;

    private sealed record NotificationItem(
        string Id, string Kind, string Title, string Body, string? SheetNumber, string? WarningId, string? TownId, DateTimeOffset CreatedAt, bool Read);

    private sealed record NotificationPage(IReadOnlyList<NotificationItem> Items, int Total, int Unread);
}
