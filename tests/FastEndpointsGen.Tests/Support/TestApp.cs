using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace FastEndpointsGen.Tests.Support;

/// <summary>
/// The feature test app hosted in memory. Development by default (as <see cref="WebApplicationFactory{T}"/> is);
/// another environment, option overrides or ASP.NET Core <see cref="JsonOptions"/> make a separate host.
/// </summary>
public class TestAppFactory(string environment = "Development", Action<FastEndpointsGenOptions>? configure = null,
    Action<JsonOptions>? configureJson = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);

        // Crash tests log an error with a stack trace on purpose; keep the test output readable.
        builder.ConfigureLogging(logging => logging.ClearProviders());
        if (configure is not null)
        {
            builder.ConfigureServices(services => services.Configure(configure));
        }

        if (configureJson is not null)
        {
            builder.ConfigureServices(services => services.Configure(configureJson));
        }
    }
}

/// <summary>One app per fixture: started in [OneTimeSetUp], stopped in [OneTimeTearDown].</summary>
public abstract class AppTests
{
    private TestAppFactory? _factory;
    private string? _antiforgeryToken;

    /// <summary>A client of this fixture's app.</summary>
    protected HttpClient Client { get; private set; } = null!;

    /// <summary>The app's services.</summary>
    protected IServiceProvider Services => _factory!.Services;

    [OneTimeSetUp]
    public void StartApp()
    {
        _factory = CreateFactory();
        Client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        Client?.Dispose();
        _factory?.Dispose();
    }

    /// <summary>The app this fixture talks to; override for other options or another environment.</summary>
    protected virtual TestAppFactory CreateFactory() => new();

    protected Task<HttpResponseMessage> GetAsync(string url) => Client.GetAsync(new Uri(url, UriKind.Relative));

    protected Task<HttpResponseMessage> PostJsonAsync(string url, string json) => SendJsonAsync(HttpMethod.Post, url, json);

    protected Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string url, string json) =>
        SendAsync(method, url, Http.Json(json));

    /// <summary>
    /// Posts a form with a valid anti-forgery token in the <c>RequestVerificationToken</c> header; the token is
    /// fetched once per fixture and the client keeps its cookie, as a browser would.
    /// </summary>
    protected async Task<HttpResponseMessage> PostFormAsync(string url, HttpContent content) =>
        await SendAsync(HttpMethod.Post, url, content, (AntiforgeryHeader, await AntiforgeryTokenAsync()));

    /// <summary>The header ASP.NET's anti-forgery reads the request token from by default.</summary>
    protected const string AntiforgeryHeader = "RequestVerificationToken";

    /// <summary>A request token issued by the app to this fixture's client (whose cookie jar holds the matching cookie).</summary>
    protected async Task<string> AntiforgeryTokenAsync()
    {
        if (_antiforgeryToken is null)
        {
            using var response = await GetAsync("/context/antiforgery-token");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            _antiforgeryToken = await response.BodyAsync();
        }

        return _antiforgeryToken;
    }

    protected async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = content };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await Client.SendAsync(request);
    }
}

/// <summary>Request bodies and response reading.</summary>
public static class Http
{
    /// <summary>A JSON body (<c>application/json; charset=utf-8</c>).</summary>
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Raw bytes with an optional content type.</summary>
    public static ByteArrayContent Bytes(byte[] bytes, string? contentType = "application/json")
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        return content;
    }

    public static Task<string> BodyAsync(this HttpResponseMessage response) => response.Content.ReadAsStringAsync();

    public static string? MediaType(this HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType;

    /// <summary>Asserts a successful response with the given media type and exact body.</summary>
    public static async Task ShouldBe(this HttpResponseMessage response, HttpStatusCode status, string mediaType, string body)
    {
        var actual = await response.BodyAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), actual);
            Assert.That(response.MediaType(), Is.EqualTo(mediaType));
            Assert.That(actual, Is.EqualTo(body));
        });
    }

    /// <summary>
    /// Asserts the status, media type and a body equal to <paramref name="json"/> as JSON values (member order
    /// and string escaping aside), for shapes where the structure is the contract.
    /// </summary>
    public static async Task ShouldBeEquivalentJson(this HttpResponseMessage response, HttpStatusCode status, string mediaType, string json)
    {
        var actual = await response.BodyAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), actual);
            Assert.That(response.MediaType(), Is.EqualTo(mediaType));
        });
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(actual), JsonNode.Parse(json)), Is.True, $"expected {json}{Environment.NewLine}but was  {actual}");
    }

    /// <summary>Asserts a 200 <c>application/json</c> response with exactly this body.</summary>
    public static Task ShouldBeJson(this HttpResponseMessage response, string json) =>
        response.ShouldBe(HttpStatusCode.OK, "application/json", json);

    /// <summary>Asserts a 200 <c>text/plain</c> response with exactly this body.</summary>
    public static Task ShouldBeText(this HttpResponseMessage response, string text) =>
        response.ShouldBe(HttpStatusCode.OK, "text/plain", text);
}

/// <summary>Reads and checks problem-details error responses (docs/errors.md).</summary>
public static class Problem
{
    public const string ValidationType = "https://tools.ietf.org/html/rfc9110#section-15.5.21";
    public const string ValidationTitle = "One or more validation errors occurred.";

    /// <summary>The <c>errors</c> map of a validation problem, after checking its status, media type and header members.</summary>
    public static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response, int status = 422)
    {
        var body = await response.BodyAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(status), body);
            Assert.That(response.MediaType(), Is.EqualTo("application/problem+json"), body);
        });

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("title").GetString(), Is.EqualTo(ValidationTitle));
            Assert.That(root.GetProperty("status").GetInt32(), Is.EqualTo(status));
        });

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var member in root.GetProperty("errors").EnumerateObject())
        {
            errors[member.Name] = [.. member.Value.EnumerateArray().Select(message => message.GetString()!)];
        }

        return errors;
    }

    /// <summary>Asserts a 422 whose only error is <paramref name="message"/> at <paramref name="key"/>.</summary>
    public static Task ShouldHaveSingleError(this HttpResponseMessage response, string key, string message) =>
        response.ShouldHaveErrors((key, message));

    /// <summary>Asserts a 422 whose errors are exactly these, one message per key (in any order).</summary>
    public static async Task ShouldHaveErrors(this HttpResponseMessage response, params (string Key, string Message)[] expected)
    {
        var errors = await ErrorsAsync(response);

        // Compared as "key: message" lines so a failure shows exactly which entries differ.
        var actual = errors.Select(error => $"{error.Key}: {string.Join(" | ", error.Value)}");
        Assert.That(actual, Is.EquivalentTo(expected.Select(error => $"{error.Key}: {error.Message}")));
    }

    /// <summary>Asserts a non-validation problem (<c>HttpError</c>, 413, 415, 500) and returns its parsed body.</summary>
    public static async Task<JsonElement> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode status, string type, string title)
    {
        var body = await response.BodyAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), body);
            Assert.That(response.MediaType(), Is.EqualTo("application/problem+json"), body);
        });

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement.Clone();
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("type").GetString(), Is.EqualTo(type));
            Assert.That(root.GetProperty("title").GetString(), Is.EqualTo(title));
            Assert.That(root.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
        });
        return root;
    }
}

/// <summary>Commonly used messages (FastAPI/pydantic wording, docs/errors.md).</summary>
public static class Messages
{
    public const string Required = "Field required";
    public const string Int = "Input should be a valid integer, unable to parse string as an integer";
    public const string IntFromFloat = "Input should be a valid integer, got a number with a fractional part";
    public const string IntTooBig = "Input should be a valid integer, the number is out of range";
    public const string IntType = "Input should be a valid integer";
    public const string Float = "Input should be a valid number, unable to parse string as a number";
    public const string FloatType = "Input should be a valid number";
    public const string Decimal = "Input should be a valid decimal";
    public const string Bool = "Input should be a valid boolean, unable to interpret input";
    public const string BoolType = "Input should be a valid boolean";
    public const string Uuid = "Input should be a valid UUID";
    public const string Date = "Input should be a valid date in the format YYYY-MM-DD";
    public const string DateTime = "Input should be a valid datetime";
    public const string Time = "Input should be in a valid time format";
    public const string TimeSpan = "Input should be a valid timedelta";
    public const string Char = "Input should be a single character";
    public const string String = "Input should be a valid string";
    public const string Object = "Input should be a valid dictionary or object to extract fields from";
    public const string List = "Input should be a valid list";
    public const string Dictionary = "Input should be a valid dictionary";
    public const string Priority = "Input should be 'Low', 'Medium' or 'High'";
    public const string Shade = "Input should be 'light-grey' or 'Dark'";
    public const string Extra = "Extra inputs are not permitted";
}

/// <summary>Sample request bodies shared by several fixtures.</summary>
public static class Samples
{
    public const string Product =
        """{"name":"Desk","price":120.5,"priority":"high","size":{"width":1.5,"height":2},"tags":["office","wood"],"stock":{"berlin":3,"paris":0}}""";

    public const string ProductEcho =
        """{"name":"Desk","price":120.5,"priority":"High","size":{"width":1.5,"height":2},"tags":["office","wood"],"stock":{"berlin":3,"paris":0},"active":true}""";

    public const string MinimalOrder = """{"id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","version":1}""";

    /// <summary>Every body endpoint of the test app, with the method it answers.</summary>
    public static readonly (HttpMethod Method, string Url)[] BodyEndpoints =
    [
        (HttpMethod.Post, "/json/product"),
        (HttpMethod.Post, "/json/order"),
        (HttpMethod.Put, "/json/point"),
        (HttpMethod.Post, "/json/tree"),
        (HttpMethod.Post, "/json/list"),
        (HttpMethod.Patch, "/json/dictionary"),
        (HttpMethod.Post, "/json/optional"),
        (HttpMethod.Post, "/json/with-route/1"),
        (HttpMethod.Post, "/responses/created"),
    ];

    /// <summary>An HTTP status that is a client error, never a server error.</summary>
    public static bool IsClientError(HttpStatusCode status) => (int)status is >= 400 and < 500;
}
