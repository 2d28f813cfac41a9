using Orleans.Bandits.LoadBalancer.Tests.Fixtures;

namespace Orleans.Bandits.LoadBalancer.Tests.Routing;

/// <summary>
/// A 429 shows a server's capacity: the requests it accepted in the window before it. From then on the
/// server is full exactly while its window holds that many, and the capacity is forgotten after its
/// memory, which grows while 429s keep confirming the same capacity.
/// </summary>
public sealed class LearnedCapacitiesTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Memory = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MemoryCap = TimeSpan.FromSeconds(20);

    [Fact]
    public void A_server_is_never_full_before_a_429_showed_its_capacity()
    {
        var clock = new ManualClock();
        var capacities = new LearnedCapacities(clock, Window, Memory, MemoryCap);
        for (var i = 0; i < 10; i++)
        {
            capacities.Complete(capacities.Sending("s0"), rateLimited: false);
        }

        Assert.Empty(capacities.Full());
        Assert.Equal(DateTimeOffset.MinValue, capacities.FullUntil("s0"));
    }

    [Fact]
    public void The_requests_accepted_before_a_429_are_the_capacity_and_room_returns_as_the_oldest_leaves_the_window()
    {
        var clock = new ManualClock();
        var capacities = new LearnedCapacities(clock, Window, Memory, MemoryCap);
        capacities.Complete(capacities.Sending("s0"), rateLimited: false);
        clock.Advance(TimeSpan.FromMilliseconds(300));
        capacities.Complete(capacities.Sending("s0"), rateLimited: false);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        capacities.Complete(capacities.Sending("s0"), rateLimited: true);
        Assert.Equal(["s0"], capacities.Full());

        // The 429 was not counted: one more request leaving the window, the first, makes room.
        Assert.Equal(clock.GetUtcNow().AddMilliseconds(600), capacities.FullUntil("s0"));
        clock.Advance(TimeSpan.FromMilliseconds(599));
        Assert.Equal(["s0"], capacities.Full());
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Empty(capacities.Full());

        // The capacity is still known: a second accepted request in the window fills it again.
        capacities.Complete(capacities.Sending("s0"), rateLimited: false);
        Assert.Equal(["s0"], capacities.Full());
    }

    [Fact]
    public void A_request_still_in_flight_already_counts()
    {
        var clock = new ManualClock();
        var capacities = new LearnedCapacities(clock, Window, Memory, MemoryCap);
        capacities.Complete(capacities.Sending("s0"), rateLimited: false);
        capacities.Complete(capacities.Sending("s0"), rateLimited: true);
        clock.Advance(Window);
        Assert.Empty(capacities.Full());

        var inFlight = capacities.Sending("s0");
        Assert.Equal(["s0"], capacities.Full());
        capacities.Complete(inFlight, rateLimited: false);
        Assert.Equal(["s0"], capacities.Full());
    }

    [Fact]
    public void An_accepted_request_leaves_the_window_a_window_after_its_answer_not_after_its_sending()
    {
        var clock = new ManualClock();
        var capacities = new LearnedCapacities(clock, Window, Memory, MemoryCap);
        capacities.Complete(capacities.Sending("s0"), rateLimited: false);
        capacities.Complete(capacities.Sending("s0"), rateLimited: true);
        clock.Advance(Window);

        var slow = capacities.Sending("s0");
        clock.Advance(TimeSpan.FromMilliseconds(200));
        capacities.Complete(slow, rateLimited: false);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(["s0"], capacities.Full());
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Empty(capacities.Full());
    }

    [Fact]
    public void A_capacity_is_forgotten_after_its_memory_so_a_risen_limit_can_be_found()
    {
        var clock = new ManualClock();
        var capacities = new LearnedCapacities(clock, Window, Memory, MemoryCap);
        capacities.Complete(capacities.Sending("s0"), rateLimited: true);
        Assert.Equal(["s0"], capacities.Full());
        Assert.Equal(clock.GetUtcNow() + Memory, capacities.FullUntil("s0"));

        clock.Advance(Memory - TimeSpan.FromMilliseconds(1));
        Assert.Equal(["s0"], capacities.Full());
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Empty(capacities.Full());
        capacities.Complete(capacities.Sending("s0"), rateLimited: false);
        Assert.Empty(capacities.Full());
    }

    [Fact]
    public void A_later_429_relearns_a_fallen_capacity()
    {
        var clock = new ManualClock();
        var capacities = new LearnedCapacities(clock, Window, Memory, MemoryCap);
        for (var i = 0; i < 3; i++)
        {
            capacities.Complete(capacities.Sending("s0"), rateLimited: false);
        }

        capacities.Complete(capacities.Sending("s0"), rateLimited: true);
        clock.Advance(Window);
        capacities.Complete(capacities.Sending("s0"), rateLimited: false);
        Assert.Empty(capacities.Full());
        capacities.Complete(capacities.Sending("s0"), rateLimited: true);
        Assert.Equal(["s0"], capacities.Full());
    }

    [Fact]
    public void Each_429_confirming_the_capacity_doubles_its_memory_up_to_the_cap_and_a_new_capacity_starts_over()
    {
        var clock = new ManualClock();
        var capacities = new LearnedCapacities(clock, Window, Memory, MemoryCap);
        var memories = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            capacities.Complete(capacities.Sending("s0"), rateLimited: true);
            memories.Add(capacities.FullUntil("s0") - clock.GetUtcNow());
            clock.Advance(memories[^1]);
            Assert.Empty(capacities.Full());
        }

        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20)], memories);

        // Capacity 1 now: learned anew, so it holds the first memory again, not the cap.
        capacities.Complete(capacities.Sending("s0"), rateLimited: false);
        capacities.Complete(capacities.Sending("s0"), rateLimited: true);
        clock.Advance(Memory - TimeSpan.FromMilliseconds(1));
        var inFlight = capacities.Sending("s0");
        Assert.Equal(["s0"], capacities.Full());
        capacities.Complete(inFlight, rateLimited: false);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Empty(capacities.Full());
    }
}
