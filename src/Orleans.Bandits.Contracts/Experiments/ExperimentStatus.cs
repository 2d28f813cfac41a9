namespace Orleans.Bandits.Contracts.Experiments;

[GenerateSerializer, Alias("bandits.ExperimentStatus")]
public enum ExperimentStatus
{
    Running = 0,
    Paused = 1,

    /// <summary>Running with a declared winner (<see cref="WinnerRule"/>); the platform sets it, a client cannot.</summary>
    Converged = 2,
}
