namespace Orleans.Bandits.Http.Models;

/// <summary>The uplift in stats: <c>value</c> = <c>banditMean</c> − <c>holdoutMean</c>, its 95 % interval (Welch, normal), and each group's learned events.</summary>
public sealed record UpliftResponse(double Value, double[]? Ci95, double BanditMean, double HoldoutMean, long BanditCount, long HoldoutCount);
