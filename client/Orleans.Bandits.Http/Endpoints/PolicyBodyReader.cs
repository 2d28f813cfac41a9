using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Orleans.Bandits.Http.Endpoints;

/// <summary>A <see cref="PolicyBody"/> as a <see cref="PolicySpec"/>: each parameter a number or a list of numbers.</summary>
public static class PolicyBodyReader
{
    /// <summary>The spec, the name defaulting to <paramref name="defaultName"/>; false with a 400 problem naming the parameter that is not numbers.</summary>
    public static bool TryRead(PolicyBody body, string defaultName, out PolicySpec spec, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        var parameters = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (name, value) in body.Params ?? [])
        {
            if (ReadNumbers(value) is not { } numbers)
            {
                spec = new PolicySpec(defaultName, parameters);
                problem = Problems.Invalid($"policy.params.{name}", $"policy.params.{name} must be a number or a list of numbers.");
                return false;
            }

            parameters[name] = numbers;
        }

        spec = new PolicySpec(body.Name ?? defaultName, parameters);
        problem = null;
        return true;
    }

    private static double[]? ReadNumbers(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var scalar))
        {
            return [scalar];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var numbers = new List<double>();
        foreach (var element in value.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var number))
            {
                return null;
            }

            numbers.Add(number);
        }

        return [.. numbers];
    }
}
