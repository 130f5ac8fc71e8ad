using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace FastEndpointsGen.Browser.Tests;

/// <summary>
/// Runs an example app (TaskApi with SQLite in memory, unless a fixture names another) on a free loopback port for one
/// fixture, and launches Debian's headless chromium (<c>apt-get install -y chromium</c>; .ci/run installs it) with no
/// network use of its own.
/// </summary>
public abstract class TaskApiBrowserFixture
{
    /// <summary>The example's assembly, built next to the tests, and its command-line arguments.</summary>
    protected virtual string App => "TaskApi.dll --TaskApi:Database=:memory:";

    private const string Chromium = "/usr/bin/chromium";
    private Process? _server;

    /// <summary>Where the TaskApi of this fixture listens.</summary>
    protected Uri BaseAddress { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartTaskApi()
    {
        if (!File.Exists(Chromium))
        {
            var message = $"{Chromium} is not installed (apt-get install -y chromium); .ci/run installs it.";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(message);
            }

            Assert.Ignore(message);
        }

        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        var directory = TestContext.CurrentContext.TestDirectory;
        _server = Process.Start(new ProcessStartInfo("dotnet", $"{App} --urls {BaseAddress}")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        using var http = new HttpClient();
        for (var attempt = 0; attempt < 150; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "/openapi.json"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        Assert.Fail($"{App} did not start within 30 seconds.");
    }

    [OneTimeTearDown]
    public void StopTaskApi()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit();
        }

        _server?.Dispose();
    }

    /// <summary>Headless chromium that does not try to reach Google's services (the machine has no network).</summary>
    protected static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
