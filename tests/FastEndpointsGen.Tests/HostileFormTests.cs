using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FastEndpointsGen.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>
/// Forms a client can get wrong on purpose: malformed multipart, too many or too long fields, bodies over
/// the limit. Each is a 400 (413 for size) in the app's error format, never a 500, and nothing is logged
/// as an error (docs/reliability.md). Run in both error formats; anti-forgery is off here
/// (<see cref="FormAntiforgeryTests"/> covers it), so every request reaches the form reader.
/// </summary>
[TestFixture(ErrorFormat.ProblemDetails)]
[TestFixture(ErrorFormat.FastApi)]
public sealed class HostileFormTests(ErrorFormat format)
{
    private const long MaxBody = 128 * 1024;
    private const int ValueLengthLimit = 1024;
    private const string Multipart = "multipart/form-data; boundary=b";
    private const string UrlEncoded = "application/x-www-form-urlencoded";

    private readonly LogCapture _logs = new();
    private FormApp _app = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void StartApp()
    {
        _app = new FormApp(format, _logs);
        _client = _app.CreateClient();
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        _client.Dispose();
        _app.Dispose();
    }

    [SetUp]
    public void ClearLogs() => _logs.Clear();

    // ---- malformed multipart -------------------------------------------------------------------

    [Test]
    public async Task Multipart_without_a_boundary_is_a_400()
    {
        using var response = await PostAsync("/context/form", Raw(Part("title", "x") + "--b--\r\n", "multipart/form-data"));
        await ShouldBeRefused(response, HttpStatusCode.BadRequest, "boundary");
    }

    [Test]
    public async Task Multipart_with_a_boundary_over_the_limit_is_a_400()
    {
        var boundary = new string('b', 200);
        using var response = await PostAsync("/context/form", Raw($"--{boundary}\r\n", "multipart/form-data; boundary=" + boundary));
        await ShouldBeRefused(response, HttpStatusCode.BadRequest, "boundary length limit 128");
    }

    [TestCase("--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nReport")]
    [TestCase("--b\r\nContent-Disposition: form-data; name=\"title\"\r\n")]
    [TestCase("--b\r\nContent-Disp")]
    [TestCase("--b")]
    public async Task Truncated_multipart_is_a_400(string body)
    {
        using var response = await PostAsync("/context/form", Raw(body, Multipart));
        await ShouldBeRefused(response, HttpStatusCode.BadRequest, "could not be read");
    }

    [TestCase("--b\r\nContent-Disposition form-data\r\n\r\nx\r\n--b--\r\n")]
    [TestCase("--b\r\nX-Other: y\r\n\r\nx\r\n--b--\r\n")]
    [TestCase("--b\r\nContent-Disposition: \r\n\r\nx\r\n--b--\r\n")]
    public async Task Multipart_with_bad_part_headers_is_a_400(string body)
    {
        using var response = await PostAsync("/context/form", Raw(body, Multipart));
        await ShouldBeRefused(response, HttpStatusCode.BadRequest, "could not be read");
    }

    [Test]
    public async Task Multipart_part_headers_over_the_length_limit_are_a_400()
    {
        var body = $"--b\r\nContent-Disposition: form-data; name=\"title\"\r\nX-Long: {new string('h', 20_000)}\r\n\r\nx\r\n--b--\r\n";
        using var response = await PostAsync("/context/form", Raw(body, Multipart));
        await ShouldBeRefused(response, HttpStatusCode.BadRequest, "could not be read");
    }

    [Test]
    public async Task Multipart_part_with_too_many_headers_is_a_400()
    {
        var headers = string.Concat(Enumerable.Range(0, 20).Select(i => $"X-H{i}: v\r\n"));
        var body = $"--b\r\nContent-Disposition: form-data; name=\"title\"\r\n{headers}\r\nx\r\n--b--\r\n";
        using var response = await PostAsync("/context/form", Raw(body, Multipart));
        await ShouldBeRefused(response, HttpStatusCode.BadRequest, "count limit 16");
    }

    // ---- too many, too long --------------------------------------------------------------------

    [Test]
    public async Task More_than_1024_url_encoded_fields_is_a_400()
    {
        var body = "title=x&" + string.Join("&", Enumerable.Range(0, 1024).Select(i => $"f{i}=1"));
        using var response = await PostAsync("/context/form", Raw(body, UrlEncoded));
        await ShouldBeRefused(response, HttpStatusCode.BadRequest, "value count limit 1024");
    }

    [Test]
    public async Task More_than_1024_multipart_files_is_a_400()
    {
        var body = string.Concat(Enumerable.Range(0, 1025).Select(i => File($"f{i}", "a.bin", "x"))) + "--b--\r\n";
        using var response = await PostAsync("/more/files", Raw(body, Multipart));
        await ShouldBeRefused(response, HttpStatusCode.BadRequest, "value count limit 1024");
    }

    [Test]
    public async Task Url_encoded_key_over_the_length_limit_is_a_400()
    {
        using var response = await PostAsync("/context/form", Raw($"title=x&{new string('k', 3000)}=1", UrlEncoded));
        await ShouldBeRefused(response, HttpStatusCode.BadRequest, "key length limit 2048");
    }

    [Test]
    public async Task Url_encoded_value_over_the_length_limit_is_a_400()
    {
        using var response = await PostAsync("/context/form", Raw("title=" + new string('v', ValueLengthLimit + 1), UrlEncoded));
        await ShouldBeRefused(response, HttpStatusCode.BadRequest, $"value length limit {ValueLengthLimit}");
    }

    [Test]
    public async Task Multipart_field_value_over_the_length_limit_is_read_under_the_part_limit()
    {
        // ValueLengthLimit applies to URL-encoded values; a multipart part is bounded by MultipartBodyLengthLimit.
        using var response = await PostAsync("/context/form", Raw(Part("title", new string('v', ValueLengthLimit + 1)) + "--b--\r\n", Multipart));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Part_over_the_apps_MultipartBodyLengthLimit_is_a_400()
    {
        // An app that sets FormOptions.MultipartBodyLengthLimit below MaxRequestBodySize gets what minimal APIs answer.
        using var app = new FormApp(format, _logs, multipartBodyLengthLimit: 1024);
        using var client = app.CreateClient();
        var body = Part("title", "x") + File("file", "big.bin", new string('x', 2048)) + "--b--\r\n";
        using var response = await client.PostAsync(new Uri("/context/form", UriKind.Relative), Raw(body, Multipart));
        await ShouldBeRefused(response, HttpStatusCode.BadRequest, "Multipart body length limit 1024 exceeded");
    }

    // ---- over MaxRequestBodySize ---------------------------------------------------------------

    [Test]
    public async Task Url_encoded_body_over_MaxRequestBodySize_is_a_413()
    {
        using var response = await PostAsync("/context/form", Raw("title=" + new string('v', (int)MaxBody), UrlEncoded));
        await ShouldBeRefused(response, HttpStatusCode.RequestEntityTooLarge, $"limit of {MaxBody} bytes");
    }

    [Test]
    public async Task File_over_MaxRequestBodySize_is_a_413()
    {
        var body = Part("title", "x") + File("file", "big.bin", new string('x', (int)MaxBody)) + "--b--\r\n";
        using var response = await PostAsync("/context/form", Raw(body, Multipart));
        await ShouldBeRefused(response, HttpStatusCode.RequestEntityTooLarge, $"limit of {MaxBody} bytes");
    }

    [Test]
    public async Task Chunked_url_encoded_body_over_MaxRequestBodySize_is_a_413()
    {
        using var response = await PostAsync("/context/form", new UnknownLengthContent("title=" + new string('v', (int)MaxBody), UrlEncoded));
        await ShouldBeRefused(response, HttpStatusCode.RequestEntityTooLarge, $"limit of {MaxBody} bytes");
    }

    [Test]
    public async Task Chunked_file_over_MaxRequestBodySize_is_a_413()
    {
        var body = Part("title", "x") + File("file", "big.bin", new string('x', (int)MaxBody)) + "--b--\r\n";
        using var response = await PostAsync("/context/form", new UnknownLengthContent(body, Multipart));
        await ShouldBeRefused(response, HttpStatusCode.RequestEntityTooLarge, $"limit of {MaxBody} bytes");
    }

    [Test]
    public async Task Chunked_forms_within_the_limit_are_read()
    {
        using var urlEncoded = await PostAsync("/context/form", new UnknownLengthContent("title=Report", UrlEncoded));
        await urlEncoded.ShouldBeText("Report|none|0");

        var body = Part("title", "Report") + File("file", "notes.txt", new string('x', 1000)) + "--b--\r\n";
        using var multipart = await PostAsync("/context/form", new UnknownLengthContent(body, Multipart));
        await multipart.ShouldBeText("Report|notes.txt|1000");
        Assert.That(_logs.Entries.Where(e => e.Level >= LogLevel.Error), Is.Empty);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Task<HttpResponseMessage> PostAsync(string url, HttpContent content) =>
        _client.PostAsync(new Uri(url, UriKind.Relative), content);

    private static string Part(string name, string value) =>
        $"--b\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n";

    private static string File(string name, string fileName, string content) =>
        $"--b\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{fileName}\"\r\n\r\n{content}\r\n";

    private static ByteArrayContent Raw(string body, string contentType) => Http.Bytes(Encoding.UTF8.GetBytes(body), contentType);

    /// <summary>
    /// Asserts the refusal in this fixture's error format, and that the app logged it at Debug, with no
    /// error-level entry and no exception (stack trace) anywhere in the log.
    /// </summary>
    private async Task ShouldBeRefused(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        var body = await response.BodyAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        Assert.Multiple(() =>
        {
            if (format == ErrorFormat.ProblemDetails)
            {
                Assert.That(response.MediaType(), Is.EqualTo("application/problem+json"));
                Assert.That(root.GetProperty("type").GetString(), Is.EqualTo(status == HttpStatusCode.BadRequest
                    ? "https://tools.ietf.org/html/rfc9110#section-15.5.1"
                    : "https://tools.ietf.org/html/rfc9110#section-15.5.14"));
                Assert.That(root.GetProperty("title").GetString(), Is.EqualTo(status == HttpStatusCode.BadRequest ? "Bad Request" : "Payload Too Large"));
                Assert.That(root.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
            }
            else
            {
                Assert.That(response.MediaType(), Is.EqualTo("application/json"));
                Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "detail" }));
            }

            Assert.That(root.GetProperty("detail").GetString(), Does.Contain(detail).IgnoreCase);
            Assert.That(_logs.Entries.Where(e => e.Level >= LogLevel.Error || e.Exception is not null), Is.Empty);
            Assert.That(_logs.Entries.Where(e => e.Category == "FastEndpointsGen" && e.Level == LogLevel.Debug && e.Message.StartsWith("Refused the form", StringComparison.Ordinal)), Is.Not.Empty);
        });
    }

    /// <summary>A body sent without Content-Length (chunked), so its size is only known as it arrives.</summary>
    private sealed class UnknownLengthContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnknownLengthContent(string body, string contentType)
        {
            _bytes = Encoding.UTF8.GetBytes(body);
            Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>The feature app in Production, anti-forgery off, small limits, every log entry captured.</summary>
    private sealed class FormApp(ErrorFormat format, LogCapture logs, long? multipartBodyLengthLimit = null) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("DisableAntiforgery", "true");
            builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
            builder.ConfigureServices(services =>
            {
                services.Configure<FastEndpointsGenOptions>(o =>
                {
                    o.ErrorFormat = format;
                    o.MaxRequestBodySize = MaxBody;
                });
                services.Configure<FormOptions>(o =>
                {
                    o.ValueLengthLimit = ValueLengthLimit;
                    o.MultipartBodyLengthLimit = multipartBodyLengthLimit ?? o.MultipartBodyLengthLimit;
                });
            });
        }
    }
}
