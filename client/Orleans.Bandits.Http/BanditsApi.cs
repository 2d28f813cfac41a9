using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Orleans.Bandits.Primitives.Hosting;

namespace Orleans.Bandits.Http;

/// <summary>The HTTP API v1, identical in every host (co-hosted in a silo, or a standalone gateway).</summary>
public static class BanditsApi
{
    private const string PerKeyPolicy = "bandits-per-key";
    private const string ReadyTag = "ready";

    /// <summary>Options (section <c>Bandits</c>), auth, rate limiting, body limit, problem details and JSON settings.</summary>
    public static IServiceCollection AddBanditsApi(this IServiceCollection services)
    {
        services.AddOptions<BanditsHttpOptions>()
            .BindConfiguration(BanditsHttpOptions.Section)
            .Validate(
                options => string.IsNullOrEmpty(options.Auth.AdminKey) || options.Auth.AdminKey.Length >= AuthOptions.MinAdminKeyLength,
                $"Bandits:Auth:AdminKey must be at least {AuthOptions.MinAdminKeyLength} characters (e.g. openssl rand -base64 32); a short admin key can be guessed.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<FailedAuthenticationLimiter>();
        services.AddSingleton<StatsStreamSlots>();
        services.AddProblemDetails();
        services.AddOpenApi(options => options
            .AddDocumentTransformer<BanditsDocumentTransformer>()
            .AddDocumentTransformer<ServingRulesDocumentTransformer>()
            .AddSchemaTransformer<RequestBodySchemaTransformer>()
            .AddSchemaTransformer<PolicyParamsSchemaTransformer>());
        services.AddHealthChecks().AddCheck<ClusterReadinessCheck>("cluster", tags: [ReadyTag]);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(BanditsTelemetry.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        // The experiment label names tenants' experiments to whoever scrapes, so it is dropped from this host's export
        // unless the operator enables it; dropped here, not where measurements are tagged, because meters are process-wide.
        services.ConfigureOpenTelemetryMeterProvider((provider, metrics) =>
        {
            if (!provider.GetRequiredService<IOptions<BanditsHttpOptions>>().Value.Metrics.ExperimentLabels)
            {
                metrics.AddView(instrument => instrument.Meter.Name == BanditsTelemetry.MeterName
                    ? new MetricStreamConfiguration { ExcludedTagKeys = [BanditsTelemetry.ExperimentTag] }
                    : null);
            }
        });
        services.AddExceptionHandler<BanditsExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        });
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PerKeyPolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<BanditsHttpOptions>>().Value.RateLimit;
                return RateLimitPartition.GetTokenBucketLimiter(ApiKeyAuthenticator.PresentedKey(context.Request) ?? "", _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.Burst,
                    TokensPerPeriod = limits.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                rejected.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await Problems.Status(StatusCodes.Status429TooManyRequests, "rate-limited", "Too many requests.", $"This API key exceeded its rate limit; retry after {retryAfter} s.")
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }

    /// <summary>The middleware the API needs: problem responses for every failure (including bare status codes), the body limit and the rate limiter.</summary>
    public static IApplicationBuilder UseBanditsApi(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<BanditsHttpOptions>>().Value;
        if (!options.Auth.Enabled)
        {
            app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BanditsApi)).LogWarning(
                "Authentication is OFF: no admin key is configured (Bandits:Auth:AdminKey / Bandits__Auth__AdminKey). Every request acts for tenant '{Tenant}'.",
                Tenancy.DefaultTenant);
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(SecurityHeaders.Apply);
        app.Use(RequestBodyLimit.Enforce);

        // Before the rate limiter, whose buckets are per key: a request without a valid key gets none.
        app.UseMiddleware<ApiKeyAuthenticationMiddleware>();
        app.UseRateLimiter();
        app.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint("/openapi/v1.json", "Orleans.Bandits API v1");
            ui.RoutePrefix = "docs";
        });
        return app;
    }

    /// <summary>
    /// The /v1 routes, plus <c>/health/live</c>, <c>/health/ready</c>, <c>/metrics</c> (Prometheus),
    /// <c>/openapi/v1.json</c> and the interactive page at <c>/docs</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapBanditsApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        // Operators only: with auth on, the admin key (Prometheus: authorization credentials); experiment labels, where enabled, name experiments.
        app.MapPrometheusScrapingEndpoint("/metrics").AddEndpointFilter(new AuthenticationFilter(adminOnly: true));
        app.MapOpenApi();
        var v1 = app.MapGroup("/v1").RequireRateLimiting(PerKeyPolicy);
        v1.WithMetadata(SharedRefusals.EveryV1Route);
        v1.MapGroup("").AddEndpointFilter(new AuthenticationFilter(adminOnly: true)).MapTenantEndpoints();
        v1.MapGroup("").AddEndpointFilter(new AuthenticationFilter(adminOnly: false))
            .MapExperimentEndpoints()
            .MapSelectionEndpoints()
            .MapFeedbackEndpoints()
            .MapObservingEndpoints()
            .MapDecisionEndpoints()
            .MapEvaluationEndpoints()
            .MapStatsStreamEndpoints();
        app.MapBanditsDashboard();
        return app;
    }
}
