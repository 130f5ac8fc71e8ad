using FastEndpointsGen.Testing;
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
    private RunningProcess? _server;

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

        BaseAddress = new Uri($"http://127.0.0.1:{ProcessRunner.FreePort()}");
        _server = ProcessRunner.Start(TestContext.CurrentContext.TestDirectory, "dotnet", $"{App} --urls {BaseAddress}");
        await ProcessRunner.WaitUntilSucceedingAsync(new Uri(BaseAddress, "/openapi.json"), _server, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));
    }

    [OneTimeTearDown]
    public void StopTaskApi() => _server?.Dispose();

    /// <summary>Headless chromium that does not try to reach Google's services (the machine has no network).</summary>
    protected static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
}
