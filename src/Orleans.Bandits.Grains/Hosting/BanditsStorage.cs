namespace Orleans.Bandits.Grains;

/// <summary>The grain storage provider the platform's grains persist to; each host registers it.</summary>
public static class BanditsStorage
{
    public const string Name = "bandits";
}
