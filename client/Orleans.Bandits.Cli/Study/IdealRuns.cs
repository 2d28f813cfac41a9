namespace Orleans.Bandits.Cli.Study;

/// <summary>(a): the bare policy in process, trained after every selection, on the same seeds and world.</summary>
public static class IdealRuns
{
    public static IReadOnlyList<SeedRun> Play(IBanditPolicy policy, StudyWorld world, long rounds, int seeds, int curvePoints) =>
        SeedSweep.Run(policy, _ => world.Create(), new SimulationOptions(rounds, CurvePoints: curvePoints), seeds)
            .Select((result, index) => new SeedRun(index + 1, result.PseudoRegret, result.Curve, 0, result.Rounds))
            .ToArray();
}
