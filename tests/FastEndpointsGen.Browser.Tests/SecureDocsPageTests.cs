using System.Text.Json;
using Microsoft.Playwright;

namespace FastEndpointsGen.Browser.Tests;

/// <summary>
/// The docs page of examples/SecureApi (JWT bearer, docs/security.md) in headless Chromium: a protected operation sent
/// from the page answers 401 until the page is authorized with a token from <c>POST /token</c>, then 200. And the page
/// offers none of Scalar's buttons that send the API description to an outside service (docs/openapi.md#the-docs-page-stays-local).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SecureDocsPageTests : TaskApiBrowserFixture
{
    protected override string App => "SecureApi.dll";

    [Test]
    public async Task The_page_authorizes_with_a_bearer_token_and_a_protected_request_answers_200()
    {
        var token = await TokenAsync("johndoe", "secret");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var answers = new List<(int Status, string Authorization)>();
        page.Response += (_, response) =>
        {
            if (response.Url.EndsWith("/users/me", StringComparison.Ordinal))
            {
                answers.Add((response.Status, response.Request.Headers.TryGetValue("authorization", out var value) ? value : ""));
            }
        };
        await OpenAsync(page);

        // Without authorizing: the request goes out without a token and is refused.
        await SendWhoAmIAsync(page);
        await WaitForAsync(() => answers.Count == 1);
        await page.Keyboard.PressAsync("Escape");

        // Authorize with the token the app's own token endpoint issued, as a user pastes it into the page.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Select Auth Type" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Bearer", Exact = true }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.GetByPlaceholder("Token", new PageGetByPlaceholderOptions { Exact = true }).First.FillAsync(token);
        await SendWhoAmIAsync(page);
        await WaitForAsync(() => answers.Count == 2);
        // The page shows the answer: the signed-in user's JSON (the page's own examples say "string").
        await page.GetByText("\"johndoe\"").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });

        var screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "secure-docs-page.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        TestContext.AddTestAttachment(screenshot, "SecureApi's docs page after an authorized GET /users/me");
        // Before authorizing the page sends no token (Scalar may send an empty "Bearer"); after, the one it was given.
        Assert.That(answers.Select(a => a.Status), Is.EqualTo(new[] { 401, 200 }));
        Assert.That(answers[0].Authorization, Does.Not.Contain(token));
        Assert.That(answers[1].Authorization, Is.EqualTo("Bearer " + token));
    }

    [Test]
    public async Task No_button_sends_the_API_description_to_an_outside_service()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        await OpenAsync(page);

        // Scalar shows "Generate SDK" on pages served from localhost and 127.0.0.1 even with its developer tools off.
        var visible = new List<string>();
        foreach (var name in new[] { "Ask AI", "Generate SDK", "Generate MCP", "Deploy", "Share", "Developer Tools" })
        {
            if (await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name }).Filter(new LocatorFilterOptions { Visible = true }).CountAsync() > 0)
            {
                visible.Add(name);
            }
        }

        Assert.That(visible, Is.Empty);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 150 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.That(condition(), Is.True, "the page sent no request within 15 seconds");
    }

    private async Task OpenAsync(IPage page)
    {
        await page.GotoAsync(new Uri(BaseAddress, "/docs/").ToString());
        await page.GetByText("Who am I", new PageGetByTextOptions { Exact = true }).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
    }

    /// <summary>Opens the test-request client of <c>GET /users/me</c> and sends it.</summary>
    private static async Task SendWhoAmIAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { NameRegex = new System.Text.RegularExpressions.Regex(@"Test Request.*get \/users\/me") }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { NameRegex = new System.Text.RegularExpressions.Regex("^Send") }).First.ClickAsync();
    }

    private async Task<string> TokenAsync(string username, string password)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        using var response = await http.PostAsync(new Uri("/token", UriKind.Relative),
            new FormUrlEncodedContent([new("username", username), new("password", password)]));
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }
}
