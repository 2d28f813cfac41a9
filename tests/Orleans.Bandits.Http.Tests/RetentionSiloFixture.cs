using System.Globalization;

namespace Orleans.Bandits.Http.Tests;

/// <summary>A silo that keeps decisions for <see cref="Retention"/>, seconds rather than days, written as the fraction of a day the setting takes.</summary>
public sealed class RetentionSiloFixture : SiloWithApiFixture
{
    /// <summary>Long enough for a test's select and feedback to land well inside it, short enough to wait for.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromSeconds(10);

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Bandits:Decisions:RetentionDays"] = Retention.TotalDays.ToString("R", CultureInfo.InvariantCulture),
    };
}
