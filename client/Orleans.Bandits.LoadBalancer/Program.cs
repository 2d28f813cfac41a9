using Orleans.Bandits.LoadBalancer.Hosting;

// dotnet run --project client/Orleans.Bandits.LoadBalancer -- --strategy V4 --tier T1 --urls http://127.0.0.1:8000
LoadBalancerApp.Build(args).Run();
