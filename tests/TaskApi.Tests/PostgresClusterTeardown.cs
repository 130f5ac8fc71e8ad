namespace TaskApi.Tests;

/// <summary>Stops the shared PostgreSQL cluster, if a test started it, after the last test of the assembly.</summary>
[SetUpFixture]
public sealed class PostgresClusterTeardown
{
    [OneTimeTearDown]
    public Task StopSharedCluster() => PostgresCluster.StopSharedAsync();
}
