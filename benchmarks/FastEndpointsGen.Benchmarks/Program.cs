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

// In process: the apps live in this process, so the toolchain does not build a separate one.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(5).WithIterationCount(15))
    .WithOptions(ConfigOptions.JoinSummary);
BenchmarkSwitcher.FromAssembly(typeof(RequestBenchmarks).Assembly).Run(args, config);
