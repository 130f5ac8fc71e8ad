using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace FastEndpointsGen.Browser.Tests;

/// <summary>
/// Opens the docs page (Scalar) of the TaskApi example in a real headless Chromium and checks that it
/// renders the operations the generated OpenAPI document describes. The screenshot is saved with the
/// test results. Needs Debian's chromium (<c>apt-get install -y chromium</c>; .ci/run installs it).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DocsPageTests
{
    private const string Chromium = "/usr/bin/chromium";
    private Process? _server;
    private Uri _baseAddress = null!;

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
        _baseAddress = new Uri($"http://127.0.0.1:{port}");
        var directory = TestContext.CurrentContext.TestDirectory;
        _server = Process.Start(new ProcessStartInfo("dotnet", $"TaskApi.dll --urls {_baseAddress} --TaskApi:Database=:memory:")
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
                using var response = await http.GetAsync(new Uri(_baseAddress, "/openapi.json"));
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

        Assert.Fail("TaskApi did not start within 30 seconds.");
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

    [Test]
    public async Task Docs_page_renders_the_operation_summaries()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // The machine has no network: keep Chromium from trying to reach Google's services at start.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var external = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(_baseAddress.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                external.Add(request.Url);
            }
        };

        await page.GotoAsync(new Uri(_baseAddress, "/docs/").ToString());
        foreach (var summary in new[] { "List tasks", "Get a task", "Create a task", "Delete a task" })
        {
            await page.GetByText(summary, new PageGetByTextOptions { Exact = true }).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        }

        var screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "docs-page.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = false });
        TestContext.AddTestAttachment(screenshot, "The Scalar docs page of TaskApi");

        Assert.Multiple(async () =>
        {
            Assert.That(await page.TitleAsync(), Does.Contain("Tasks API"));
            Assert.That(external, Is.Empty, "the docs page must not load anything from a CDN");
        });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
