using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace GovernanceCloud.Host.Tests.Correlation;

/// <summary>
/// The district admin changes the correlation settings through the API: bad values are refused
/// naming the field, a stale version is refused, every change is kept with who, when, why and
/// what changed, a town reads its district's settings, and the next complaint is judged by them.
/// What-if replays a past period under a candidate change and creates nothing.
/// </summary>
public sealed class CorrelationSettingsTests(HostFactory host) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task AChange_IsValidatedVersionedAndAudited_AndApplies()
    {
        using var admin = await host.ClientAsAsync("admin@xiangcheng");
        using var town = await host.ClientAsAsync("operator@yuanhe");
        var before = await town.GetFromJsonAsync<JsonElement>("/api/v1/correlation/settings");
        Assert.Equal("xiangcheng", before.GetProperty("districtId").GetString());
        var version = before.GetProperty("version").GetInt32();
        Assert.Equal(3, before.GetProperty("settings").GetProperty("repeat").GetProperty("blue").GetDouble());
        Assert.Equal(HttpStatusCode.Forbidden, (await town.PutAsJsonAsync("/api/v1/correlation/settings", new { settings = new { repeat = new { blue = 2 } } })).StatusCode);

        var bad = await admin.PutAsJsonAsync("/api/v1/correlation/settings", new
        {
            settings = new { repeat = new { blue = 6 }, sheetPrefix = "x1", groupActionWords = new[] { "拉横幅", " " }, blueDeadlineHours = 2 },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "settings.repeat.orange", "settings.sheetPrefix", "settings.groupActionWords[1]", "settings.orangeDeadlineHours" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} in {errors}");
        }

        Assert.Equal(version, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/correlation/settings")).GetProperty("version").GetInt32());

        var changed = await admin.PutAsJsonAsync("/api/v1/correlation/settings", new
        {
            expectedVersion = version, note = "试行：两次即预警", settings = new { repeat = new { blue = 2 }, sheetPrefix = "XCQ" },
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var saved = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(version + 1, saved.GetProperty("version").GetInt32());
        Assert.Equal("admin@xiangcheng", saved.GetProperty("actor").GetString());
        Assert.Equal(5, saved.GetProperty("settings").GetProperty("repeat").GetProperty("orange").GetDouble()); // untouched fields keep their values
        var stale = await admin.PutAsJsonAsync("/api/v1/correlation/settings", new { expectedVersion = version, settings = new { repeat = new { blue = 4 } } });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var history = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/correlation/settings/history")).GetProperty("items");
        var latest = history[0];
        Assert.Equal(version + 1, latest.GetProperty("version").GetInt32());
        Assert.Equal("试行：两次即预警", latest.GetProperty("note").GetString());
        Assert.Equal(["repeat.blue: 3 → 2", "sheetPrefix: （默认） → XCQ"], latest.GetProperty("changes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(0, history[history.GetArrayLength() - 1].GetProperty("version").GetInt32());

        // Applied: the second complaint of one person now raises the warning, and its sheet carries the new prefix.
        using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
        foreach (var day in new[] { 3, 9 })
        {
            (await gateway.PostAsJsonAsync("/api/v1/complaints", new
            {
                channel = "12345", externalId = $"settings-{Guid.NewGuid():N}", receivedAt = $"2026-09-{day:00}T09:00:00+08:00", townId = "xiangcheng.weitang",
                content = "渭塘镇某厂夜间噪声扰民。", petitioner = new { phone = "13600002222" },
            })).EnsureSuccessStatusCode();
        }

        var warning = Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/odata/Warnings?$filter=Scenario eq 'RepeatPetitioner' and TownId eq 'xiangcheng.weitang'"))
            .GetProperty("value").EnumerateArray());
        Assert.Equal("Blue", warning.GetProperty("Level").GetString());
        Assert.StartsWith("XCQ-2026-", warning.GetProperty("SheetNumber").GetString(), StringComparison.Ordinal);
        Assert.Contains("蓝色阈值 2 件", (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/warnings/{warning.GetProperty("Id").GetString()}")).GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIf_CountsWarningsUnderACandidate_BesideTheCurrentSettings_AndCreatesNothing()
    {
        using var admin = await host.ClientAsAsync("admin@xiangcheng");
        using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
        foreach (var (day, content) in new[] { (2, "北桥街道灵峰村道路破损。"), (10, "北桥灵峰村道路仍未修复。"), (20, "灵峰村道路破损，多次反映无果。"), (22, "北桥街道某小区有业主扬言要去跳楼。") })
        {
            (await gateway.PostAsJsonAsync("/api/v1/complaints", new
            {
                channel = "12345", externalId = $"whatif-{Guid.NewGuid():N}", receivedAt = $"2025-03-{day:00}T09:00:00+08:00", townId = "xiangcheng.beiqiao",
                content, petitioner = new { phone = day == 22 ? "13500009999" : "13500001111" },
            })).EnsureSuccessStatusCode();
        }

        var warnings = await admin.GetStringAsync("/odata/Warnings/$count");
        var sheets = await admin.GetStringAsync("/odata/PromptSheets/$count");
        var version = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/correlation/settings")).GetProperty("version").GetInt32();

        var strict = await WhatIfAsync(admin, new { repeat = new { blue = 4, orange = 5, red = 8 } });
        var loose = await WhatIfAsync(admin, new { repeat = new { blue = 3, orange = 5, red = 8 }, threatToLifeWords = new[] { "自焚" } });
        Assert.Equal(4, strict.GetProperty("complaints").GetInt32());
        Assert.Equal(0, Scenario(strict.GetProperty("candidate"), "RepeatPetitioner").GetProperty("total").GetInt32());
        Assert.Equal(1, Scenario(strict.GetProperty("candidate"), "SensitiveRisk").GetProperty("red").GetInt32());
        Assert.Equal(1, Scenario(loose.GetProperty("candidate"), "RepeatPetitioner").GetProperty("blue").GetInt32());
        Assert.Equal(0, Scenario(loose.GetProperty("candidate"), "SensitiveRisk").GetProperty("total").GetInt32()); // 跳楼 is no longer in the lexicon
        Assert.Equal(version, strict.GetProperty("current").GetProperty("settingsVersion").GetInt32());
        Assert.Contains("repeat.blue: ", string.Join("|", strict.GetProperty("changes").EnumerateArray().Select(c => c.GetString())), StringComparison.Ordinal);

        Assert.Equal(warnings, await admin.GetStringAsync("/odata/Warnings/$count"));
        Assert.Equal(sheets, await admin.GetStringAsync("/odata/PromptSheets/$count"));
        Assert.Equal(version, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/correlation/settings")).GetProperty("version").GetInt32());

        var backwards = await admin.PostAsJsonAsync("/api/v1/correlation/what-if", new { from = "2025-04-01T00:00:00+08:00", to = "2025-03-01T00:00:00+08:00" });
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.True((await backwards.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("to", out _));
        var missing = await admin.PostAsJsonAsync("/api/v1/correlation/what-if", new { to = "2025-03-01T00:00:00+08:00", settings = new { shared = new { red = 1 } } });
        var missingErrors = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(missingErrors.TryGetProperty("from", out _));
        Assert.True(missingErrors.TryGetProperty("settings.shared.orange", out _));
        using var town = await host.ClientAsAsync("admin@yuanhe");
        Assert.Equal(HttpStatusCode.Forbidden, (await town.PostAsJsonAsync("/api/v1/correlation/what-if", new { from = "2025-03-01", to = "2025-04-01" })).StatusCode);
    }

    private static async Task<JsonElement> WhatIfAsync(HttpClient admin, object settings)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/correlation/what-if", new { from = "2025-03-01T00:00:00+08:00", to = "2025-04-01T00:00:00+08:00", settings });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Scenario(JsonElement report, string scenario) =>
        report.GetProperty("scenarios").EnumerateArray().Single(s => s.GetProperty("scenario").GetString() == scenario);
}
