using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FastEndpointsGen.Aot.Tests;

/// <summary>A published native binary listening on 127.0.0.1 and a free port.</summary>
public sealed class NativeServer : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private NativeServer(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Time from starting the process to its first successful response.</summary>
    public TimeSpan FirstResponse { get; private set; }

    /// <summary>Starts <paramref name="binary"/> and waits until GET <paramref name="probe"/> answers 2xx.</summary>
    public static async Task<NativeServer> Start(string binary, string probe, params string[] arguments)
    {
        Assert.That(File.Exists(binary), Is.True, $"no native binary at {binary}");
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(binary)
        {
            WorkingDirectory = Path.GetDirectoryName(binary)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        var server = new NativeServer(Process.Start(start)!, baseAddress);
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (server._process.HasExited)
            {
                Assert.Fail($"{binary} exited with code {server._process.ExitCode} before listening:\n{server.Log}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri(baseAddress, probe));
                if (response.IsSuccessStatusCode)
                {
                    server.FirstResponse = watch.Elapsed;
                    TestContext.Progress.WriteLine($"{Path.GetFileName(binary)}: first 2xx after {server.FirstResponse.TotalMilliseconds:F0} ms");
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(20);
        }

        server.Dispose();
        Assert.Fail($"{binary} did not answer {probe} within 30 seconds.");
        return server;
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
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

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
