using BenchmarkDotNet.Attributes;

namespace FastEndpointsGen.Benchmarks;

/// <summary>
/// The per-request cost of the same endpoints written four ways, in process: routing, binding,
/// validation and serialization through each app's real pipeline. Ratios are against the minimal API.
/// </summary>
[MemoryDiagnoser]
public class RequestBenchmarks
{
    private InProcessHost _minimalApi = null!;
    private InProcessHost _fastEndpointsGen = null!;
    private InProcessHost _fastEndpoints = null!;
    private InProcessHost _rawKestrel = null!;
    private BenchRequest _request = null!;

    [ParamsAllValues]
    public Scenario Scenario { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _minimalApi = await StartChecked(Framework.MinimalApi);
        _fastEndpointsGen = await StartChecked(Framework.FastEndpointsGen);
        _fastEndpoints = await StartChecked(Framework.FastEndpoints);
        _rawKestrel = await StartChecked(Framework.RawKestrel);
        _request = Apps.Request(Scenario);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _minimalApi.DisposeAsync();
        await _fastEndpointsGen.DisposeAsync();
        await _fastEndpoints.DisposeAsync();
        await _rawKestrel.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public Task MinimalApi() => _minimalApi.SendAsync(_request);

    [Benchmark]
    public Task FastEndpointsGen() => _fastEndpointsGen.SendAsync(_request);

    [Benchmark]
    public Task FastEndpoints() => _fastEndpoints.SendAsync(_request);

    [Benchmark]
    public Task RawKestrel() => _rawKestrel.SendAsync(_request);

    private async Task<InProcessHost> StartChecked(Framework framework)
    {
        var host = Apps.Start(framework);
        await Apps.Check(host, framework, Scenario);
        return host;
    }
}
