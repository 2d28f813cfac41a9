namespace Orleans.Bandits.Cli.Study;

/// <summary>The three ways the same seeded world is played; their differences are the price of distribution.</summary>
public enum StudySetting
{
    /// <summary>(a) The bare policy in process, trained after every selection.</summary>
    Ideal,

    /// <summary>(b) The live platform, feedback released at the end of each batch.</summary>
    Batched,

    /// <summary>(c) The live platform, each outcome arriving after a random delay, released at the end of the batch it arrived in.</summary>
    BatchedDelayed,
}

public static class StudySettings
{
    public static IReadOnlyList<StudySetting> All { get; } = [StudySetting.Ideal, StudySetting.Batched, StudySetting.BatchedDelayed];

    /// <summary>The name in the CSV, the plot and experiment ids.</summary>
    public static string Label(this StudySetting setting) => setting switch
    {
        StudySetting.Ideal => "ideal",
        StudySetting.Batched => "batched",
        StudySetting.BatchedDelayed => "batched-delayed",
        _ => throw new ArgumentOutOfRangeException(nameof(setting), setting, null),
    };
}
