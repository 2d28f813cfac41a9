namespace Orleans.Bandits.Http.Dashboard;

/// <summary>
/// Present in the container when <c>AddBanditsDashboard</c> registered the Orleans dashboard:
/// its own services are internal, and mapping it without them throws, so hosts that skipped it
/// still get the rest of the dashboard.
/// </summary>
internal sealed class OrleansDashboardRegistration;
