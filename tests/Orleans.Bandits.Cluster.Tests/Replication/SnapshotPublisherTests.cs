using Microsoft.Extensions.Time.Testing;
using Orleans.Bandits.Grains.Replication;

namespace Orleans.Bandits.Cluster.Tests.Replication;

/// <summary>When an experiment builds a new snapshot for its replicas, and when it hands out the one it has.</summary>
public sealed class SnapshotPublisherTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly FakeTimeProvider _clock = new();
    private int _builds;
    private long _version = 1;

    [Fact]
    public void A_replica_at_the_current_version_gets_nothing_and_nothing_is_built()
    {
        var publisher = new SnapshotPublisher(_clock);

        Assert.Null(publisher.Next(knownGeneration: 0, knownVersion: 1, currentGeneration: 0, currentVersion: 1, Interval, Build));
        Assert.Equal(0, _builds);
    }

    [Fact]
    public void Training_is_published_at_most_once_per_training_interval()
    {
        var publisher = new SnapshotPublisher(_clock);
        Assert.Equal(1, publisher.Next(0, 0, 0, _version, Interval, Build)!.Version);

        _version = 2;
        _clock.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.Null(publisher.Next(0, 1, 0, _version, Interval, Build));
        Assert.Equal(1, publisher.Next(0, 0, 0, _version, Interval, Build)!.Version);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, publisher.Next(0, 1, 0, _version, Interval, Build)!.Version);
        Assert.Equal(2, _builds);
    }

    [Fact]
    public void A_control_change_is_published_at_once()
    {
        var publisher = new SnapshotPublisher(_clock);
        publisher.Next(0, 0, 0, _version, Interval, Build);

        _version = 2;
        publisher.ControlChanged();

        Assert.Equal(2, publisher.Next(0, 1, 0, _version, Interval, Build)!.Version);
        Assert.Equal(2, _builds);
    }

    [Fact]
    public void A_replica_of_an_earlier_incarnation_gets_the_new_one_even_at_the_same_version()
    {
        var publisher = new SnapshotPublisher(_clock);

        var snapshot = publisher.Next(knownGeneration: 0, knownVersion: 1, currentGeneration: 1, currentVersion: 1, Interval, () => Build() with { Generation = 1 });

        Assert.Equal(1, snapshot!.Generation);
        Assert.Null(publisher.Next(knownGeneration: 1, knownVersion: 1, currentGeneration: 1, currentVersion: 1, Interval, Build));
    }

    private ExperimentSnapshot Build()
    {
        _builds++;
        return new ExperimentSnapshot(
            new ExperimentId("acme", "hero"),
            _version,
            ExperimentStatus.Running,
            [new ArmView("red", false)],
            [0],
            new PolicySpec("thompson-beta", new Dictionary<string, double[]>()),
            0,
            60,
            new PolicySnapshot([[1, 1]], []),
            Interval,
            0,
            ServingRules.None);
    }
}
