namespace Orleans.Bandits.Harness.Running;

/// <summary>Hears about the study as it goes, from any thread.</summary>
public interface IStudyProgress
{
    void RunStarted(RunKey key);

    void RequestCompleted(RunKey key);

    void RunFinished(RunResult result);
}
