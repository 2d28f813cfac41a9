using System.Globalization;

namespace Orleans.Bandits.Grains.Decisions;

/// <summary>The key of an experiment incarnation's <see cref="DecisionLogGrain"/>, and of its log in the <c>IDecisionStore</c>.</summary>
public static class DecisionLogKey
{
    private const string Separator = "/decisions.";

    public static string For(string experimentKey, long generation) =>
        string.Create(CultureInfo.InvariantCulture, $"{experimentKey}{Separator}{generation}");

    /// <summary>The experiment key and incarnation a log key was made from.</summary>
    public static (string ExperimentKey, long Generation) Parse(string key)
    {
        var at = key.LastIndexOf(Separator, StringComparison.Ordinal);
        return (key[..at], long.Parse(key.AsSpan(at + Separator.Length), CultureInfo.InvariantCulture));
    }
}
