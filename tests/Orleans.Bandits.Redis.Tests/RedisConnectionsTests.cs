using StackExchange.Redis;

namespace Orleans.Bandits.Redis.Tests;

/// <summary>Socket I/O of the platform's Redis connections runs on the .NET thread pool unless the caller chose otherwise.</summary>
public sealed class RedisConnectionsTests
{
    [Fact]
    public void A_connection_string_gets_the_thread_pool()
    {
        var options = RedisConnections.Parse("127.0.0.1:6379,abortConnect=false");

        Assert.Same(SocketManager.ThreadPool, options.SocketManager);
        Assert.False(options.AbortOnConnectFail);
    }

    [Fact]
    public void Given_options_are_copied_and_a_socket_manager_they_name_is_kept()
    {
        var bare = ConfigurationOptions.Parse("127.0.0.1:6379");
        var chosen = new ConfigurationOptions { SocketManager = SocketManager.Shared };

        Assert.Same(SocketManager.ThreadPool, RedisConnections.WithDefaults(bare).SocketManager);
        Assert.Null(bare.SocketManager);
        Assert.Same(SocketManager.Shared, RedisConnections.WithDefaults(chosen).SocketManager);
    }
}
