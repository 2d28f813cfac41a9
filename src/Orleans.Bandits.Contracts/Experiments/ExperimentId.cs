using System.Text.RegularExpressions;

namespace Orleans.Bandits.Contracts.Experiments;

/// <summary>
/// Identifies an experiment within its tenant. The grain key is <c>{tenant}/{name}</c>; both
/// parts follow the id rule of the API, so the separator can never appear inside either.
/// </summary>
[GenerateSerializer, Immutable, Alias("bandits.ExperimentId")]
public sealed partial record ExperimentId([property: Id(0)] string Tenant, [property: Id(1)] string Name)
{
    /// <summary>The id rule for tenants, experiments and arms, as the API states it.</summary>
    public const string IdRule = "^[a-z0-9][a-z0-9._-]{0,63}$";

    public string Key => $"{Tenant}/{Name}";

    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>The id, or a validation error naming <paramref name="field"/> and the rule.</summary>
    /// <exception cref="BanditsException">Validation, when <paramref name="id"/> breaks the rule.</exception>
    public static string RequireValidId(string field, string? id) =>
        IsValidId(id) ? id! : throw BanditsException.Invalid(field, $"{field} must match {IdRule} (got '{id}').");

    /// <summary>The experiment <paramref name="name"/> of <paramref name="tenant"/>, both checked against the id rule.</summary>
    /// <exception cref="BanditsException">Validation, naming <c>tenant</c> or <c>id</c>.</exception>
    public static ExperimentId Of(string tenant, string name) => new(RequireValidId("tenant", tenant), RequireValidId("id", name));

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

    // \z, not $: in .NET, $ also matches before a final newline, which let "name\n" through.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
