namespace Orleans.Bandits.Primitives.Hosting;

/// <summary>
/// The names under which a host registers the platform's providers, and the size of one feedback delivery.
/// The grains look their providers up by these names; the production-mode providers (Redis) register under them.
/// </summary>
public static class BanditsProviders
{
    /// <summary>The grain storage the platform's grains persist to.</summary>
    public const string Storage = "bandits";

    /// <summary>The stream provider feedback travels on.</summary>
    public const string FeedbackStream = "feedback";

    /// <summary>The stream namespace: one stream per experiment, keyed by the experiment key, subscribed implicitly.</summary>
    public const string FeedbackNamespace = "feedback";

    /// <summary>Grain storage the stream provider's pub-sub uses.</summary>
    public const string PubSubStore = "PubSubStore";

    /// <summary>Events the stream delivers to an experiment in one batch (one training step, one write); a publish never carries more.</summary>
    public const int DeliveryBatchSize = 256;
}
