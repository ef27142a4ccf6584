using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Persistence.Tests.Probes;
using GovernanceCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GovernanceCloud.Persistence.Tests;

/// <summary>Tests on one embedded node with the probe grain and its read model, a fresh node for each test.</summary>
public abstract class ProbeNodeTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();

    protected GovernanceNode Node { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Node = await GovernanceNode.StartAsync(StorageModes.Embedded(_directory), s => s.AddSingleton<IReadModelContribution, ProbeReadModel>());

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        _directory.Dispose();
    }
}
