namespace Orleans.Bandits.Policies.NonStationary;

/// <summary>The window of the sliding-window policies: a whole number of events, since it sizes the ring buffer in the state.</summary>
public static class WindowParameter
{
    /// <summary>The largest window: the ring buffer is part of the persisted state, so its size is bounded.</summary>
    public const int Max = 100_000;

    public static ParameterDescriptor Describe(int defaultWindow, string description) =>
        new("window", defaultWindow, description, Min: 1, Max: Max);

    /// <exception cref="PolicyValidationException">The window is not a whole number.</exception>
    public static int Read(PolicyParameters parameters)
    {
        var window = parameters["window"];
        if (window != Math.Floor(window))
        {
            throw new PolicyValidationException("policy.params.window", $"Parameter 'window' must be a whole number of events (got {window}).");
        }

        return (int)window;
    }
}
