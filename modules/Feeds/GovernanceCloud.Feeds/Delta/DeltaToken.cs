using System.Buffers.Text;
using System.Text.Json;

using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.Feeds.Delta;

/// <summary>
/// Where an incremental sync stands, carried opaquely in <c>$deltatoken</c>: the set, the tenant
/// it was issued to, the change position to read from, and, inside a paged response, the last row
/// sent and the position the next delta link will hold. Nothing in it is secret: the tenant filter
/// still limits what any token can show, and a token from another tenant is refused.
/// </summary>
internal sealed record DeltaToken(
    string Set, string Tenant, long From, long[]? Pending = null, bool Initial = false, long? AfterSeq = null, string? AfterId = null, long? NextFrom = null, long[]? NextPending = null)
{
    /// <summary>The rows and removals this token has not seen have a change sequence it covers.</summary>
    public ChangePosition Position => new(From, Pending ?? []);

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this, DeltaTokenJson.Default.DeltaToken));

    public static DeltaToken? Decode(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(Base64Url.DecodeFromChars(text), DeltaTokenJson.Default.DeltaToken);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
[System.Text.Json.Serialization.JsonSerializable(typeof(DeltaToken))]
internal sealed partial class DeltaTokenJson : System.Text.Json.Serialization.JsonSerializerContext;
