namespace Orleans.Bandits.Policies.Abstractions;

/// <summary>Raised when parameters or an event are outside what a policy accepts; names the field and the allowed range.</summary>
public sealed class PolicyValidationException(string field, string message) : ArgumentException(message, field)
{
    /// <summary>The offending field, e.g. <c>policy.params.alpha</c> or <c>reward</c>.</summary>
    public string Field { get; } = field;
}
