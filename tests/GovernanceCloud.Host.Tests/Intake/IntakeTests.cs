using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace GovernanceCloud.Host.Tests.Intake;

/// <summary>The intake API: validation, idempotency, routing by address, the triage queue, the batch, privacy.</summary>
public sealed class IntakeTests(HostFactory host) : IClassFixture<HostFactory>
{
    private const string Phone = "13912345678";
    private const string IdNumber = "320507198001011231";

    private static object Complaint(string externalId, string content = "小区门口的垃圾三天没人清运，臭味很大。", string? address = "元和街道西湖君庭小区12幢",
        string receivedAt = "2026-11-20T09:30:00+08:00", string channel = "12345", string? townId = null, object? petitioner = null) => new
    {
        channel, externalId, receivedAt, townId, title = "垃圾清运", content, address,
        petitioner = petitioner ?? new { name = "王伟", phone = Phone, idNumber = IdNumber },
    };

    [Fact]
    public async Task Complaint_IsRoutedByAddress_AndTheSameKeyIsIdempotent()
    {
        using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
        var externalId = $"T-{Guid.NewGuid():N}";
        var first = await gateway.PostAsJsonAsync("/api/v1/complaints", Complaint(externalId));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var accepted = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("xiangcheng.yuanhe", accepted.GetProperty("townId").GetString());
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());

        var again = await gateway.PostAsJsonAsync("/api/v1/complaints", Complaint(externalId));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(accepted.GetProperty("id").GetString(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());

        var different = await gateway.PostAsJsonAsync("/api/v1/complaints", Complaint(externalId, content: "另一件事"));
        Assert.Equal(HttpStatusCode.Conflict, different.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await gateway.GetAsync("/odata/Complaints")).StatusCode); // a gateway writes, it does not read
        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var body = await district.GetStringAsync($"/odata/Complaints?$filter=ExternalId eq '{externalId}'");
        var row = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("value").EnumerateArray());
        Assert.Equal("xiangcheng.yuanhe/g001", row.GetProperty("GridId").GetString());
        Assert.Equal("environment", row.GetProperty("CategoryCode").GetString());
        Assert.True(row.GetProperty("CategorySuggested").GetBoolean());
        Assert.Equal("王* 139****5678", row.GetProperty("PetitionerMasked").GetString());
        Assert.False(row.TryGetProperty("Content", out _));
        Assert.False(row.TryGetProperty("PetitionerKey", out _));
        Assert.DoesNotContain(Phone, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentDuplicates_CreateOneComplaint()
    {
        using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
        var externalId = $"C-{Guid.NewGuid():N}";
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => gateway.PostAsJsonAsync("/api/v1/complaints", Complaint(externalId))));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(11, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()));
        Assert.Single(ids.Distinct());
    }

    public static TheoryData<string, string> BadComplaints => new()
    {
        { """{"channel":"no-such","externalId":"x1","receivedAt":"2026-11-20T09:30:00+08:00","content":"有事"}""", "channel" },
        { """{"externalId":"x2","receivedAt":"2026-11-20T09:30:00+08:00","content":"有事"}""", "channel" },
        { """{"channel":"12345","receivedAt":"2026-11-20T09:30:00+08:00","content":"有事"}""", "externalId" },
        { """{"channel":"12345","externalId":"x3","receivedAt":"2026-11-20T09:30:00+08:00"}""", "content" },
        { """{"channel":"12345","externalId":"x4","receivedAt":"2026-11-20T09:30:00+08:00","content":"   "}""", "content" },
        { """{"channel":"12345","externalId":"x5","receivedAt":"2026-11-20T09:30:00","content":"有事"}""", "receivedAt" },
        { """{"channel":"12345","externalId":"x6","receivedAt":"2099-11-20T09:30:00+08:00","content":"有事"}""", "receivedAt" },
        { """{"channel":"12345","externalId":"x7","content":"有事"}""", "receivedAt" },
        { """{"channel":"12345","externalId":"x8","receivedAt":"2026-11-20T09:30:00+08:00","content":"有事","petitioner":{"phone":"12345"}}""", "petitioner.phone" },
        { """{"channel":"12345","externalId":"x9","receivedAt":"2026-11-20T09:30:00+08:00","content":"有事","petitioner":{"idNumber":"320507198001011230"}}""", "petitioner.idNumber" },
        { """{"channel":"12345","externalId":"x10","receivedAt":"2026-11-20T09:30:00+08:00","content":"有事","townId":"xiangcheng.nowhere"}""", "townId" },
        { """{"channel":"12345","externalId":"x11","receivedAt":"2026-11-20T09:30:00+08:00","content":"有事","townId":"wuzhong.mudu"}""", "townId" },
        { """{"channel":"12345","externalId":"x12","receivedAt":"2026-11-20T09:30:00+08:00","content":"有事","category":"astrology"}""", "category" },
        { """{"channel":"12345","externalId":"x13","receivedAt":"2026-11-20T09:30:00+08:00","content":"有事","location":{"lat":95,"lng":120}}""", "location" },
        { """{"channel":"12345","externalId":"x14","receivedAt":"2026-11-20T09:30:00+08:00","content":"有事","title":"TOO_LONG"}""", "title" },
        { """{"channel":"12345","externalId":"x15","receivedAt":"2026-11-20T09:30:00+08:00","content":"LONG_CONTENT"}""", "content" },
    };

    [Theory]
    [MemberData(nameof(BadComplaints))]
    public async Task BadComplaint_Answers400NamingTheField_AndStoresNothing(string json, string field)
    {
        json = json.Replace("TOO_LONG", new string('长', 201), StringComparison.Ordinal).Replace("LONG_CONTENT", new string('长', 10_001), StringComparison.Ordinal);
        using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await gateway.PostAsync("/api/v1/complaints", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);

        var externalId = JsonDocument.Parse(json).RootElement.TryGetProperty("externalId", out var id) ? id.GetString() : null;
        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        Assert.Equal("0", await district.GetStringAsync($"/odata/Complaints/$count?$filter=ExternalId eq '{externalId}'"));
    }

    [Fact]
    public async Task UnresolvedAddress_GoesToTriage_WhereTheDistrictAssignsIt()
    {
        using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
        var created = await (await gateway.PostAsJsonAsync("/api/v1/complaints", Complaint($"U-{Guid.NewGuid():N}", address: "不知道在哪里"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Triage", created.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("townId").ValueKind);
        var id = created.GetProperty("id").GetString();

        using var admin = await host.ClientAsAsync("admin@xiangcheng");
        var queue = await admin.GetFromJsonAsync<JsonElement>("/api/v1/triage?take=500");
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == id);
        using var taiping = await host.ClientAsAsync("operator@taiping");
        Assert.Equal(HttpStatusCode.Forbidden, (await taiping.GetAsync("/api/v1/triage")).StatusCode);
        Assert.Equal("0", await taiping.GetStringAsync($"/odata/Complaints/$count?$filter=Id eq '{id}'"));

        var assigned = await admin.PostAsJsonAsync($"/api/v1/triage/{id}/assign", new { townId = "xiangcheng.taiping" });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/v1/triage/{id}/assign", new { townId = "xiangcheng.yuanhe" })).StatusCode);
        Assert.Equal("1", await taiping.GetStringAsync($"/odata/Complaints/$count?$filter=Id eq '{id}'"));
    }

    [Fact]
    public async Task WalkIn_ByATownOperator_BelongsToTheTown_AndCannotBeFiledForAnother()
    {
        using var operatorClient = await host.ClientAsAsync("operator@yuanhe");
        var walkIn = await operatorClient.PostAsJsonAsync("/api/v1/complaints", Complaint($"W-{Guid.NewGuid():N}", channel: "walk-in", address: null, petitioner: new { name = "匿名" }));
        Assert.Equal(HttpStatusCode.Created, walkIn.StatusCode);
        Assert.Equal("xiangcheng.yuanhe", (await walkIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("townId").GetString());
        var elsewhere = await operatorClient.PostAsJsonAsync("/api/v1/complaints", Complaint($"W-{Guid.NewGuid():N}", channel: "walk-in", townId: "xiangcheng.taiping"));
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Batch_AnswersEachItem_AndOneBadItemFailsNoOther()
    {
        using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
        var duplicate = $"B-{Guid.NewGuid():N}";
        var items = new object?[]
        {
            Complaint($"B-{Guid.NewGuid():N}"),
            new { channel = "12345", externalId = "bad", receivedAt = "yesterday", content = "有事" },
            Complaint(duplicate),
            Complaint(duplicate),
            null,
        };
        var response = await gateway.PostAsJsonAsync("/api/v1/complaints/batch", new { items });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(201, results[0].GetProperty("status").GetInt32());
        Assert.Equal(400, results[1].GetProperty("status").GetInt32());
        Assert.True(results[1].GetProperty("errors").TryGetProperty("receivedAt", out _));
        Assert.Equal([200, 201], new[] { results[2].GetProperty("status").GetInt32(), results[3].GetProperty("status").GetInt32() }.Order());
        Assert.Equal(400, results[4].GetProperty("status").GetInt32());

        var tooMany = await gateway.PostAsJsonAsync("/api/v1/complaints/batch", new { items = Enumerable.Range(0, 1001).Select(i => Complaint($"M-{i}")) });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    [Fact]
    public async Task Statistics_AreScopedToTheToken()
    {
        using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
        Assert.Equal(HttpStatusCode.Created, (await gateway.PostAsJsonAsync("/api/v1/complaints", Complaint($"S-{Guid.NewGuid():N}", townId: "xiangcheng.weitang", address: null))).StatusCode);
        using var weitang = await host.ClientAsAsync("operator@weitang");
        var own = await weitang.GetFromJsonAsync<JsonElement>("/api/v1/overlay/towns");
        var towns = own.GetProperty("towns").EnumerateArray().Select(t => t.GetProperty("townId").GetString()!).ToArray();
        Assert.Equal(["xiangcheng.weitang"], towns);
        Assert.Equal(0, own.GetProperty("total").GetProperty("complaintsInTriage").GetInt32());
        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var all = await district.GetFromJsonAsync<JsonElement>("/api/v1/overlay/towns");
        Assert.Equal(11, all.GetProperty("towns").GetArrayLength());
        Assert.True(all.GetProperty("total").GetProperty("complaintsReceived").GetInt32() > own.GetProperty("total").GetProperty("complaintsReceived").GetInt32());
        var wrong = await district.GetAsync("/api/v1/overlay/towns?from=someday");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("from", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PetitionerNumbers_NeverReachTheLogs()
    {
        using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
        Assert.Equal(HttpStatusCode.Created, (await gateway.PostAsJsonAsync("/api/v1/complaints", Complaint($"L-{Guid.NewGuid():N}"))).StatusCode);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(Phone, StringComparison.Ordinal) || l.Contains(IdNumber, StringComparison.Ordinal));
    }
}
