namespace Orleans.Bandits.Client;

/// <summary>The arm a request is served with: the platform's choice, or the caller's fallback when the platform could not answer in time.</summary>
/// <param name="Arm">The arm to serve.</param>
/// <param name="Token">The selection token to send feedback with; null for a fallback, which teaches nothing.</param>
/// <param name="Propensity">The probability the platform chose <paramref name="Arm"/> with, where its policy defines one.</param>
/// <param name="FallbackReason">Why the fallback was served (<c>timeout</c>, <c>paused</c>, or the error kind, e.g. <c>NotFound</c>); null when the platform chose.</param>
public sealed record ServedArm(string Arm, string? Token, double? Propensity, string? FallbackReason)
{
    public bool IsFallback => FallbackReason is not null;
}
