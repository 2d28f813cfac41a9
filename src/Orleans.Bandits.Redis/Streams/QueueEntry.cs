using StackExchange.Redis;

namespace Orleans.Bandits.Redis.Streams;

/// <summary>An entry of a queue as this consumer holds it, and how many times Redis has handed it out.</summary>
/// <param name="Id">The Redis entry id (e.g. <c>1700000000000-0</c>), kept as text so ids compare the same wherever they came from.</param>
/// <param name="Deliveries">Deliveries Redis has counted, this one included.</param>
/// <param name="Values">The entry's fields.</param>
internal sealed record QueueEntry(string Id, long Deliveries, NameValueEntry[] Values);
