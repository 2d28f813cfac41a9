namespace Orleans.Bandits.Contracts;

/// <summary>Names of the feedback stream: one stream per experiment, keyed by the experiment key.</summary>
public static class FeedbackStreams
{
    /// <summary>The stream provider name every host registers.</summary>
    public const string ProviderName = "feedback";

    /// <summary>The stream namespace the experiment grain subscribes to implicitly.</summary>
    public const string Namespace = "feedback";

    /// <summary>Grain storage the stream provider's pub-sub uses.</summary>
    public const string PubSubStore = "PubSubStore";
}
