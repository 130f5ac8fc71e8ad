using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TaskApi;

/// <summary>
/// Healthy when the task database answers a trivial query. Mapped at <c>GET /healthz</c>: 200
/// <c>Healthy</c>, or 503 <c>Unhealthy</c> while the database is down (the reason is logged, not sent).
/// </summary>
public sealed class TaskStoreHealthCheck(ITaskStore store) : IHealthCheck
{
    /// <inheritdoc/>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, DatabaseUnavailable.Detail, exception);
        }
    }
}
