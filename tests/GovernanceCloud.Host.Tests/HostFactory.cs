using GovernanceCloud.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovernanceCloud.Host.Tests;

/// <summary>The real host in embedded mode, on a fresh data folder and free silo ports, with the demo seed.</summary>
public sealed class HostFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _data = new("gc-host");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Mode", "Embedded");
        builder.UseSetting("Storage:DataDirectory", _data.Path);
        builder.UseSetting("Orleans:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Governance:SeedDemo", "true");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _data.Dispose();
    }
}
