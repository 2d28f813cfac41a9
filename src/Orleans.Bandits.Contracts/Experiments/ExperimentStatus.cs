namespace Orleans.Bandits.Contracts.Experiments;

[GenerateSerializer, Alias("bandits.ExperimentStatus")]
public enum ExperimentStatus
{
    Running = 0,
    Paused = 1,
}
