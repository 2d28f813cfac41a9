namespace Orleans.Bandits.Policies.Abstractions;

/// <summary>
/// Weights kept as their logarithms, as the exponential-weights learners (EXP3, EXP3-IX, the Hedge
/// prices of BwK) keep them: multiplicative updates would overflow or underflow plain doubles. Sums
/// are taken relative to the largest log weight, so no exponent is ever positive.
/// </summary>
public static class LogWeights
{
    public static double Max(ReadOnlySpan<double> logWeights)
    {
        var max = double.NegativeInfinity;
        foreach (var value in logWeights)
        {
            max = Math.Max(max, value);
        }

        return max;
    }

    /// <summary>Σ exp(ℓ_i − max): the total weight in units of the heaviest.</summary>
    public static double SumRelativeTo(ReadOnlySpan<double> logWeights, double max)
    {
        var total = 0.0;
        foreach (var value in logWeights)
        {
            total += Math.Exp(value - max);
        }

        return total;
    }

    /// <summary>ln(Σ exp(ℓ_i) / K), the log of the mean weight; 0 (weight 1) when there are none.</summary>
    public static double LogMean(ReadOnlySpan<double> logWeights)
    {
        if (logWeights.Length == 0)
        {
            return 0;
        }

        var max = Max(logWeights);
        return max + Math.Log(SumRelativeTo(logWeights, max) / logWeights.Length);
    }

    /// <summary>Subtracts the largest log weight from all: a common factor leaves the normalized weights unchanged and keeps the numbers bounded.</summary>
    public static void ShiftToZeroMaximum(Span<double> logWeights)
    {
        var max = Max(logWeights);
        if (!double.IsFinite(max) || max == 0)
        {
            return;
        }

        for (var i = 0; i < logWeights.Length; i++)
        {
            logWeights[i] -= max;
        }
    }
}
