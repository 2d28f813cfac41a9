using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Orleans.Bandits.Http.Endpoints;

/// <summary>The <c>from</c> and <c>to</c> of an export or an evaluation: ISO 8601 times, each optional (UTC when it names no offset).</summary>
public static class DecisionWindowQuery
{
    /// <summary>The window; false with a 400 problem naming the field that is not a time (or <c>from</c>, when it is not before <c>to</c>).</summary>
    public static bool TryParse(string? from, string? to, out DecisionWindow window, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        window = DecisionWindow.All;
        problem = null;
        if (!TryParseTime(from, out var start))
        {
            problem = Problems.Invalid("from", "from must be an ISO 8601 time, e.g. 2025-01-31T00:00:00Z.");
        }
        else if (!TryParseTime(to, out var end))
        {
            problem = Problems.Invalid("to", "to must be an ISO 8601 time, e.g. 2025-02-01T00:00:00Z.");
        }
        else if (start >= end)
        {
            problem = Problems.Invalid("from", "from must be before to: the window takes from included, to excluded.");
        }
        else
        {
            window = new DecisionWindow(start, end);
        }

        return problem is null;
    }

    private static bool TryParseTime(string? text, out DateTimeOffset? time)
    {
        time = null;
        if (text is null)
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        time = parsed;
        return true;
    }
}
