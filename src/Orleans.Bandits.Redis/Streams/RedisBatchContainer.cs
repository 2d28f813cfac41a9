using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace Orleans.Bandits.Redis.Streams;

/// <summary>
/// Events of one stream delivered to its consumers in one call. The receiver packs the events of
/// several Redis entries of the same stream into one container, so a batch observer gets them at once.
/// </summary>
[GenerateSerializer, Alias("bandits.redis.RedisBatchContainer")]
internal sealed class RedisBatchContainer : IBatchContainer
{
    public RedisBatchContainer(StreamId streamId, List<object> events, Dictionary<string, object>? requestContext, EventSequenceTokenV2 token)
    {
        StreamId = streamId;
        Events = events;
        RequestContext = requestContext;
        Token = token;
    }

    [Id(0)]
    public StreamId StreamId { get; }

    [Id(1)]
    public List<object> Events { get; }

    [Id(2)]
    public Dictionary<string, object>? RequestContext { get; }

    [Id(3)]
    public EventSequenceTokenV2 Token { get; }

    public StreamSequenceToken SequenceToken => Token;

    /// <summary>
    /// Every event is cast to <typeparamref name="T"/>: an event of another type fails the delivery, which
    /// ends in the dead-letter stream rather than being skipped silently.
    /// </summary>
    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>() =>
        Events.Select((e, i) => Tuple.Create((T)e, (StreamSequenceToken)Token.CreateSequenceTokenForEvent(i)));

    public bool ImportRequestContext()
    {
        if (RequestContext is null)
        {
            return false;
        }

        RequestContextExtensions.Import(RequestContext);
        return true;
    }

    public override string ToString() => $"RedisBatchContainer({StreamId}, {Token}, {Events.Count} events)";
}
