namespace Orleans.Bandits.Policies.Catalogue;

/// <summary>
/// Validated parameter values of one policy, defaults filled in. Scalars are one-element vectors
/// so vector parameters (knapsack budgets) share the representation.
/// </summary>
public sealed class PolicyParameters
{
    /// <summary>
    /// The longest list parameter (e.g. one budget per resource): every element can cost memory per arm, so an
    /// unbounded list would let one small request allocate without bound. The same cap as feedback costs.
    /// </summary>
    public const int MaxVectorLength = 64;

    private readonly IReadOnlyDictionary<string, double[]> _values;

    private PolicyParameters(IReadOnlyDictionary<string, double[]> values) => _values = values;

    public IReadOnlyDictionary<string, double[]> Values => _values;

    public double this[string name] => _values.TryGetValue(name, out var v)
        ? v[0]
        : throw new KeyNotFoundException($"Parameter '{name}' is not defined for this policy.");

    public double[] Vector(string name) => _values.TryGetValue(name, out var v)
        ? v
        : throw new KeyNotFoundException($"Parameter '{name}' is not defined for this policy.");

    /// <summary>Checks <paramref name="given"/> against the descriptors and fills in defaults.</summary>
    /// <exception cref="PolicyValidationException">Unknown name, missing required value, or a value out of range.</exception>
    public static PolicyParameters Resolve(IReadOnlyList<ParameterDescriptor> descriptors, IReadOnlyDictionary<string, double[]>? given)
    {
        var resolved = new Dictionary<string, double[]>(StringComparer.Ordinal);
        if (given is not null)
        {
            foreach (var name in given.Keys)
            {
                if (!descriptors.Any(d => d.Name == name))
                {
                    var known = string.Join(", ", descriptors.Select(d => d.Name));
                    throw new PolicyValidationException(Field(name), $"Unknown parameter '{name}'. Known parameters: {(known.Length == 0 ? "none" : known)}.");
                }
            }
        }

        foreach (var descriptor in descriptors)
        {
            double[] value;
            if (given is not null && given.TryGetValue(descriptor.Name, out var supplied))
            {
                value = supplied;
            }
            else if (descriptor.Default is { } fallback)
            {
                value = [fallback];
            }
            else
            {
                throw new PolicyValidationException(Field(descriptor.Name), $"Parameter '{descriptor.Name}' is required: {descriptor.Description}");
            }

            if (value.Length == 0 || value.Length > MaxVectorLength || (!descriptor.IsVector && value.Length != 1))
            {
                var shape = descriptor.IsVector ? $"a list of 1 to {MaxVectorLength} numbers" : "a single number";
                throw new PolicyValidationException(Field(descriptor.Name), $"Parameter '{descriptor.Name}' must be {shape}.");
            }

            foreach (var element in value)
            {
                if (!descriptor.Accepts(element))
                {
                    throw new PolicyValidationException(Field(descriptor.Name), $"Parameter '{descriptor.Name}' must be {descriptor.RangeText} (got {element}).");
                }
            }

            resolved[descriptor.Name] = (double[])value.Clone();
        }

        return new PolicyParameters(resolved);
    }

    public static PolicyParameters Resolve(IReadOnlyList<ParameterDescriptor> descriptors, IReadOnlyDictionary<string, double>? given) =>
        Resolve(descriptors, given?.ToDictionary(p => p.Key, p => new[] { p.Value }, StringComparer.Ordinal));

    private static string Field(string name) => $"policy.params.{name}";
}
