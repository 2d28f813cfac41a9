namespace Orleans.Bandits.Policies.Catalogue;

/// <summary>The rewards a policy accepts; <c>null</c> bounds mean any finite number.</summary>
public sealed record RewardRange(double? Min, double? Max)
{
    public static RewardRange Unit { get; } = new(0, 1);

    public static RewardRange AnyFinite { get; } = new(null, null);

    public bool Contains(double reward) =>
        double.IsFinite(reward) && (Min is not { } min || reward >= min) && (Max is not { } max || reward <= max);

    public override string ToString() => Min is null && Max is null ? "any finite number" : $"[{Min}, {Max}]";
}
