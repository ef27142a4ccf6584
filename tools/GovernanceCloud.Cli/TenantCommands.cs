using System.CommandLine;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Configuration;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Tenancy.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovernanceCloud.Cli;

/// <summary><c>tenants list</c>: districts and their towns, from the read model.</summary>
internal static class TenantCommands
{
    public static Command Create()
    {
        var list = new Command("list", "列出区和镇（街道）租户");
        list.SetAction((parse, ct) => CliOptions.RunAsync(async () =>
        {
            await using var services = CliOptions.Services(parse);
            await using var db = services.GetRequiredService<ReadModelFactory>().Create();
            var districts = await db.Set<DistrictRow>().AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct);
            var towns = await db.Set<TownRow>().AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct);
            foreach (var district in districts)
            {
                Console.WriteLine($"{district.Id,-28} {TenantKind.District,-9} {district.Name}（{district.TownCount} 个镇街）");
                foreach (var town in towns.Where(t => t.DistrictId == district.Id))
                {
                    Console.WriteLine($"{town.Id,-28} {TenantKind.Town,-9} {town.Name}  {town.Address}");
                }
            }

            Console.WriteLine($"{districts.Count} district(s), {towns.Count} town(s).");
            return 0;
        }));
        return new Command("tenants", "租户") { list };
    }
}
