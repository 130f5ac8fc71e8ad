using System.Diagnostics;
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
}
