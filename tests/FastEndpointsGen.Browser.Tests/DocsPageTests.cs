using Microsoft.Playwright;

namespace FastEndpointsGen.Browser.Tests;

/// <summary>
/// Opens the docs page (Scalar) of the TaskApi example in a real headless Chromium and checks that it
/// renders the operations the generated OpenAPI document describes. The screenshot is saved with the
/// test results. Needs Debian's chromium (<c>apt-get install -y chromium</c>; .ci/run installs it).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DocsPageTests : TaskApiBrowserFixture
{
    [Test]
    public async Task Docs_page_renders_the_operation_summaries()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var external = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(BaseAddress.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                external.Add(request.Url);
            }
        };

        await page.GotoAsync(new Uri(BaseAddress, "/docs/").ToString());
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
}
