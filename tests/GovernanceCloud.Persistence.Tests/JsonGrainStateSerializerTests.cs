using System.Text;
using GovernanceCloud.Persistence.Serialization;
using Xunit;

namespace GovernanceCloud.Persistence.Tests;

/// <summary>Grain state as JSON: signatures (<c>uint[]</c>) as base64, and state written before that still read.</summary>
public sealed class JsonGrainStateSerializerTests
{
    private readonly JsonGrainStateSerializer _serializer = new();

    [Fact]
    public void Signatures_AreWrittenAsBase64_AndReadBack()
    {
        var state = new SignedState { Signatures = [[0u, 1u, uint.MaxValue, 0x01020304u], []], Name = "锦丰花园" };

        var json = _serializer.Serialize(state).ToString();
        var read = _serializer.Deserialize<SignedState>(new BinaryData(Encoding.UTF8.GetBytes(json)))!;

        Assert.Contains("\"AAAAAAEAAAD/////BAMCAQ==\"", json, StringComparison.Ordinal);
        Assert.Equal(state.Signatures, read.Signatures);
        Assert.Equal("锦丰花园", read.Name);
    }

    [Fact]
    public void SignaturesWrittenAsNumbers_StillRead()
    {
        var read = _serializer.Deserialize<SignedState>(new BinaryData("""{"Signatures":[[7,4294967295],[]],"Name":null}"""u8.ToArray()))!;

        Assert.Equal([[7u, uint.MaxValue], []], read.Signatures);
    }

    [Fact]
    public void ABase64SignatureOfPartValues_IsRefused()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() =>
            _serializer.Deserialize<SignedState>(new BinaryData("""{"Signatures":["AAEC"]}"""u8.ToArray())));
    }

    public sealed class SignedState
    {
        public List<uint[]> Signatures { get; set; } = [];

        public string? Name { get; set; }
    }
}
