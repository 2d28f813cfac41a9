using System.Diagnostics.CodeAnalysis;
using Orleans.Runtime;
using Orleans.Serialization;
using StackExchange.Redis;

namespace Orleans.Bandits.Redis.Streams;

/// <summary>
/// Turns the messages of one append into the fields of one Redis stream entry, and back. An entry carries
/// the publishes of one queue that were waiting together (see <see cref="RedisQueueWriter"/>), each with its
/// own stream.
/// </summary>
internal sealed class RedisEntryCodec(Serializer serializer)
{
    /// <summary>The entry's stream ids in readable form, one per line: for people reading the queue or the dead-letter stream.</summary>
    public const string StreamsField = "streams";

    /// <summary>The <see cref="RedisStreamMessage"/>s, serialized together with the Orleans serializer.</summary>
    public const string MessagesField = "messages";

    /// <summary>
    /// One <see cref="RedisStreamMessage"/>, as builds before multi-message entries wrote it: still read, so
    /// entries queued across an upgrade are delivered rather than dead-lettered.
    /// </summary>
    public const string SingleMessageField = "body";

    public NameValueEntry[] Encode(IReadOnlyList<RedisStreamMessage> messages) =>
    [
        new(StreamsField, string.Join('\n', messages.Select(m => m.StreamId.ToString()))),
        new(MessagesField, serializer.SerializeToArray(messages.ToArray())),
    ];

    public bool TryDecode(NameValueEntry[] values, [NotNullWhen(true)] out RedisStreamMessage[]? messages, [NotNullWhen(false)] out string? error)
    {
        messages = null;
        var body = values.FirstOrDefault(v => v.Name == MessagesField).Value;
        var single = body.IsNull;
        if (single)
        {
            body = values.FirstOrDefault(v => v.Name == SingleMessageField).Value;
        }

        if (body.IsNull)
        {
            error = $"the entry has neither a '{MessagesField}' nor a '{SingleMessageField}' field";
            return false;
        }

        try
        {
            messages = single
                ? serializer.Deserialize<RedisStreamMessage>((byte[])body!) is { } message ? [message] : null
                : serializer.Deserialize<RedisStreamMessage[]>((byte[])body!);
        }
        catch (Exception e)
        {
            error = $"{e.GetType().Name}: {e.Message}";
            return false;
        }

        if (messages is null || messages.Length == 0 || messages.Any(m => m is null))
        {
            messages = null;
            error = "the entry decodes to no message";
            return false;
        }

        error = null;
        return true;
    }
}
