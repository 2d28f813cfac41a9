using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Dashboard;
using Orleans.Hosting;

namespace Orleans.Bandits.Http.Dashboard;

/// <summary>
/// The dashboard: the page at <c>/</c> with its embedded assets, and the Orleans dashboard under
/// <c>/orleans</c>. The comparison view reads the harness's results from <c>/dashboard/harness</c> where the
/// harness's host maps them, and can open a local file anywhere.
/// </summary>
public static class BanditsDashboard
{
    public const string OrleansDashboardPrefix = "/orleans";

    /// <summary>Registers the Orleans dashboard on a silo (its grains, profiler and counters); every silo of a cluster needs it.</summary>
    public static ISiloBuilder AddBanditsDashboard(this ISiloBuilder silo)
    {
        silo.AddDashboard();
        silo.Services.TryAddSingleton<OrleansDashboardRegistration>();
        return silo;
    }

    /// <summary>Registers the Orleans dashboard on a standalone gateway (a pure Orleans client); the silos need <see cref="AddBanditsDashboard(ISiloBuilder)"/>.</summary>
    public static IClientBuilder AddBanditsDashboard(this IClientBuilder client)
    {
        client.AddDashboard();
        client.Services.TryAddSingleton<OrleansDashboardRegistration>();
        return client;
    }

    /// <summary>
    /// Maps the page and its assets on every host; the Orleans dashboard only
    /// where <c>AddBanditsDashboard</c> registered it, and otherwise a 404 problem that says how to.
    /// </summary>
    public static IEndpointRouteBuilder MapBanditsDashboard(this IEndpointRouteBuilder app)
    {
        var assets = new DashboardAssets();
        app.MapGet("/", (HttpContext context) => assets.Serve(context, DashboardAssets.IndexPage)).ExcludeFromDescription();
        app.MapGet("/dashboard/assets/{**path}", (string path, HttpContext context) => assets.Serve(context, path)).ExcludeFromDescription();
        if (app.ServiceProvider.GetService<OrleansDashboardRegistration>() is null)
        {
            app.MapGet(OrleansDashboardPrefix + "/{**rest}", () => Problems.Status(
                StatusCodes.Status404NotFound,
                "not-found",
                "The Orleans dashboard is not registered on this host.",
                "Call AddBanditsDashboard() on the silo builder (every silo) or, on a standalone gateway, on the Orleans client builder.")).ExcludeFromDescription();
        }
        else
        {
            app.MapOrleansDashboard(OrleansDashboardPrefix)
                .AddEndpointFilter(new OrleansDashboardAccessFilter())
                .ExcludeFromDescription();
        }

        return app;
    }
}
