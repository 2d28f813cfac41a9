namespace Orleans.Bandits.Grains.Decisions;

/// <summary>The decision log on a silo (section <c>Bandits:Decisions</c>).</summary>
public sealed class DecisionLogOptions
{
    public const string Section = "Bandits:Decisions";

    /// <summary>Ten years: more would keep a log of every selection for good.</summary>
    public const double MaxRetentionDays = 3650;

    /// <summary>
    /// Record every selection. Off, selections are not logged: stats show no decisions, and a reward wait has no
    /// decision to default (for benchmarks that compare the select path with and without it).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Decisions a silo holds that are not yet appended, over all experiments. Past it, new decisions are not recorded
    /// (counted in <c>bandits.decisions.unrecorded</c>) rather than slowing selection; it is also the most a silo crash loses.
    /// </summary>
    public int MaxWaiting { get; set; } = 100_000;

    /// <summary>
    /// Milliseconds a silo's recorder gathers decisions before it appends them (one append per experiment log):
    /// longer makes fuller appends, and adds to what a crash loses and to when the log shows a decision. A
    /// silo that stops appends what it gathered first.
    /// </summary>
    public double GatherMilliseconds { get; set; } = 10;

    public TimeSpan GatherTime => TimeSpan.FromMilliseconds(GatherMilliseconds);

    /// <summary>Whether <see cref="GatherMilliseconds"/> is between 1 ms and a minute.</summary>
    public bool HasValidGatherTime => GatherMilliseconds is >= 1 and <= 60_000;

    /// <summary>
    /// Days a decision and its outcomes stay in the log (fractions allowed); then the log's grain drops them, within
    /// a second while the log is active, else when it next activates. Stats keep counting them: <c>decisions</c> is
    /// every selection recorded. Keep it longer than the longest reward wait, or a decision dropped before its wait
    /// ends is never defaulted.
    /// </summary>
    public double RetentionDays { get; set; } = 30;

    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);

    /// <summary>Whether <see cref="RetentionDays"/> is a retention: positive, and at most <see cref="MaxRetentionDays"/>.</summary>
    public bool HasValidRetention => RetentionDays is > 0 and <= MaxRetentionDays;
}
