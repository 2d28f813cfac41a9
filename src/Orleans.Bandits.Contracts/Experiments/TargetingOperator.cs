namespace Orleans.Bandits.Contracts.Experiments;

/// <summary>How a targeting rule compares a request's attribute with its value.</summary>
[GenerateSerializer, Alias("bandits.TargetingOperator")]
public enum TargetingOperator
{
    Eq = 0,
    Ne = 1,
    In = 2,
    NotIn = 3,
    Gt = 4,
    Gte = 5,
    Lt = 6,
    Lte = 7,
    Contains = 8,
}
