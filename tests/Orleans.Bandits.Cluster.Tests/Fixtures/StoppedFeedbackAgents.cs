using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace Orleans.Bandits.Cluster.Tests.Fixtures;

/// <summary>
/// Stops the feedback stream's pulling agents on every silo until disposed: feedback accepted meanwhile waits in its
/// queue, on the stream but not yet delivered, so a test can change the experiment under it without racing delivery.
/// </summary>
public sealed class StoppedFeedbackAgents : IAsyncDisposable
{
    private readonly IManagementGrain _management;

    private StoppedFeedbackAgents(IManagementGrain management) => _management = management;

    public static async Task<StoppedFeedbackAgents> StopAsync(IGrainFactory grains)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        await Command(management, PersistentStreamProviderCommand.StopAgents);
        return new StoppedFeedbackAgents(management);
    }

    public async ValueTask DisposeAsync() => await Command(_management, PersistentStreamProviderCommand.StartAgents);

    private static Task<object?[]> Command(IManagementGrain management, PersistentStreamProviderCommand command) =>
        management.SendControlCommandToProvider<PersistentStreamProvider>(BanditsProviders.FeedbackStream, (int)command);
}
