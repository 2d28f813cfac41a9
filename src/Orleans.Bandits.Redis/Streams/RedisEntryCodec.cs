using System.Diagnostics.CodeAnalysis;
using Orleans.Runtime;
using Orleans.Serialization;
using StackExchange.Redis;

namespace Orleans.Bandits.Redis.Streams;

/// <summary>Turns the events of one publish into the fields of one Redis stream entry, and back.</summary>
internal sealed class RedisEntryCodec(Serializer serializer)
{
    /// <summary>The stream id in readable form: for people reading the queue or the dead-letter stream.</summary>
    public const string StreamField = "stream";

    /// <summary>The <see cref="RedisStreamMessage"/>, serialized with the Orleans serializer.</summary>
    public const string BodyField = "body";

    public NameValueEntry[] Encode(StreamId streamId, List<object> events, Dictionary<string, object>? requestContext) =>
    [
        new(StreamField, streamId.ToString()),
        new(BodyField, serializer.SerializeToArray(new RedisStreamMessage(streamId, events, requestContext))),
    ];

    public bool TryDecode(NameValueEntry[] values, [NotNullWhen(true)] out RedisStreamMessage? message, [NotNullWhen(false)] out string? error)
    {
        message = null;
        var body = values.FirstOrDefault(v => v.Name == BodyField).Value;
        if (body.IsNull)
        {
            error = $"the entry has no '{BodyField}' field";
            return false;
        }

        try
        {
            message = serializer.Deserialize<RedisStreamMessage>((byte[])body!);
        }
        catch (Exception e)
        {
            error = $"{e.GetType().Name}: {e.Message}";
            return false;
        }

        if (message is null)
        {
            error = "the body decodes to nothing";
            return false;
        }

        error = null;
        return true;
    }
}
