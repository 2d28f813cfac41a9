using Orleans.Bandits.Policies.Adversarial;
using Orleans.Bandits.Policies.Batched;
using Orleans.Bandits.Policies.Contextual;
using Orleans.Bandits.Policies.Knapsack;
using Orleans.Bandits.Policies.Meta;
using Orleans.Bandits.Policies.NonStationary;
using Orleans.Bandits.Policies.Stochastic;

namespace Orleans.Bandits.Policies.Catalogue;

/// <summary>Every policy the platform offers, by the name used in the HTTP API.</summary>
public static class PolicyCatalogue
{
    /// <summary>The largest context dimension a contextual policy accepts.</summary>
    public const int MaxContextDimension = 256;

    public static IReadOnlyList<PolicyDescriptor> All { get; } =
    [
        .. StochasticFamily.Entries,
        .. AdversarialFamily.Entries,
        .. NonStationaryFamily.Entries,
        .. ContextualFamily.Entries,
        .. KnapsackFamily.Entries,
        .. BatchedFamily.Entries,
        .. MetaFamily.Entries,
    ];

    private static readonly Dictionary<string, PolicyDescriptor> ByName = All.ToDictionary(d => d.Name, StringComparer.Ordinal);

    public static bool TryFind(string name, out PolicyDescriptor descriptor) => ByName.TryGetValue(name, out descriptor!);

    /// <summary>Builds a policy, validating its name, parameters and context dimension.</summary>
    /// <exception cref="PolicyValidationException">Anything the policy cannot accept; the message names the field.</exception>
    public static IBanditPolicy Create(string name, IReadOnlyDictionary<string, double[]>? parameters = null, int contextDimension = 0)
    {
        if (!TryFind(name, out var descriptor))
        {
            throw new PolicyValidationException("policy.name", $"Unknown policy '{name}'. Known policies: {string.Join(", ", ByName.Keys)}.");
        }

        if (descriptor.Contextual && contextDimension is < 1 or > MaxContextDimension)
        {
            throw new PolicyValidationException("contextDimension", $"Policy '{name}' is contextual: contextDimension must be between 1 and {MaxContextDimension} (got {contextDimension}).");
        }

        if (!descriptor.Contextual && contextDimension != 0)
        {
            throw new PolicyValidationException("contextDimension", $"Policy '{name}' is not contextual: contextDimension must be 0 (got {contextDimension}).");
        }

        return descriptor.Factory(descriptor, PolicyParameters.Resolve(descriptor.Parameters, parameters), contextDimension);
    }

    public static IBanditPolicy Create(string name, IReadOnlyDictionary<string, double> parameters, int contextDimension = 0) =>
        Create(name, parameters.ToDictionary(p => p.Key, p => new[] { p.Value }, StringComparer.Ordinal), contextDimension);
}
