using System.Net.Http.Json;
using System.Text;

namespace TaskApi.Tests;

/// <summary><c>GET /tasks/events</c>: every change through the API reaches every open event stream.</summary>
public sealed class TaskEventsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private TestDatabase _database = null!;
    private TaskApiFactory _factory = null!;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _database = await TestDatabase.CreateAsync(StoreKind.Sqlite);
        _factory = new TaskApiFactory(_database);
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        _factory?.Dispose();
        _database?.Dispose();
    }

    [Test]
    public async Task Two_clients_see_created_updated_and_deleted_events_from_a_third()
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var first = await OpenAsync(timeout.Token);
        using var second = await OpenAsync(timeout.Token);
        Assert.That((await first.NextAsync(timeout.Token)).Event, Is.EqualTo("ready"));
        Assert.That((await second.NextAsync(timeout.Token)).Event, Is.EqualTo("ready"));

        using var writer = _factory.CreateClient();
        var task = await Api.CreateAsync(writer, "Stream me");
        using (await writer.PatchAsJsonAsync($"/tasks/{task.Id}", new { completed = true }, timeout.Token))
        using (await writer.DeleteAsync(new Uri($"/tasks/{task.Id}", UriKind.Relative), timeout.Token))
        {
        }

        foreach (var stream in new[] { first, second })
        {
            var created = await stream.NextAsync(timeout.Token);
            var updated = await stream.NextAsync(timeout.Token);
            var deleted = await stream.NextAsync(timeout.Token);
            Assert.Multiple(() =>
            {
                Assert.That(created.Event, Is.EqualTo("created"));
                Assert.That(created.Data, Is.EqualTo($$$"""{"kind":"created","id":{{{task.Id}}},"item":{"id":{{{task.Id}}},"title":"Stream me","completed":false}}"""));
                Assert.That(updated.Event, Is.EqualTo("updated"));
                Assert.That(updated.Data, Does.Contain("\"completed\":true"));
                Assert.That(deleted.Event, Is.EqualTo("deleted"));
                Assert.That(deleted.Data, Is.EqualTo($$"""{"kind":"deleted","id":{{task.Id}},"item":null}"""));
                Assert.That(long.Parse(updated.Id!, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(long.Parse(created.Id!, System.Globalization.CultureInfo.InvariantCulture) + 1));
            });
        }
    }

    [Test]
    public async Task A_reconnecting_client_catches_up_from_its_last_event_id()
    {
        using var writer = _factory.CreateClient();
        using var timeout = new CancellationTokenSource(Patience);
        string lastId;
        using (var stream = await OpenAsync(timeout.Token))
        {
            await stream.NextAsync(timeout.Token);
            await Api.CreateAsync(writer, "seen");
            lastId = (await stream.NextAsync(timeout.Token)).Id!;
        }

        var missed = await Api.CreateAsync(writer, "missed while away");
        using var again = await OpenAsync(timeout.Token, lastId);
        Assert.That((await again.NextAsync(timeout.Token)).Event, Is.EqualTo("ready"));
        var caughtUp = await again.NextAsync(timeout.Token);
        Assert.That(caughtUp.Data, Does.Contain(missed.Title));
    }

    private async Task<EventStream> OpenAsync(CancellationToken cancellationToken, string? lastEventId = null)
    {
        var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/tasks/events");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
        return new EventStream(client, response, new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8));
    }

    private sealed record ServerSentEvent(string? Event, string? Id, string Data);

    private sealed class EventStream(HttpClient client, HttpResponseMessage response, StreamReader reader) : IDisposable
    {
        public async Task<ServerSentEvent> NextAsync(CancellationToken cancellationToken)
        {
            string? type = null, id = null;
            var data = new StringBuilder();
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Length == 0 && data.Length > 0)
                {
                    return new ServerSentEvent(type, id, data.ToString());
                }

                if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
                else if (line.StartsWith("id: ", StringComparison.Ordinal)) id = line[4..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal)) data.Append(line[6..]);
            }

            throw new EndOfStreamException("the event stream ended");
        }

        public void Dispose()
        {
            reader.Dispose();
            response.Dispose();
            client.Dispose();
        }
    }
}
