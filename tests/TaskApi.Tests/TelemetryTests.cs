using System.Diagnostics;
using System.Net;
using System.Text;
using FastEndpointsGen.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace TaskApi.Tests;

/// <summary>
/// The app's own OpenTelemetry setup, read through the in-memory exporter added beside it: generated
/// endpoints are recorded under their route template.
/// </summary>
[TestFixture]
public sealed class TelemetryTests
{
    [Test]
    public async Task Request_metrics_and_traces_carry_the_route_template_of_generated_endpoints()
    {
        var metrics = new List<Metric>();
        var spans = new List<Activity>();
        using var folder = new TempFolder();
        using var factory = new TaskApiFactory(TestDatabase.Sqlite(folder.File("tasks.db")), builder =>
            builder.ConfigureTestServices(services => services
                .ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics))
                .ConfigureOpenTelemetryTracerProvider(traces => traces.AddInMemoryExporter(spans))));
        using var client = factory.CreateClient();

        var created = await Api.CreateAsync(client, "observed");
        using var found = await client.GetAsync(new Uri($"/tasks/{created.Id}", UriKind.Relative));
        using var missing = await client.GetAsync(new Uri("/tasks/999999", UriKind.Relative));
        factory.Services.GetRequiredService<MeterProvider>().ForceFlush();
        factory.Services.GetRequiredService<TracerProvider>().ForceFlush();

        var durations = metrics.Where(m => m.Name == "http.server.request.duration").ToList();
        Assert.That(durations, Is.Not.Empty, "http.server.request.duration was not recorded");
        var points = new List<(string? Route, string? Method, int? Status)>();
        foreach (var metric in durations)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                string? route = null, method = null;
                int? status = null;
                foreach (var tag in point.Tags)
                {
                    switch (tag.Key)
                    {
                        case "http.route": route = tag.Value as string; break;
                        case "http.request.method": method = tag.Value as string; break;
                        case "http.response.status_code": status = Convert.ToInt32(tag.Value, System.Globalization.CultureInfo.InvariantCulture); break;
                    }
                }

                points.Add((route, method, status));
            }
        }

        Assert.That(points, Does.Contain(("/tasks/{id}", "GET", (int?)200)));
        Assert.That(points, Does.Contain(("/tasks/{id}", "GET", (int?)404)));
        Assert.That(points, Does.Contain(("/tasks/", "POST", (int?)201)));
        Assert.That(spans.Select(s => s.GetTagItem("http.route") as string), Does.Contain("/tasks/{id}"));
        Assert.That(spans.Select(s => s.DisplayName), Does.Contain("GET /tasks/{id}"));
    }

    [Test]
    public async Task With_OTEL_EXPORTER_OTLP_ENDPOINT_set_metrics_and_traces_are_exported_over_OTLP()
    {
        using var receiver = new OtlpReceiver();
        using var folder = new TempFolder();
        using var factory = new TaskApiFactory(TestDatabase.Sqlite(folder.File("tasks.db")), builder => builder
            .UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.Endpoint)
            .UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
            .UseSetting("OTEL_METRIC_EXPORT_INTERVAL", "200")
            .UseSetting("OTEL_BSP_SCHEDULE_DELAY", "200"));
        using var client = factory.CreateClient();

        var created = await Api.CreateAsync(client, "exported");
        using var found = await client.GetAsync(new Uri($"/tasks/{created.Id}", UriKind.Relative));

        // OTLP/protobuf carries names and string values as plain UTF-8, so the bytes can be searched.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(receiver.Received("/v1/metrics", "http.server.request.duration", "http.route", "/tasks/{id}")
                 && receiver.Received("/v1/traces", "GET /tasks/{id}")))
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "nothing exported: " + string.Join(", ", receiver.Paths));
            await Task.Delay(100);
        }
    }

    /// <summary>Accepts OTLP/HTTP exports on 127.0.0.1 and keeps their bodies.</summary>
    private sealed class OtlpReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly List<(string Path, byte[] Body)> _requests = [];

        public OtlpReceiver()
        {
            Endpoint = $"http://127.0.0.1:{ProcessRunner.FreePort()}";

            _listener.Prefixes.Add(Endpoint + "/");
            _listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public string Endpoint { get; }

        public IEnumerable<string> Paths
        {
            get
            {
                lock (_requests)
                {
                    return _requests.Select(r => r.Path).ToList();
                }
            }
        }

        public bool Received(string path, params string[] texts)
        {
            lock (_requests)
            {
                return _requests.Any(r => r.Path == path && texts.All(t => r.Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(t)) >= 0));
            }
        }

        public void Dispose() => _listener.Close();

        private async Task AcceptAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                lock (_requests)
                {
                    _requests.Add((context.Request.Url!.AbsolutePath, body.ToArray()));
                }

                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }
    }
}
