using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Bandits.Http.Endpoints;

namespace Orleans.Bandits.Http;

/// <summary>The HTTP API v1, identical in every host (co-hosted in a silo, or a standalone gateway).</summary>
public static class BanditsApi
{
    /// <summary>Problem details, JSON options and the exception handler the endpoints rely on.</summary>
    public static IServiceCollection AddBanditsApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<BanditsExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        });
        return services;
    }

    public static IEndpointRouteBuilder MapBanditsApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1");
        v1.MapExperimentEndpoints()
            .MapSelectionEndpoints()
            .MapFeedbackEndpoints()
            .MapObservingEndpoints();
        return app;
    }
}
