using System.Net;
using System.Text.Json;
using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Vocabularies;
using Microsoft.OData.Edm.Vocabularies.V1;
using Xunit;
using static GovernanceCloud.Host.Tests.Feeds.FeedRows;

namespace GovernanceCloud.Host.Tests.Feeds;

/// <summary>The OData service at /odata: its metadata, every query option on every set, links, paging, limits, errors and scoping.</summary>
public sealed class ODataServiceTests(HostFactory host) : IClassFixture<HostFactory>
{
    public static readonly TheoryData<string> Sets = new() { "Complaints", "Cases", "Warnings", "PromptSheets", "Matters", "Towns", "Grids", "Communities", "Channels" };

    private FeedRows Rows => new(host.Services);

    [Fact]
    public async Task Metadata_ParsesWithoutErrors_AndDescribesEveryTypePropertyAndEnumInChinese()
    {
        using var anonymous = host.CreateClient();
        using var reader = XmlReader.Create(await anonymous.GetStreamAsync("/odata/$metadata"));
        Assert.True(CsdlReader.TryParse(reader, out var model, out var errors), string.Join("; ", errors.Select(e => e.ErrorMessage)));
        Assert.Empty(errors);

        var types = model.SchemaElements.OfType<IEdmEntityType>().ToArray();
        Assert.Equal(["Case", "Channel", "Community", "Complaint", "Grid", "Matter", "PromptSheet", "Town", "Warning"], types.Select(t => t.Name).Order());
        foreach (var type in types)
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", DescriptionOf(model, type));
            foreach (var property in type.Properties())
            {
                Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", DescriptionOf(model, property));
            }
        }

        var level = Assert.Single(model.SchemaElements.OfType<IEdmEnumType>(), e => e.Name == "WarningLevel");
        Assert.Equal(["Blue", "Orange", "Red"], level.Members.Select(m => m.Name));
        Assert.Equal("红色预警", DescriptionOf(model, level.Members.Single(m => m.Name == "Red")));
        foreach (var name in new[] { "CaseStatus", "Scenario", "WarningStatus", "PromptSheetStatus" })
        {
            Assert.Contains(model.SchemaElements.OfType<IEdmEnumType>(), e => e.Name == name);
        }

        Assert.Equal("GovernanceCloud.CaseStatus", ((IEdmStructuredType)model.FindDeclaredType("GovernanceCloud.Case")!).FindProperty("Status").Type.FullName());
        var complaint = (IEdmEntityType)model.FindDeclaredType("GovernanceCloud.Complaint")!;
        Assert.DoesNotContain(complaint.Properties(), p => p.Name is "Content" or "Address" or "PetitionerKey" or "ChangeSeq" or "Version");
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public async Task EverySet_TakesFilterSelectOrderByTopSkipAndCount(string set)
    {
        for (var i = 0; i < 3; i++)
        {
            await SeedCorrelationRowsAsync(NewCategory());
        }

        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var all = await GetJsonAsync(district, $"/odata/{set}?$filter=DistrictId eq 'xiangcheng'&$select=Id&$orderby=Id&$count=true");
        var ids = all.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("Id").GetString()!).ToArray();
        Assert.True(ids.Length >= 3, $"{set} has {ids.Length} rows");
        Assert.Equal(ids.Length, all.GetProperty("@odata.count").GetInt32());
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);

        var page = await GetJsonAsync(district, $"/odata/{set}?$filter=DistrictId eq 'xiangcheng' and Id ne '{ids[0]}'&$select=Id,TownId&$orderby=Id desc&$top=2&$skip=1&$count=true");
        var rows = page.GetProperty("value").EnumerateArray().ToArray();
        Assert.Equal(ids.Length - 1, page.GetProperty("@odata.count").GetInt32());
        Assert.Equal(ids.Skip(1).Reverse().Skip(1).Take(2), rows.Select(r => r.GetProperty("Id").GetString()));
        Assert.All(rows, r => Assert.Equal(["Id", "TownId"], r.EnumerateObject().Select(p => p.Name).Where(n => !n.StartsWith('@')).Order()));
    }

    [Fact]
    public async Task Expand_FollowsACasesComplaints_AComplaintsCase_AndAWarningsComplaintsAndSheet()
    {
        var category = NewCategory();
        var (warning, sheet, complaints) = await SeedCorrelationRowsAsync(category);
        await Rows.WriteAsync(Case($"c-{category}", Yuanhe, category, status: "InProgress", version: 2));
        using var district = await host.ClientAsAsync("xiangcheng-integrator");

        var kase = await GetJsonAsync(district, $"/odata/Cases('c-{category}')?$expand=Complaints($select=Id;$orderby=Id)");
        Assert.Equal(complaints.Where(c => c.Town == Yuanhe).Select(c => c.Id), kase.GetProperty("Complaints").EnumerateArray().Select(c => c.GetProperty("Id").GetString()));

        var complaint = await GetJsonAsync(district, $"/odata/Complaints('{complaints[0].Id}')?$select=Id&$expand=Case($select=Status),Matter($select=Label)");
        Assert.Equal("InProgress", complaint.GetProperty("Case").GetProperty("Status").GetString());
        Assert.Equal("测试事项", complaint.GetProperty("Matter").GetProperty("Label").GetString());

        var expanded = await GetJsonAsync(district, $"/odata/Warnings('{warning}')?$expand=Complaints($select=Id,TownId),PromptSheet($select=Id,Status)");
        Assert.Equal(complaints.Select(c => c.Id).Order(), expanded.GetProperty("Complaints").EnumerateArray().Select(c => c.GetProperty("Id").GetString()).Order());
        Assert.Equal(sheet, expanded.GetProperty("PromptSheet").GetProperty("Id").GetString());
        Assert.Equal("Issued", expanded.GetProperty("PromptSheet").GetProperty("Status").GetString());

        // The town sees its warning, but of the evidence only its own complaints.
        using var town = await host.ClientAsAsync("yuanhe-integrator");
        var own = await GetJsonAsync(town, $"/odata/Warnings('{warning}')?$expand=Complaints($select=Id,TownId)");
        Assert.All(own.GetProperty("Complaints").EnumerateArray(), c => Assert.Equal(Yuanhe, c.GetProperty("TownId").GetString()));
        Assert.Equal(complaints.Count(c => c.Town == Yuanhe), own.GetProperty("Complaints").GetArrayLength());

        var nested = await GetJsonAsync(district, $"/odata/Complaints('{complaints[0].Id}')?$select=Id&$expand=Case($select=Id;$expand=Complaints($select=Id))");
        Assert.Equal(complaints.Count(c => c.Town == Yuanhe), nested.GetProperty("Case").GetProperty("Complaints").GetArrayLength());
    }

    [Fact]
    public async Task Search_FindsComplaintsByTitle()
    {
        var category = NewCategory();
        var noisy = Complaint($"s-{category}", Yuanhe, category);
        noisy.Title = $"噪音扰民 {category}";
        await Rows.WriteAsync(noisy);
        await Rows.WriteAsync(Complaint($"s2-{category}", Yuanhe, category));
        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var found = await GetJsonAsync(district, $"/odata/Complaints?$search=噪音扰民&$filter=CategoryCode eq '{category}'&$select=Id");
        Assert.Equal([$"s-{category}"], found.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("Id").GetString()));
    }

    [Fact]
    public async Task ALongList_ComesInPagesOfAThousand_WithANextLink()
    {
        var category = NewCategory();
        await Task.WhenAll(Enumerable.Range(0, 1005).Select(i => Rows.WriteAsync(Complaint($"p{i:D4}-{category}", Yuanhe, category, minute: i))));
        using var district = await host.ClientAsAsync("xiangcheng-integrator");

        var first = await GetJsonAsync(district, $"/odata/Complaints?$filter=CategoryCode eq '{category}'&$orderby=Id&$select=Id&$count=true");
        Assert.Equal(1005, first.GetProperty("@odata.count").GetInt32());
        Assert.Equal(1000, first.GetProperty("value").GetArrayLength());
        var next = first.GetProperty("@odata.nextLink").GetString()!;
        var second = await GetJsonAsync(district, next);
        Assert.Equal(Enumerable.Range(1000, 5).Select(i => $"p{i:D4}-{category}"), second.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("Id").GetString()));
        Assert.False(second.TryGetProperty("@odata.nextLink", out _));
    }

    [Theory]
    [InlineData("/odata/Complaints?$top=1001", "1000")]
    [InlineData("/odata/Warnings?$expand=Complaints($expand=Case($expand=Complaints))", "MaxExpansionDepth")]
    [InlineData("/odata/Cases?$filter=Nope eq 1", "Nope")]
    [InlineData("/odata/Cases?$orderby=Id,TownId,Status,OpenedAt,DueAt,ClosedAt", "orderby")]
    [InlineData("/odata/Cases?$apply=groupby((Nope))", "Nope")]
    [InlineData("/odata/Matters?$expand=Complaints($expand=Case)", "$expand")] // SQLite cannot nest a filtered link in a collection
    [InlineData("/odata/Cases?$search=噪音", "$filter")]
    public async Task AnExpensiveOrWrongQuery_Answers400_WithTheReasonAndNoStackTrace(string url, string reason)
    {
        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var response = await district.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFilterWithTooManyNodes_IsRefused()
    {
        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var filter = string.Join(" or ", Enumerable.Range(0, 60).Select(i => $"Id eq 'x{i}'"));
        var response = await district.GetAsync($"/odata/Cases?$filter={Uri.EscapeDataString(filter)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("node count", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnUnknownSet_Answers404_NamingTheSets()
    {
        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var response = await district.GetAsync("/odata/Nope");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nope", body, StringComparison.Ordinal);
        Assert.Contains("Complaints", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATownToken_SeesItsOwnRowsOnly_ADistrictTokenAllItsTownsWithTheirTownId()
    {
        var category = NewCategory();
        await Rows.WriteAsync(Case($"y-{category}", Yuanhe, category));
        await Rows.WriteAsync(Case($"t-{category}", Taiping, category));
        using var town = await host.ClientAsAsync("yuanhe-integrator");
        using var district = await host.ClientAsAsync("xiangcheng-integrator");

        var own = await GetJsonAsync(town, $"/odata/Cases?$filter=CategoryCode eq '{category}'&$select=Id,TownId");
        Assert.Equal([$"y-{category}"], own.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("Id").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await town.GetAsync($"/odata/Cases('t-{category}')")).StatusCode);
        var grouped = await GetJsonAsync(town, $"/odata/Cases?$apply=filter(CategoryCode eq '{category}')/groupby((TownId),aggregate($count as Count))");
        Assert.Equal(Yuanhe, Assert.Single(grouped.GetProperty("value").EnumerateArray()).GetProperty("TownId").GetString());

        var all = await GetJsonAsync(district, $"/odata/Cases?$filter=CategoryCode eq '{category}'&$select=Id,TownId&$orderby=TownId");
        Assert.Equal([Taiping, Yuanhe], all.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("TownId").GetString()));
    }

    private async Task<(string Warning, string Sheet, (string Id, string Town)[] Complaints)> SeedCorrelationRowsAsync(string category)
    {
        var warning = $"w-{category}";
        var sheet = $"XC-T-{category}";
        var complaints = new[] { ($"a-{category}", Yuanhe), ($"b-{category}", Yuanhe), ($"c-{category}", Taiping) };
        await Rows.WriteAsync(Matter($"m-{category}", Yuanhe));
        foreach (var (id, town) in complaints)
        {
            await Rows.WriteAsync(Complaint(id, town, category, caseId: town == Yuanhe ? $"c-{category}" : null, matterId: $"m-{category}"));
            await Rows.WriteAsync(Evidence(warning, id, Yuanhe));
        }

        await Rows.WriteAsync(Warning(warning, Yuanhe, sheet, complaints: complaints.Length));
        await Rows.WriteAsync(Sheet(sheet, Yuanhe, warning));
        await Rows.WriteAsync(Case($"c-{category}", Yuanhe, category));
        return (warning, sheet, complaints);
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static string DescriptionOf(IEdmModel model, IEdmVocabularyAnnotatable target) =>
        model.FindVocabularyAnnotations<IEdmVocabularyAnnotation>(target, CoreVocabularyModel.DescriptionTerm)
            .Select(a => ((IEdmStringConstantExpression)a.Value).Value).FirstOrDefault() ?? $"(no description on {target})";
}
