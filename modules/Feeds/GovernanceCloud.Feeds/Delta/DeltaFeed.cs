using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using GovernanceCloud.Feeds.Data;
using GovernanceCloud.Feeds.Model;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Feeds.Delta;

/// <summary>
/// Incremental sync of one entity set in the OData JSON delta format. The first request (with
/// <c>Prefer: odata.track-changes</c>) returns every row and a delta link; following the link
/// returns the rows added or changed since, and, for a town, the rows that left it as
/// <c>@removed</c>, then the next delta link. Pages hold at most <see cref="PageSize"/> rows and
/// continue by next link, in change order; the delta link of the last page reads from the position
/// taken before the first, so a change made while the client pages is never lost.
/// </summary>
internal sealed class DeltaFeed(FeedDbContext db)
{
    public const int PageSize = 1000;

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Chinese text as itself, as the OData serializer writes it
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OnlyColumns } },
    };

    public static DeltaToken Start(string set, TenantId tenant) => new(set, tenant.Value, From: 0, Initial: true);

    public async Task WriteAsync<TEntity>(DeltaToken token, string serviceRoot, Stream body, CancellationToken cancellationToken)
        where TEntity : FeedEntity
    {
        // The position first: whatever is written from here on comes in the next delta.
        var next = token.NextFrom is { } nextFrom
            ? new ChangePosition(nextFrom, token.NextPending ?? [])
            : await ChangePositions.ReadAsync(db, db.Model.FindEntityType(typeof(TEntity))!.GetTableName()!, cancellationToken);
        var query = Since(db.Set<TEntity>().AsNoTracking(), token.Position);
        if (token.AfterSeq is { } afterSeq && token.AfterId is { } afterId)
        {
            // The database's own order of keys, as in ORDER BY below: keyset paging needs the two to agree.
#pragma warning disable CA1309
            query = query.Where(e => e.ChangeSeq > afterSeq || (e.ChangeSeq == afterSeq && string.Compare(e.Id, afterId) > 0));
#pragma warning restore CA1309
        }

        var rows = await query.OrderBy(e => e.ChangeSeq).ThenBy(e => e.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        var removed = token is { Initial: false, AfterSeq: null } && TenantRequestContext.Current is { Kind: TenantKind.Town }
            ? await RemovedSinceAsync(typeof(TEntity), token.Position, cancellationToken)
            : [];

        // Written to memory first: a page is at most PageSize rows, and a response stream takes only async writes.
        var buffer = new ArrayBufferWriter<byte>();
        await using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Json.Encoder });
        writer.WriteStartObject();
        writer.WriteString("@odata.context", $"{serviceRoot}/$metadata#{token.Set}{(token.Initial ? "" : "/$delta")}");
        writer.WriteStartArray("value");
        foreach (var key in removed)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("@removed");
            writer.WriteStartObject();
            writer.WriteString("reason", "changed");
            writer.WriteEndObject();
            writer.WriteString("@id", $"{serviceRoot}/{token.Set}('{key.Replace("'", "''", StringComparison.Ordinal)}')");
            writer.WriteString("Id", key);
            writer.WriteEndObject();
        }

        foreach (var row in rows.Take(PageSize))
        {
            JsonSerializer.Serialize(writer, row, Json);
        }

        writer.WriteEndArray();
        if (rows.Count > PageSize)
        {
            var last = rows[PageSize - 1];
            var page = token with { AfterSeq = last.ChangeSeq, AfterId = last.Id, NextFrom = next.From, NextPending = [.. next.Pending] };
            writer.WriteString("@odata.nextLink", $"{serviceRoot}/{token.Set}?$deltatoken={page.Encode()}");
        }
        else
        {
            var following = new DeltaToken(token.Set, token.Tenant, next.From, next.Pending.Count == 0 ? null : [.. next.Pending]);
            writer.WriteString("@odata.deltaLink", $"{serviceRoot}/{token.Set}?$deltatoken={following.Encode()}");
        }

        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
        await body.WriteAsync(buffer.WrittenMemory, cancellationToken);
    }

    // A plain range when nothing was pending (always on SQLite), so the ChangeSeq index serves it.
    private static IQueryable<T> Since<T>(IQueryable<T> rows, ChangePosition position)
        where T : class
    {
        var from = position.From;
        var pending = position.Pending.ToArray();
        return pending.Length == 0
            ? rows.Where(r => EF.Property<long>(r, nameof(FeedEntity.ChangeSeq)) >= from)
            : rows.Where(r => EF.Property<long>(r, nameof(FeedEntity.ChangeSeq)) >= from || pending.Contains(EF.Property<long>(r, nameof(FeedEntity.ChangeSeq))));
    }

    private async Task<List<string>> RemovedSinceAsync(Type entity, ChangePosition position, CancellationToken cancellationToken)
    {
        var table = db.Model.FindEntityType(entity)!.GetTableName()!;
        return await Since(db.Set<RemovedRow>().AsNoTracking().Where(r => r.Table == table), position)
            .Select(r => r.Key)
            .Distinct()
            .ToListAsync(cancellationToken);
    }

    // A delta row carries the entity's columns only: no links, no change sequence.
    private static void OnlyColumns(JsonTypeInfo type)
    {
        if (!typeof(FeedEntity).IsAssignableFrom(type.Type))
        {
            return;
        }

        foreach (var property in type.Properties.ToArray())
        {
            if (property.Name == nameof(FeedEntity.ChangeSeq)
                || typeof(FeedEntity).IsAssignableFrom(property.PropertyType)
                || (property.PropertyType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(property.PropertyType)))
            {
                type.Properties.Remove(property);
            }
        }
    }
}
