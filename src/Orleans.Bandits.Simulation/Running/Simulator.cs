namespace Orleans.Bandits.Simulation.Running;

/// <summary>
/// Plays a policy against an environment the way a distributed deployment would: selections
/// read a snapshot that is refreshed only every <see cref="SimulationOptions.BatchSize"/> rounds,
/// and feedback reaches training <see cref="SimulationOptions.Delay"/> rounds late.
/// With batch 1 and delay 0 it is the ideal single-machine algorithm.
/// </summary>
public static class Simulator
{
    public static SimulationResult Run(IBanditPolicy policy, IBanditEnvironment environment, SimulationOptions options)
    {
        options.Validate();
        var random = new Random(options.Seed);
        var arms = environment.ArmCount;
        var state = policy.CreateState(arms);
        var snapshot = Snapshot(policy, state, options);

        var context = new double[environment.ContextDimension];
        var rewards = new double[arms];
        var costs = new double[environment.ResourceCount];
        var armTotals = new double[arms];
        var pulls = new long[arms];
        var spent = new double[environment.ResourceCount];
        var inFlight = new Queue<(long Due, TrainingEvent Event)>();
        var ready = new List<TrainingEvent>();
        var curve = new List<RegretPoint>(options.CurvePoints);
        var curveStep = Math.Max(1, options.Rounds / options.CurvePoints);

        double pseudoRegret = 0, earned = 0;
        long round = 0;
        for (; round < options.Rounds; round++)
        {
            environment.BeginRound(round, random, context, rewards);
            var best = double.NegativeInfinity;
            for (var arm = 0; arm < arms; arm++)
            {
                best = Math.Max(best, environment.ExpectedReward(arm));
                armTotals[arm] += rewards[arm];
            }

            var selection = policy.Select(snapshot, context, [], options.Exploration, random)
                ?? throw new InvalidOperationException("The policy chose no arm although none was excluded.");
            var chosen = selection.Arm;
            pulls[chosen]++;
            pseudoRegret += best - environment.ExpectedReward(chosen);
            earned += rewards[chosen];

            double[]? eventCosts = null;
            if (costs.Length > 0)
            {
                environment.DrawCosts(chosen, random, costs);
                eventCosts = (double[])costs.Clone();
                for (var r = 0; r < costs.Length; r++)
                {
                    spent[r] += costs[r];
                }
            }

            var trainingEvent = new TrainingEvent(
                chosen,
                rewards[chosen],
                selection.Propensity,
                context.Length > 0 ? (double[])context.Clone() : null,
                eventCosts);

            // Validated when observed, as the platform's intake does: training trusts its events.
            policy.Validate(trainingEvent);
            inFlight.Enqueue((round + options.Delay, trainingEvent));
            while (inFlight.Count > 0 && inFlight.Peek().Due <= round)
            {
                ready.Add(inFlight.Dequeue().Event);
            }

            if ((round + 1) % options.BatchSize == 0 && ready.Count > 0)
            {
                policy.Train(state, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ready));
                ready.Clear();
                snapshot = Snapshot(policy, state, options);
            }

            if ((round + 1) % curveStep == 0)
            {
                curve.Add(new RegretPoint(round + 1, pseudoRegret));
            }
        }

        return new SimulationResult(round, pseudoRegret, armTotals.Max() - earned, earned, pulls, spent, curve);
    }

    private static PolicySnapshot Snapshot(IBanditPolicy policy, PolicyState state, SimulationOptions options)
    {
        var snapshot = policy.CreateSnapshot(state);
        return options.EstimatePropensities ? snapshot : snapshot.WithoutEstimatedPropensities();
    }
}
