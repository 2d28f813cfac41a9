using Orleans.Bandits.FlakyServers.Contracts;
using Orleans.Bandits.Harness.Running;

namespace Orleans.Bandits.Harness.Reporting;

/// <summary>
/// The runs in progress. <c>live.json</c> shows one of them: the earliest started that is still
/// running, so the file follows one run to its end before switching, instead of flickering between
/// the runs that go side by side.
/// </summary>
public sealed class LiveBoard
{
    private readonly Lock _gate = new();
    private readonly List<LiveRun> _active = [];
    private LiveRun? _last;

    public LiveRun Start(RunKey key, IReadOnlyList<ServerView> tierServers)
    {
        var run = new LiveRun(key, tierServers);
        lock (_gate)
        {
            _active.Add(run);
        }

        return run;
    }

    public void Finish(LiveRun run)
    {
        run.Complete();
        lock (_gate)
        {
            _active.Remove(run);
            if (_active.Count == 0)
            {
                _last = run;
            }
        }
    }

    /// <summary>The run to show, or the last one to finish once none is running.</summary>
    public LiveRun? Focus
    {
        get
        {
            lock (_gate)
            {
                return _active.Count > 0 ? _active[0] : _last;
            }
        }
    }
}
