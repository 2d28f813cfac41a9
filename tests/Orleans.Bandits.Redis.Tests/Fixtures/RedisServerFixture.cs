namespace Orleans.Bandits.Redis.Tests.Fixtures;

/// <summary>
/// The tests' redis-server. AOF with <c>appendfsync always</c>, so everything Redis acknowledged survives
/// <see cref="RedisServer.KillAsync"/>; short client timeouts, so a request during an outage fails in
/// about two seconds instead of five.
/// </summary>
public sealed class RedisServerFixture()
    : RedisServer(appendFsync: "always", clientOptions: "abortConnect=false,connectTimeout=2000,syncTimeout=2000,asyncTimeout=2000"), IAsyncLifetime
{
    public Task InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
