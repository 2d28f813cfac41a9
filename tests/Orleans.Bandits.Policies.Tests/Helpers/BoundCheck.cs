namespace Orleans.Bandits.Policies.Tests.Helpers;

/// <summary>One measured quantity (a regret, an arm's pulls) against the upper bound theory puts on it.</summary>
/// <param name="Quantity">What was measured, for the failure message.</param>
/// <param name="Measured">The value measured on the fixed seeds.</param>
/// <param name="Bound">The largest value the derivation allows.</param>
internal sealed record BoundCheck(string Quantity, double Measured, double Bound)
{
    public bool Holds => Measured <= Bound;

    public override string ToString() => $"{Quantity} {Measured:F1} {(Holds ? "<=" : ">")} {Bound:F1}";
}
