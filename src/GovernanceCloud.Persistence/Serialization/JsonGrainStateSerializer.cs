using System.Text.Encodings.Web;
using System.Text.Json;
using Orleans.Storage;

namespace GovernanceCloud.Persistence.Serialization;

/// <summary>
/// Stores grain state as plain JSON of its properties. Unlike Orleans' default storage serializer
/// it writes no .NET type names, so renaming a class or moving it to another assembly never
/// orphans stored state, and an operator can read a row with any SQL client.
/// </summary>
public sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new UInt32ArrayAsBase64() },
    };

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T? Deserialize<T>(BinaryData input) => JsonSerializer.Deserialize<T>(input.ToMemory().Span, Options);
}
