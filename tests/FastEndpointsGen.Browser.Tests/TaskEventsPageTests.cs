using System.Text.Json;
using Microsoft.Playwright;

namespace FastEndpointsGen.Browser.Tests;

/// <summary>
/// Two browser pages hold an <c>EventSource</c> on TaskApi's <c>GET /tasks/events</c>; a third change made with
/// <c>fetch</c> reaches both as live server-sent events (docs/responses.md).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class TaskEventsPageTests : TaskApiBrowserFixture
{
    // Opens the stream and resolves once its first event, "ready", arrived: from then on no change is missed.
    private const string Subscribe = """
        () => new Promise((resolve, reject) => {
          window.changes = [];
          const source = new EventSource('/tasks/events');
          for (const kind of ['created', 'updated', 'deleted']) {
            source.addEventListener(kind, e => window.changes.push({ kind, version: e.lastEventId, change: JSON.parse(e.data) }));
          }
          source.addEventListener('ready', () => resolve(true));
          setTimeout(() => reject(new Error('no ready event within 10 s')), 10000);
        })
        """;

    // Creates, completes and deletes a task from the page, as another client would.
    private const string ChangeATask = """
        async () => {
          const created = await (await fetch('/tasks/', { method: 'POST', headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ title: 'Live from the browser' }) })).json();
          await fetch(`/tasks/${created.id}/complete`, { method: 'POST' });
          await fetch(`/tasks/${created.id}`, { method: 'DELETE' });
          return created.id;
        }
        """;

    [Test]
    public async Task Every_open_event_source_sees_changes_made_by_another_client()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromiumAsync(playwright);
        var watchers = new[] { await browser.NewPageAsync(), await browser.NewPageAsync() };
        foreach (var page in watchers)
        {
            await page.GotoAsync(new Uri(BaseAddress, "/healthz").ToString());
            Assert.That(await page.EvaluateAsync<bool>(Subscribe), Is.True);
        }

        var writer = await browser.NewPageAsync();
        await writer.GotoAsync(new Uri(BaseAddress, "/healthz").ToString());
        var id = await writer.EvaluateAsync<int>(ChangeATask);

        foreach (var page in watchers)
        {
            await page.WaitForFunctionAsync("() => window.changes.length >= 3", null, new PageWaitForFunctionOptions { Timeout = 15_000 });
            var changes = (await page.EvaluateAsync<JsonElement>("() => window.changes")).EnumerateArray().ToList();
            Assert.Multiple(() =>
            {
                Assert.That(changes.Select(c => c.GetProperty("kind").GetString()), Is.EqualTo(new[] { "created", "updated", "deleted" }));
                Assert.That(changes.Select(c => c.GetProperty("change").GetProperty("id").GetInt32()), Is.All.EqualTo(id));
                Assert.That(changes[0].GetProperty("change").GetProperty("item").GetProperty("title").GetString(), Is.EqualTo("Live from the browser"));
                Assert.That(changes[1].GetProperty("change").GetProperty("item").GetProperty("completed").GetBoolean(), Is.True);
            });
        }
    }
}
