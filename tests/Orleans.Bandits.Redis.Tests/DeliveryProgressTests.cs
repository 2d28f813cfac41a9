using Orleans.Bandits.Redis.Streams;

namespace Orleans.Bandits.Redis.Tests;

/// <summary>The receiver's bookkeeping of entries whose messages travel in different containers.</summary>
public sealed class DeliveryProgressTests
{
    [Fact]
    public void An_entry_is_complete_only_when_the_last_of_its_containers_is_delivered()
    {
        var progress = new DeliveryProgress();
        progress.Dispatched(0, [new("1-0", 0, 2), new("2-0", 0, 1)]);
        progress.Dispatched(1, [new("1-0", 1, 2)]);

        var first = progress.Delivered(0);
        Assert.Equal(["2-0"], first.Complete);
        Assert.Empty(first.Incomplete);

        var second = progress.Delivered(1);
        Assert.Equal(["1-0"], second.Complete);
        Assert.Empty(second.Incomplete);
        Assert.Equal(0, progress.ContainersInFlight);
    }

    [Fact]
    public void A_failed_message_settles_its_entry_for_a_retry_of_that_message_alone_once_nothing_of_it_is_in_flight()
    {
        var progress = new DeliveryProgress();
        progress.Dispatched(0, [new("1-0", 0, 3)]);
        progress.Dispatched(1, [new("1-0", 1, 3)]);
        progress.Dispatched(2, [new("1-0", 2, 3)]);

        var failed = progress.Failed(1);
        Assert.Empty(failed.Incomplete);
        Assert.Empty(progress.Delivered(0).Complete);
        var last = progress.Delivered(2);
        Assert.Equal(["1-0"], last.Incomplete);
        Assert.Empty(last.Complete);

        Assert.Equal([1], progress.Undelivered("1-0", 3));
        progress.Dispatched(3, [new("1-0", 1, 3)]);
        Assert.Equal(["1-0"], progress.Delivered(3).Complete);
    }

    [Fact]
    public void A_forgotten_entry_is_delivered_whole_again_and_its_late_containers_settle_nothing()
    {
        var progress = new DeliveryProgress();
        progress.Dispatched(0, [new("1-0", 0, 2), new("1-0", 1, 2)]);
        progress.Forget("1-0");

        var late = progress.Delivered(0);
        Assert.Empty(late.Complete);
        Assert.Empty(late.Incomplete);
        Assert.Equal([0, 1], progress.Undelivered("1-0", 2));
    }

    [Fact]
    public void A_container_reported_twice_counts_once()
    {
        var progress = new DeliveryProgress();
        progress.Dispatched(0, [new("1-0", 0, 2)]);
        progress.Dispatched(1, [new("1-0", 1, 2)]);

        Assert.Empty(progress.Failed(0).Incomplete);
        Assert.Empty(progress.Failed(0).Incomplete);
        Assert.Equal(["1-0"], progress.Delivered(1).Incomplete);
        Assert.Equal([0], progress.Undelivered("1-0", 2));
    }
}
