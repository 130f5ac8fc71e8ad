namespace FastEndpointsGen.Benchmarks;

/// <summary>The four ways of writing the same endpoints.</summary>
public enum Framework
{
    MinimalApi,
    FastEndpointsGen,
    FastEndpoints,
    RawKestrel,
}

/// <summary>The requests every app answers the same way (see benchmarks/README.md).</summary>
public enum Scenario
{
    /// <summary>GET /items/42: one ~300-byte model by route id.</summary>
    GetById,

    /// <summary>POST /orders: a nested model with 11 rules over 8 members, all passing; 201.</summary>
    PostValid,

    /// <summary>POST /orders with 6 rule violations; the framework's validation error response.</summary>
    PostInvalid,

    /// <summary>GET /items: a list of 100 models (~29 KB).</summary>
    List100,
}

/// <summary>Builds the apps and the scenario requests.</summary>
public static class Apps
{
    public static InProcessHost Start(Framework framework) => InProcessHost.For(framework switch
    {
        Framework.MinimalApi => Bench.MinimalApiApp.BenchApp.Create([]),
        Framework.FastEndpointsGen => Bench.FastEndpointsGenApp.BenchApp.Create([]),
        Framework.FastEndpoints => Bench.FastEndpointsApp.BenchApp.Create([]),
        Framework.RawKestrel => Bench.RawApp.BenchApp.Create([]),
        _ => throw new ArgumentOutOfRangeException(nameof(framework)),
    });

    public static BenchRequest Request(Scenario scenario) => scenario switch
    {
        Scenario.GetById => new("GET", "/items/42"),
        Scenario.PostValid => new("POST", "/orders", Payload("order-valid.json")),
        Scenario.PostInvalid => new("POST", "/orders", Payload("order-invalid.json")),
        Scenario.List100 => new("GET", "/items"),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
    };

    /// <summary>The status each app must answer with; the body checks live in <see cref="Check"/>.</summary>
    public static int ExpectedStatus(Framework framework, Scenario scenario) => scenario switch
    {
        Scenario.PostValid => 201,
        // FastEndpointsGen's default error format answers validation failures with 422, like FastAPI.
        Scenario.PostInvalid => framework == Framework.FastEndpointsGen ? 422 : 400,
        _ => 200,
    };

    /// <summary>Sends the scenario once and fails loudly unless the app answered it in full.</summary>
    public static async Task<string> Check(InProcessHost host, Framework framework, Scenario scenario)
    {
        await host.SendAsync(Request(scenario));
        var body = host.Body;
        var expected = ExpectedStatus(framework, scenario);
        var ok = host.StatusCode == expected && scenario switch
        {
            Scenario.GetById => body.Contains("\"sku\":\"SKU-000042\"", StringComparison.Ordinal) && body.Length > 250,
            Scenario.PostValid => body == "{\"id\":1001,\"lines\":3,\"quantity\":8}",
            Scenario.PostInvalid => CountErrors(body) == 6,
            Scenario.List100 => body.Split("\"sku\":", StringSplitOptions.None).Length == 101,
            _ => false,
        };
        if (!ok)
        {
            throw new InvalidOperationException($"{framework} answered {scenario} with {host.StatusCode} (expected {expected}): {body}");
        }

        return body;
    }

    private static byte[] Payload(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "payloads", name));

    private static int CountErrors(string body)
    {
        using var document = System.Text.Json.JsonDocument.Parse(body);
        return document.RootElement.GetProperty("errors").EnumerateObject().Count();
    }
}
