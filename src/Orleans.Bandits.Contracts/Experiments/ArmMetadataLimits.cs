namespace Orleans.Bandits.Contracts.Experiments;

/// <summary>
/// How much metadata an arm may carry: string values for the application (a colour, a copy variant), bounded so
/// an experiment's control state stays small whatever a tenant sends (1,000 arms at most 1,000 × 16 × 320 characters).
/// </summary>
public static class ArmMetadataLimits
{
    public const int MaxEntries = 16;
    public const int MaxKeyLength = 64;
    public const int MaxValueLength = 256;
}
