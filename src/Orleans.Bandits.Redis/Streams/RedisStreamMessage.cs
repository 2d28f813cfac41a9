using Orleans.Runtime;

namespace Orleans.Bandits.Redis.Streams;

/// <summary>The events of one publish to one stream; a Redis stream entry holds one or more of them.</summary>
[GenerateSerializer, Alias("bandits.redis.RedisStreamMessage")]
internal sealed class RedisStreamMessage(StreamId streamId, List<object> events, Dictionary<string, object>? requestContext)
{
    [Id(0)]
    public StreamId StreamId { get; } = streamId;

    [Id(1)]
    public List<object> Events { get; } = events;

    [Id(2)]
    public Dictionary<string, object>? RequestContext { get; } = requestContext;
}
