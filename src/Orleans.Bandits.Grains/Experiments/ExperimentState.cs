using Orleans.Bandits.Grains.Dedup;

namespace Orleans.Bandits.Grains.Experiments;

/// <summary>
/// What an experiment persists, in one record so one write covers the learned parameters and
/// the marks of the events they include: after a crash the two can never disagree.
/// </summary>
[GenerateSerializer, Alias("bandits.ExperimentState")]
public sealed class ExperimentState : IDedupLogState
{
    [Id(0)]
    public bool Exists { get; set; }

    /// <summary>
    /// The incarnation: bumped when an experiment is deleted or reset, so tokens of an earlier one are refused and a
    /// new one never reads old dedup segments or decisions.
    /// </summary>
    [Id(1)]
    public long Generation { get; set; }

    [Id(2)]
    public List<ArmView> Arms { get; set; } = [];

    [Id(3)]
    public PolicySpec Policy { get; set; } = new(ExperimentDefinition.DefaultPolicyName, new Dictionary<string, double[]>());

    [Id(4)]
    public int ContextDimension { get; set; }

    [Id(5)]
    public int FeedbackWindowSeconds { get; set; }

    [Id(6)]
    public ExperimentStatus Status { get; set; }

    /// <summary>Grows with every training batch and every change selection must see.</summary>
    [Id(7)]
    public long Version { get; set; }

    [Id(8)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(9)]
    public PolicyState? Learned { get; set; }

    [Id(10)]
    public List<ArmTotals> Totals { get; set; } = [];

    [Id(11)]
    public long TrainedEvents { get; set; }

    [Id(12)]
    public long DuplicatesDropped { get; set; }

    /// <summary>Marks of applied events not yet sealed into a segment.</summary>
    [Id(13)]
    public List<DedupMark> PendingMarks { get; set; } = [];

    [Id(14)]
    public List<DedupSegmentRef> Segments { get; set; } = [];

    [Id(15)]
    public long NextSegment { get; set; }

    /// <summary>Events dropped at training: their token belongs to an earlier incarnation of the experiment.</summary>
    [Id(16)]
    public long RejectedEvents { get; set; }

    /// <summary>When <see cref="Version"/> last grew.</summary>
    [Id(17)]
    public DateTimeOffset UpdatedAt { get; set; }

    [Id(18)]
    public RewardAggregation RewardAggregation { get; set; }

    [Id(19)]
    public int? RewardWaitSeconds { get; set; }

    [Id(20)]
    public double? DefaultReward { get; set; }

    /// <summary>Events learned with the default reward (their decision had no outcome within the reward wait).</summary>
    [Id(21)]
    public long DefaultRewards { get; set; }

    /// <summary>Gates, default arm, holdout and exploration floor, as the last accepted create or change set them.</summary>
    [Id(22)]
    public ServingRules Serving { get; set; } = ServingRules.None;

    /// <summary>Learned rewards of bandit-served and holdout-served decisions, for the uplift.</summary>
    [Id(23)]
    public UpliftTotals Uplift { get; set; } = new();

    /// <summary>When to declare a winner; none when <c>null</c>.</summary>
    [Id(24)]
    public WinnerRule? WinnerRule { get; set; }

    /// <summary>The incarnation's declared winner, if any.</summary>
    [Id(25)]
    public WinnerDeclaration? Winner { get; set; }

    /// <summary>The trained events at which the winner rule is checked next (<see cref="WinnerCheck"/>).</summary>
    [Id(26)]
    public long NextWinnerCheck { get; set; }
}
