using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FastEndpointsGen.Benchmarks;

if (args is ["--check"])
{
    // Shows what every app answers to every scenario, and fails if any answer is wrong.
    foreach (var framework in Enum.GetValues<Framework>())
    {
        await using var host = Apps.Start(framework);
        foreach (var scenario in Enum.GetValues<Scenario>())
        {
            var body = await Apps.Check(host, framework, scenario);
            Console.WriteLine($"{framework,-16} {scenario,-12} {host.StatusCode} {body.Length,6} bytes  {body[..Math.Min(body.Length, 90)]}");
        }
    }

    return;
}

if (args is ["--allocations"])
{
    // A quick look at allocated bytes per request (BenchmarkDotNet's MemoryDiagnoser is the reference).
    foreach (var scenario in Enum.GetValues<Scenario>())
    {
        foreach (var framework in Enum.GetValues<Framework>())
        {
            await using var host = Apps.Start(framework);
            var request = Apps.Request(scenario);
            await Apps.Check(host, framework, scenario);
            for (var i = 0; i < 2_000; i++)
            {
                await host.SendAsync(request);
            }

            const int Requests = 10_000;
            var before = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < Requests; i++)
            {
                await host.SendAsync(request);
            }

            var perRequest = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Requests;
            Console.WriteLine($"{scenario,-12} {framework,-16} {perRequest,8:F0} B/request");
        }
    }

    return;
}

// In process: the apps live in this process, so the toolchain does not build a separate one.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(5).WithIterationCount(15))
    .WithOptions(ConfigOptions.JoinSummary);
BenchmarkSwitcher.FromAssembly(typeof(RequestBenchmarks).Assembly).Run(args, config);
