using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streams;
using StackExchange.Redis;

namespace Orleans.Bandits.Redis.Streams;

/// <summary>
/// Builds the Redis stream provider's parts: one Redis connection per provider and process, the adapter,
/// a delivery-tracking cache and a failure handler per queue.
/// </summary>
internal sealed class RedisQueueAdapterFactory : IQueueAdapterFactory, IQueueAdapterCache, IAsyncDisposable
{
    private readonly string _name;
    private readonly RedisStreamOptions _options;
    private readonly RedisStreamKeys _keys;
    private readonly RedisEntryCodec _codec;
    private readonly HashRingBasedStreamQueueMapper _mapper;
    private readonly string _consumerPrefix;
    private readonly TimeProvider _clock;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ConcurrentDictionary<QueueId, DeliveryLedger> _ledgers = new();
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _connection;

    public RedisQueueAdapterFactory(
        string name,
        RedisStreamOptions options,
        ClusterOptions cluster,
        Serializer serializer,
        TimeProvider clock,
        ILoggerFactory loggerFactory,
        ILocalSiloDetails? silo)
    {
        _name = name;
        _options = options;
        _keys = new RedisStreamKeys(cluster.ServiceId, name);
        _codec = new RedisEntryCodec(serializer);
        _mapper = new HashRingBasedStreamQueueMapper(new HashRingStreamQueueMapperOptions { TotalQueueCount = options.QueueCount }, name);
        _consumerPrefix = silo?.SiloAddress.ToParsableString() ?? Environment.MachineName;
        _clock = clock;
        _loggerFactory = loggerFactory;
    }

    public static RedisQueueAdapterFactory Create(IServiceProvider services, string name) => new(
        name,
        services.GetRequiredService<IOptionsMonitor<RedisStreamOptions>>().Get(name),
        services.GetRequiredService<IOptions<ClusterOptions>>().Value,
        services.GetRequiredService<Serializer>(),
        services.GetService<TimeProvider>() ?? TimeProvider.System,
        services.GetRequiredService<ILoggerFactory>(),
        services.GetService<ILocalSiloDetails>());

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IQueueAdapter> CreateAdapter() => CreateAdapter(CancellationToken.None);

    public async Task<IQueueAdapter> CreateAdapter(CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        return new RedisQueueAdapter(_name, connection, _mapper, _keys, _codec, _options, TakeLedger, _consumerPrefix, _clock, _loggerFactory);
    }

    public IQueueAdapterCache GetQueueAdapterCache() => this;

    public IStreamQueueMapper GetStreamQueueMapper() => _mapper;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new RedisStreamFailureHandler(
            _name, _keys.Queue(queueId).ToString(), _options.MaxDeliveryAttempts, _loggerFactory.CreateLogger<RedisStreamFailureHandler>()));

    /// <summary>
    /// The pulling agent creates a queue's cache just before its receiver; the ledger made here is
    /// picked up by that receiver (<see cref="TakeLedger"/>).
    /// </summary>
    public IQueueCache CreateQueueCache(QueueId queueId)
    {
        var ledger = new DeliveryLedger();
        _ledgers[queueId] = ledger;
        var inner = new SimpleQueueCache(_options.CacheSize, _loggerFactory.CreateLogger($"{typeof(SimpleQueueCache).FullName}.{_name}.{queueId}"));
        return new DeliveryTrackingQueueCache(inner, ledger);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _connecting.Dispose();
    }

    private DeliveryLedger TakeLedger(QueueId queueId) => _ledgers.TryRemove(queueId, out var ledger) ? ledger : new DeliveryLedger();

    private async Task<ConnectionMultiplexer> ConnectAsync(CancellationToken cancellationToken)
    {
        await _connecting.WaitAsync(cancellationToken);
        try
        {
            return _connection ??= await ConnectionMultiplexer.ConnectAsync(RedisConnections.WithDefaults(_options.ConfigurationOptions!));
        }
        finally
        {
            _connecting.Release();
        }
    }
}
