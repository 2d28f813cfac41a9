using System.Text.RegularExpressions;

namespace Orleans.Bandits.Contracts;

/// <summary>
/// Identifies an experiment within its tenant. The grain key is <c>{tenant}/{name}</c>; both
/// parts follow the id rule of the API, so the separator can never appear inside either.
/// </summary>
[GenerateSerializer, Immutable, Alias("bandits.ExperimentId")]
public sealed partial record ExperimentId([property: Id(0)] string Tenant, [property: Id(1)] string Name)
{
    public string Key => $"{Tenant}/{Name}";

    /// <summary>The id rule for tenants, experiments and arms: <c>^[a-z0-9][a-z0-9._-]{0,63}$</c>.</summary>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    public static ExperimentId FromKey(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !IsValidId(key[..slash]) || !IsValidId(key[(slash + 1)..]))
        {
            throw new FormatException($"'{key}' is not an experiment key of the form tenant/experiment.");
        }

        return new ExperimentId(key[..slash], key[(slash + 1)..]);
    }

    public override string ToString() => Key;

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
