namespace Orleans.Bandits.Cli.Commands;

/// <summary>Turns <c>--policy</c> and repeated <c>--param name=value</c> into a policy, reporting mistakes by option.</summary>
public static class PolicyArguments
{
    public const string HorizonParameter = "horizon";

    /// <summary>Parses <c>name=value</c> pairs; a value may be a comma-separated list (vector parameters such as knapsack budgets).</summary>
    public static IReadOnlyDictionary<string, double[]> ParseParameters(IReadOnlyList<string> pairs)
    {
        var parameters = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0 || equals == pair.Length - 1)
            {
                throw new UsageException("--param", $"'{pair}' must have the form name=value (e.g. --param alpha=2).");
            }

            var name = pair[..equals].Trim();
            if (!parameters.TryAdd(name, NumberList.Parse(pair[(equals + 1)..], $"--param {name}")))
            {
                throw new UsageException($"--param {name}", $"Parameter '{name}' is given more than once.");
            }
        }

        return parameters;
    }

    /// <summary>Looks the policy up in the catalogue, or fails listing the known names.</summary>
    /// <param name="name">The catalogue name as typed.</param>
    /// <param name="option">The option that named it, for the error.</param>
    public static PolicyDescriptor Find(string name, string option = "--policy") =>
        PolicyCatalogue.TryFind(name, out var descriptor)
            ? descriptor
            : throw new UsageException(option, $"Unknown policy '{name}'. Known policies: {string.Join(", ", PolicyCatalogue.All.Select(d => d.Name))}.");

    /// <summary>
    /// Fills a policy's <c>horizon</c> parameter (rounds it plans for, e.g. bandits with knapsacks) with
    /// the simulated rounds unless <c>--param horizon=...</c> says otherwise: the horizon is T by definition.
    /// </summary>
    public static IReadOnlyDictionary<string, double[]> WithHorizon(PolicyDescriptor descriptor, IReadOnlyDictionary<string, double[]> parameters, long rounds)
    {
        if (parameters.ContainsKey(HorizonParameter) || !descriptor.Parameters.Any(p => p.Name == HorizonParameter))
        {
            return parameters;
        }

        return new Dictionary<string, double[]>(parameters, StringComparer.Ordinal) { [HorizonParameter] = [rounds] };
    }

    /// <summary>Builds the policy; a context-free policy ignores the context of a contextual environment.</summary>
    public static IBanditPolicy Create(PolicyDescriptor descriptor, IReadOnlyDictionary<string, double[]> parameters, int environmentContextDimension)
    {
        if (descriptor.Contextual && environmentContextDimension == 0)
        {
            throw new UsageException("--environment", $"Policy '{descriptor.Name}' is contextual: use an environment with contexts (--environment linear, or logistic for binary rewards).");
        }

        try
        {
            return PolicyCatalogue.Create(descriptor.Name, parameters, descriptor.Contextual ? environmentContextDimension : 0);
        }
        catch (PolicyValidationException e)
        {
            throw new UsageException(OptionFor(e.Field), MessageOf(e));
        }
    }

    /// <summary>The validation message without the " (Parameter 'field')" suffix <see cref="ArgumentException"/> appends: the option is named instead.</summary>
    public static string MessageOf(PolicyValidationException e) =>
        e.ParamName is { } field ? e.Message.Replace($" (Parameter '{field}')", "", StringComparison.Ordinal) : e.Message;

    /// <summary>The command-line option that sets a catalogue field.</summary>
    public static string OptionFor(string field) => field switch
    {
        "policy.name" => "--policy",
        "contextDimension" => "--dimension",
        _ when field.StartsWith("policy.params.", StringComparison.Ordinal) => $"--param {field["policy.params.".Length..]}",
        _ => "--environment",
    };
}
