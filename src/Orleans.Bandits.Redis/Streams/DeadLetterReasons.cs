namespace Orleans.Bandits.Redis.Streams;

/// <summary>Why an entry went to the dead-letter stream (the <c>dead-letter.reason</c> field and the metric's tag).</summary>
public static class DeadLetterReasons
{
    /// <summary>Its delivery failed on every one of <see cref="RedisStreamOptions.MaxDeliveryAttempts"/> attempts.</summary>
    public const string MaxDeliveries = "max-deliveries";

    /// <summary>Its body could not be read with the Orleans serializer, so it could never be delivered.</summary>
    public const string Undecodable = "undecodable";
}
