using BenchmarkDotNet.Running;
using Orleans.Bandits.Benchmarks.Configuration;

// Every benchmark runs unless --filter narrows it (BenchmarkDotNet would otherwise ask interactively).
// --quick swaps in the short in-process job; every other argument is BenchmarkDotNet's own.
var quick = args.Contains(QuickConfig.Switch);
var rest = args.Where(a => a != QuickConfig.Switch).ToList();
if (!rest.Contains("--filter"))
{
    rest.AddRange(["--filter", "*"]);
}

BenchmarkSwitcher.FromAssembly(typeof(QuickConfig).Assembly).Run([.. rest], quick ? QuickConfig.Create() : null);
