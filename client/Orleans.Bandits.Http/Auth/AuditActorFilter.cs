namespace Orleans.Bandits.Http.Auth;

/// <summary>
/// Names the caller in the audit log of the control actions a route takes: <see cref="AuditActor"/>, carried to the
/// experiment grain in the Orleans request context. Only on the experiment management routes, so selections and
/// feedback carry nothing more.
/// </summary>
public sealed class AuditActorFilter : IEndpointFilter
{
    /// <remarks>Async so the request context set here ends with this request's endpoint.</remarks>
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        AuditActor.Set(Tenancy.CallerOf(context.HttpContext).Actor);
        return await next(context);
    }
}
