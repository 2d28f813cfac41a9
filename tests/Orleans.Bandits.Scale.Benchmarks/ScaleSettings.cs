namespace Orleans.Bandits.Scale.Benchmarks;

/// <summary>One benchmark run: the scales to measure and how each is driven.</summary>
/// <param name="Scales">Experiment counts, each measured on a fresh silo and a fresh redis-server.</param>
/// <param name="Arms">Arms per experiment (Thompson-Beta).</param>
/// <param name="ExperimentsPerTenant">Experiments per tenant: a tenant's index is one record rewritten per create, so it is kept small.</param>
/// <param name="InFlight">Concurrent calls, like the request handlers of a busy co-hosted web app.</param>
/// <param name="SelectDuration">How long select throughput is measured.</param>
/// <param name="FeedbackPerExperiment">Feedback events sent to every experiment in each of the two feedback rounds.</param>
/// <param name="IdleWindow">How long the silo's background CPU (replica refresh timers) is sampled.</param>
/// <param name="ReplicaLimit">How long the pass that gives every experiment a replica may run before it stops where it got.</param>
/// <param name="CollectionAge">Idle age after which Orleans deactivates a grain; raised so nothing is collected mid-run.</param>
public sealed record ScaleSettings(
    IReadOnlyList<int> Scales,
    int Arms,
    int ExperimentsPerTenant,
    int InFlight,
    TimeSpan SelectDuration,
    int FeedbackPerExperiment,
    TimeSpan IdleWindow,
    TimeSpan ReplicaLimit,
    TimeSpan CollectionAge);
