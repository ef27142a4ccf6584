using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovernanceCloud.Persistence.Serialization;

/// <summary>
/// Stores a <c>uint[]</c> (a text signature) as base64 of its little-endian bytes: 64 values take
/// 344 characters instead of about 700 as numbers, and need no number formatting. State written
/// earlier as an array of numbers still reads.
/// </summary>
internal sealed class UInt32ArrayAsBase64 : JsonConverter<uint[]>
{
    public override uint[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                var bytes = reader.GetBytesFromBase64();
                if (bytes.Length % sizeof(uint) != 0)
                {
                    throw new JsonException($"A base64 uint[] of {bytes.Length} bytes is not whole values.");
                }

                var values = new uint[bytes.Length / sizeof(uint)];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)));
                }

                return values;
            case JsonTokenType.StartArray:
                var read = new List<uint>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    read.Add(reader.GetUInt32());
                }

                return [.. read];
            default:
                throw new JsonException($"A uint[] is base64 or an array of numbers, not {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, uint[] value, JsonSerializerOptions options)
    {
        var length = value.Length * sizeof(uint);
        var bytes = length <= 1024 ? stackalloc byte[length] : new byte[length];
        for (var i = 0; i < value.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes[(i * sizeof(uint))..], value[i]);
        }

        writer.WriteBase64StringValue(bytes);
    }
}
