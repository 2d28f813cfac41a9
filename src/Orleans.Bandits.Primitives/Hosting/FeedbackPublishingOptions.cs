namespace Orleans.Bandits.Primitives.Hosting;

/// <summary>How much feedback a silo's intake hands to the stream provider at once.</summary>
public sealed class FeedbackPublishingOptions
{
    /// <summary>
    /// Publishes in flight per silo, over all experiment streams. The default of 16 suits the memory stream
    /// provider, whose queue holds a fixed number of messages: fewer publishes in flight make fuller ones. A
    /// provider with backpressure of its own (the Redis provider: one append per queue in flight) raises it.
    /// </summary>
    public int MaxPublishesInFlight { get; set; } = 16;
}
