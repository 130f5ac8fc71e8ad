using System.Text;
using FastEndpointsGen.Testing;

namespace FastEndpointsGen.Aot.Tests;

/// <summary>A published native binary listening on 127.0.0.1 and a free port.</summary>
public sealed class NativeServer : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly RunningProcess _process;

    private NativeServer(RunningProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Time from starting the process to its first successful response.</summary>
    public TimeSpan FirstResponse { get; private set; }

    /// <summary>What the binary printed so far.</summary>
    public string Log => _process.Log;

    /// <summary>Starts <paramref name="binary"/> and waits until GET <paramref name="probe"/> answers 2xx.</summary>
    public static async Task<NativeServer> Start(string binary, string probe, params string[] arguments)
    {
        Assert.That(File.Exists(binary), Is.True, $"no native binary at {binary}");
        var baseAddress = new Uri($"http://127.0.0.1:{ProcessRunner.FreePort()}");
        var process = ProcessRunner.Start(Path.GetDirectoryName(binary)!, binary, ["--urls", baseAddress.ToString(), .. arguments]);
        await ProcessRunner.WaitUntilSucceedingAsync(new Uri(baseAddress, probe), process, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(20));
        var server = new NativeServer(process, baseAddress) { FirstResponse = process.Uptime };
        TestContext.Progress.WriteLine($"{Path.GetFileName(binary)}: first 2xx after {server.FirstResponse.TotalMilliseconds:F0} ms");
        return server;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(new Uri(BaseAddress, path));

    public async Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseAddress, path))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        return await Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseAddress, path));
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        Http.PostAsync(new Uri(BaseAddress, path), new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Resident set size (VmRSS) of the native process, in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    public void Dispose() => _process.Dispose();
}
