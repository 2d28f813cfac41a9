namespace Orleans.Bandits.Policies.Catalogue;

/// <summary>One tunable parameter of a policy, with its default and allowed range.</summary>
/// <param name="Name">The key in <c>policy.params</c>.</param>
/// <param name="Default">Used when the parameter is not given; <c>null</c> means required.</param>
/// <param name="Description">What it does, for the catalogue.</param>
/// <param name="Min">Smallest allowed value.</param>
/// <param name="Max">Largest allowed value.</param>
/// <param name="MinExclusive">Whether <paramref name="Min"/> itself is refused.</param>
/// <param name="IsVector">Whether the parameter is a list of numbers (e.g. one budget per resource).</param>
public sealed record ParameterDescriptor(
    string Name,
    double? Default,
    string Description,
    double Min = double.MinValue,
    double Max = double.MaxValue,
    bool MinExclusive = false,
    bool IsVector = false)
{
    public bool Accepts(double value) =>
        double.IsFinite(value) && (MinExclusive ? value > Min : value >= Min) && value <= Max;

    public string RangeText
    {
        get
        {
            var lower = Min == double.MinValue ? "" : MinExclusive ? $"> {Min}" : $">= {Min}";
            var upper = Max == double.MaxValue ? "" : $"<= {Max}";
            return (lower, upper) switch
            {
                ("", "") => "a finite number",
                (_, "") => lower,
                ("", _) => upper,
                _ => $"{lower} and {upper}",
            };
        }
    }
}
