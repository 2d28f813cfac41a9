using System.Text.Json;
using Orleans.Bandits.Contracts.Stats;
using Orleans.Bandits.Http.Models;

namespace Orleans.Bandits.Http.Tests;

/// <summary>JSON has no infinity or NaN: a statistic that is not a finite number is written as null, never a 500.</summary>
public sealed class StatsResponseTests
{
    [Fact]
    public void Statistics_that_are_not_finite_numbers_are_written_as_null()
    {
        var stats = new ExperimentStats(3, 2, 0, [new ArmStats("a", 2, double.PositiveInfinity, double.NaN, double.NegativeInfinity, 1, double.NaN, null, false)], DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1));

        var arm = JsonSerializer.SerializeToElement(StatsResponse.From(stats), JsonSerializerOptions.Web).GetProperty("arms")[0];

        Assert.Equal(JsonValueKind.Null, arm.GetProperty("rewardSum").ValueKind);
        Assert.Equal(JsonValueKind.Null, arm.GetProperty("mean").ValueKind);
        Assert.Equal(JsonValueKind.Null, arm.GetProperty("ci95").ValueKind);
        Assert.Equal(JsonValueKind.Null, arm.GetProperty("probabilityBest").ValueKind);
        Assert.Equal(2, arm.GetProperty("count").GetInt64());
    }
}
