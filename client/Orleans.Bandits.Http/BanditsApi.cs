using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;
using Orleans.Bandits.Primitives.Hosting;

namespace Orleans.Bandits.Http;

/// <summary>The HTTP API v1, identical in every host (co-hosted in a silo, or a standalone gateway).</summary>
public static class BanditsApi
{
    private const string PerTenantPolicy = "bandits-per-tenant";
    private const string ReadyTag = "ready";

    /// <summary>Orleans' own meter (messaging, grains, storage), exported beside the platform's.</summary>
    private const string OrleansMeterName = "Microsoft.Orleans";

    /// <summary>Options (section <c>Bandits</c>), auth, rate limiting, body limit, problem details, JSON settings and telemetry.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration: with an OTLP endpoint (or <see cref="BanditsTelemetry.TracingEnabledKey"/>) the host traces.</param>
    public static IServiceCollection AddBanditsApi(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.AddOptions<BanditsHttpOptions>()
            .BindConfiguration(BanditsHttpOptions.Section)
            .Validate(
                options => string.IsNullOrEmpty(options.Auth.AdminKey) || options.Auth.AdminKey.Length >= AuthOptions.MinAdminKeyLength,
                $"Bandits:Auth:AdminKey must be at least {AuthOptions.MinAdminKeyLength} characters (e.g. openssl rand -base64 32); a short admin key can be guessed.")
            .Validate(options => options.RateLimit.IsValid, "Bandits:RateLimit:PermitsPerSecond, :Burst, :PerKey:PermitsPerSecond and :PerKey:Burst must be above 0 where set.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton(RateLimitClock.Key, TimeProvider.System);
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<FailedAuthenticationLimiter>();
        services.AddSingleton<TenantLimiters>();
        services.AddSingleton<StatsStreamSlots>();
        services.AddProblemDetails();
        services.AddOpenApi(options => options
            .AddDocumentTransformer<BanditsDocumentTransformer>()
            .AddDocumentTransformer<ServingRulesDocumentTransformer>()
            .AddSchemaTransformer<RequestBodySchemaTransformer>()
            .AddSchemaTransformer<PolicyParamsSchemaTransformer>());
        services.AddHealthChecks().AddCheck<ClusterReadinessCheck>("cluster", tags: [ReadyTag]);
        var telemetry = services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(BanditsTelemetry.MeterName, OrleansMeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        if (configuration is not null && BanditsTelemetry.TracingEnabled(configuration))
        {
            telemetry.WithTracing(tracing =>
            {
                // Orleans files grain calls under its runtime source when the grain interface's namespace starts with
                // "Orleans", as the platform's do (Orleans.Bandits.Contracts), so both sources carry them.
                tracing.AddSource(BanditsTelemetry.ActivitySourceName, ActivitySources.ApplicationGrainActivitySourceName, ActivitySources.RuntimeActivitySourceName)
                    .AddAspNetCoreInstrumentation();
                if (BanditsTelemetry.OtlpConfigured(configuration))
                {
                    tracing.AddOtlpExporter();
                }
            });
        }

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
            limiter.AddPolicy(PerTenantPolicy, TenantRateLimits.For);
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                var whose = rejected.Lease.TryGetMetadata(MetadataName.ReasonPhrase, out var reason) ? reason : TenantRateLimits.TenantRefusal;
                rejected.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await Problems.Status(StatusCodes.Status429TooManyRequests, "rate-limited", "Too many requests.", $"{whose}; retry after {retryAfter} s.")
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

        // Before the rate limiter, whose buckets are per tenant: a request without a valid key gets none.
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
        var v1 = app.MapGroup("/v1").RequireRateLimiting(PerTenantPolicy);
        v1.WithMetadata(SharedRefusals.EveryV1Route);
        v1.MapGroup("").AddEndpointFilter(new AuthenticationFilter(adminOnly: true)).MapTenantEndpoints().MapDeadLetterEndpoints();
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
