using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;
using static GovernanceCloud.Host.Tests.Feeds.FeedRows;

namespace GovernanceCloud.Host.Tests.Feeds;

/// <summary>Open311 GeoReport v2: the field names and both formats civic apps rely on, and requests through the intake path.</summary>
public sealed class Open311Tests(HostFactory host) : IClassFixture<HostFactory>
{
    private const string Key = "xiangcheng-gateway-open311";

    private static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice",
        "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url",
    ];

    [Fact]
    public async Task Services_AreOurCategories_InJsonAndXml()
    {
        using var client = host.CreateClient();
        var json = await client.GetFromJsonAsync<JsonElement>("/open311/v2/services.json");
        var environment = json.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "environment");
        Assert.Equal("环境保护", environment.GetProperty("service_name").GetString());
        Assert.Equal(["description", "group", "keywords", "metadata", "service_code", "service_name", "type"], environment.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("realtime", environment.GetProperty("type").GetString());

        var xml = XDocument.Parse(await client.GetStringAsync("/open311/v2/services.xml"));
        Assert.Equal("services", xml.Root!.Name.LocalName);
        Assert.Equal(json.GetArrayLength(), xml.Root.Elements("service").Count());
        Assert.Equal("环境保护", xml.Root.Elements("service").Single(s => s.Element("service_code")!.Value == "environment").Element("service_name")!.Value);
    }

    [Fact]
    public async Task ANewRequest_EntersThroughIntake_IsIdempotent_AndReadsBackOpenThenClosed()
    {
        using var client = host.CreateClient();
        var description = $"元和街道西湖君庭小区门口垃圾堆放多日无人清运 {Guid.NewGuid():N}";
        FormUrlEncodedContent Form() => new(new Dictionary<string, string>
        {
            ["api_key"] = Key, ["service_code"] = "environment", ["address_string"] = "元和街道西湖君庭小区12幢", ["description"] = description,
            ["phone"] = "13912345678", ["first_name"] = "伟", ["last_name"] = "王", ["device_id"] = "device-1",
        });

        var created = await client.PostAsync("/open311/v2/requests.json", Form());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var answer = Assert.Single((await created.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        var id = answer.GetProperty("service_request_id").GetString()!;
        Assert.True(answer.TryGetProperty("service_notice", out _));
        Assert.True(answer.TryGetProperty("account_id", out _));

        var again = await client.PostAsync("/open311/v2/requests.json", Form());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("service_request_id").GetString());

        var request = (await client.GetFromJsonAsync<JsonElement>($"/open311/v2/requests/{id}.json?api_key={Key}"))[0];
        Assert.Equal(RequestFields.Order(StringComparer.Ordinal), request.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("环境保护", request.GetProperty("service_name").GetString());
        Assert.StartsWith("元和街道", request.GetProperty("agency_responsible").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, request.GetProperty("address").ValueKind); // the address stays inside
        Assert.DoesNotContain("13912345678", request.ToString(), StringComparison.Ordinal);

        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var complaint = await district.GetFromJsonAsync<JsonElement>($"/odata/Complaints('{id}')?$select=CaseId,Channel,PetitionerMasked");
        Assert.Equal("governance-app", complaint.GetProperty("Channel").GetString());
        Assert.Equal("王* 139****5678", complaint.GetProperty("PetitionerMasked").GetString());
        var closed = Case(complaint.GetProperty("CaseId").GetString()!, Yuanhe, "environment", "Closed", version: 1_000_000);
        closed.ClosedAt = DateTimeOffset.UtcNow;
        await new FeedRows(host.Services).WriteAsync(closed);

        var xml = XDocument.Parse(await client.GetStringAsync($"/open311/v2/requests/{id}.xml?api_key={Key}"));
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        var element = Assert.Single(xml.Root.Elements("request"));
        Assert.Equal(RequestFields, element.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("closed", element.Element("status")!.Value);
        Assert.Equal("案件已结案", element.Element("status_notes")!.Value);

        var list = await client.GetFromJsonAsync<JsonElement>($"/open311/v2/requests.json?api_key={Key}&jurisdiction_id={Yuanhe}&service_code=environment&status=closed");
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id);
        var open = await client.GetFromJsonAsync<JsonElement>($"/open311/v2/requests.json?api_key={Key}&status=open");
        Assert.DoesNotContain(open.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id);
        var byId = await client.GetFromJsonAsync<JsonElement>($"/open311/v2/requests.json?api_key={Key}&service_request_id={id},nope");
        Assert.Equal(id, Assert.Single(byId.EnumerateArray()).GetProperty("service_request_id").GetString());
    }

    [Theory]
    [InlineData("GET", "/open311/v2/requests.json", null, HttpStatusCode.Forbidden, "api_key")]
    [InlineData("GET", "/open311/v2/requests.json?api_key=wrong", null, HttpStatusCode.Forbidden, "api_key")]
    [InlineData("GET", "/open311/v2/requests/cdeadbeef.json?api_key=" + Key, null, HttpStatusCode.NotFound, "service_request_id")]
    [InlineData("GET", "/open311/v2/requests.json?api_key=" + Key + "&jurisdiction_id=xiangcheng.nowhere", null, HttpStatusCode.NotFound, "jurisdiction_id")]
    [InlineData("GET", "/open311/v2/requests.json?api_key=" + Key + "&status=maybe", null, HttpStatusCode.BadRequest, "status")]
    [InlineData("POST", "/open311/v2/requests.json", "service_code=environment&address_string=x&description=y", HttpStatusCode.Forbidden, "api_key")]
    [InlineData("POST", "/open311/v2/requests.json", "api_key=" + Key + "&address_string=x&description=y", HttpStatusCode.BadRequest, "service_code")]
    [InlineData("POST", "/open311/v2/requests.json", "api_key=" + Key + "&service_code=environment&description=y", HttpStatusCode.BadRequest, "address_string")]
    [InlineData("POST", "/open311/v2/requests.json", "api_key=" + Key + "&service_code=spaceships&address_string=x&description=y", HttpStatusCode.BadRequest, "service_code")]
    [InlineData("POST", "/open311/v2/requests.json", "api_key=" + Key + "&service_code=environment&address_string=x", HttpStatusCode.BadRequest, "description")]
    [InlineData("POST", "/open311/v2/requests.json", "api_key=" + Key + "&service_code=environment&address_string=x&description=y&jurisdiction_id=elsewhere", HttpStatusCode.BadRequest, "jurisdiction_id")]
    public async Task AWrongCall_AnswersAGeoReportError_InJsonAndXml(string method, string url, string? form, HttpStatusCode status, string field)
    {
        using var client = host.CreateClient();
        foreach (var format in new[] { "json", "xml" })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url.Replace(".json", $".{format}", StringComparison.Ordinal));
            if (form is not null)
            {
                request.Content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
            }

            var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(status, response.StatusCode);
            string description;
            if (format == "json")
            {
                var error = Assert.Single(JsonDocument.Parse(body).RootElement.EnumerateArray());
                Assert.Equal((int)status, error.GetProperty("code").GetInt32());
                description = error.GetProperty("description").GetString()!;
            }
            else
            {
                var error = Assert.Single(XDocument.Parse(body).Root!.Elements("error"));
                Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Element("code")!.Value);
                description = error.Element("description")!.Value;
            }

            Assert.Contains(field, description, StringComparison.Ordinal);
        }
    }
}
