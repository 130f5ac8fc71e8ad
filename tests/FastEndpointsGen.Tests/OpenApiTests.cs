using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using FastEndpointsGen.Tests.Support;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>
/// The compile-time OpenAPI document as served by <c>MapApiDocs()</c> (docs/openapi.md): it validates with
/// Microsoft.OpenApi's reader, and it carries the docs, constraints, nullability, enums and responses
/// the generator read from the handlers and models.
/// </summary>
public class OpenApiTests : AppTests
{
    private JsonObject _document = null!;

    [OneTimeSetUp]
    public async Task LoadDocument()
    {
        using var response = await GetAsync("/openapi.json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        _document = JsonNode.Parse(await response.BodyAsync())!.AsObject();
    }

    private JsonNode Operation(string path, string method) => _document["paths"]![path]![method]!;

    private JsonNode Schema(string name) => _document["components"]!["schemas"]![name]!;

    private JsonNode Parameter(string path, string method, string name) =>
        Operation(path, method)["parameters"]!.AsArray().Single(p => (string)p!["name"]! == name)!;

    [Test]
    public async Task Document_ParsesWithMicrosoftOpenApiReader_WithNoErrorsOrWarnings()
    {
        using var response = await GetAsync("/openapi.json");
        Assert.That(response.MediaType(), Is.EqualTo("application/json"));

        var result = OpenApiDocument.Parse(await response.BodyAsync(), "json");

        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostic!.Errors, Is.Empty, string.Join("\n", result.Diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}")));
            Assert.That(result.Diagnostic.Warnings, Is.Empty, string.Join("\n", result.Diagnostic.Warnings.Select(e => $"{e.Pointer}: {e.Message}")));
            Assert.That(result.Diagnostic.SpecificationVersion, Is.EqualTo(OpenApiSpecVersion.OpenApi3_1));
            Assert.That(result.Document!.Paths, Does.ContainKey("/validation/signup"));
        });
    }

    [Test]
    public async Task Document_IsBuiltOnce_AndServedQuickly()
    {
        using var first = await GetAsync("/openapi.json");
        var bytes = await first.Content.ReadAsByteArrayAsync();
        const int requests = 50;
        var same = true;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < requests; i++)
        {
            using var again = await GetAsync("/openapi.json");
            same &= (await again.Content.ReadAsByteArrayAsync()).AsSpan().SequenceEqual(bytes);
        }

        watch.Stop();
        TestContext.Out.WriteLine($"TestApp document: {bytes.Length} bytes, {watch.Elapsed.TotalMilliseconds / requests:F3} ms per in-memory request.");
        Assert.That(same, Is.True, "every response carries the same bytes");
        Assert.That(first.Content.Headers.ContentLength, Is.EqualTo(bytes.Length));
    }

    [Test]
    public void Info_ComesFromTheOptions()
    {
        Assert.Multiple(() =>
        {
            Assert.That((string?)_document["openapi"], Is.EqualTo("3.1.1"));
            Assert.That((string?)_document["info"]!["title"], Is.EqualTo("Feature test app"));
            Assert.That((string?)_document["info"]!["version"], Is.EqualTo("1.0.0"));
        });
    }

    [Test]
    public void XmlDocComments_BecomeSummariesAndDescriptions()
    {
        var signup = Operation("/validation/signup", "post");
        var item = Operation("/validation/items/{id}", "get");
        Assert.Multiple(() =>
        {
            Assert.That((string?)signup["summary"], Is.EqualTo("Sign up"));
            Assert.That((string?)signup["description"], Is.EqualTo("Every DataAnnotations rule is checked, and all errors are reported at once."));
            Assert.That((string?)signup["requestBody"]!["description"], Is.EqualTo("The new account."));
            Assert.That((string?)signup["responses"]!["200"]!["description"], Is.EqualTo("A greeting."));
            Assert.That((string?)Parameter("/validation/items/{id}", "get", "id")["description"], Is.EqualTo("The item's identifier (1 to 1000)."));
            Assert.That((string?)item["responses"]!["404"]!["description"], Is.EqualTo("No item has this identifier."));
            Assert.That((string?)item["responses"]!["404"]!["content"]!["application/problem+json"]!["schema"]!["$ref"], Is.EqualTo("#/components/schemas/ProblemDetails"));
            Assert.That((string?)Operation("/ping", "get")["summary"], Is.EqualTo("Health check (use `/health` instead)"));
            Assert.That((string?)Schema("Signup")["description"], Is.EqualTo("A model that uses every compiled validation rule."));
            Assert.That((string?)Schema("Signup")["properties"]!["username"]!["description"], Is.EqualTo("The login name, 3 to 20 characters."));
            Assert.That((string?)Schema("Address")["description"], Is.EqualTo("A postal address."));
            Assert.That((string?)Schema("Priority")["description"], Is.EqualTo("How urgent something is."));
            var tags = _document["tags"]!.AsArray();
            Assert.That((string?)tags.Single(t => (string)t!["name"]! == "Validation")!["description"], Is.EqualTo("Validation on bodies and on route, query and header parameters."));
        });
    }

    [Test]
    public void ModelConstraints_ComeFromTheSameValidationRules()
    {
        var properties = Schema("Signup")["properties"]!;
        Assert.Multiple(() =>
        {
            Assert.That(properties["username"]!.ToJsonString(), Is.EqualTo("""{"type":"string","minLength":3,"pattern":"^\\s*\\S[\\s\\S]*$","maxLength":20,"description":"The login name, 3 to 20 characters."}"""));
            Assert.That((string?)properties["email"]!["format"], Is.EqualTo("email"));
            Assert.That(properties["age"]!.ToJsonString(), Is.EqualTo("""{"type":"integer","format":"int32","minimum":18,"maximum":130}"""));
            Assert.That((double)properties["score"]!["minimum"]!, Is.EqualTo(0.5));
            Assert.That((double)properties["fee"]!["maximum"]!, Is.EqualTo(999.99));
            Assert.That((string?)properties["start"]!["format"], Is.EqualTo("date"));
            Assert.That((string?)properties["code"]!["pattern"], Is.EqualTo(@"^(?:[A-Z]{3}-\d{2})$"));
            Assert.That((string?)properties["homepage"]!["format"], Is.EqualTo("uri"));
            Assert.That(properties["color"]!["enum"]!.ToJsonString(), Is.EqualTo("""["red","green"]"""));
            Assert.That(properties["nickname"]!["not"]!["enum"]!.ToJsonString(), Is.EqualTo("""["root","admin"]"""));
            Assert.That((int)properties["tags"]!["minItems"]!, Is.EqualTo(1));
            Assert.That((int)properties["tags"]!["maxItems"]!, Is.EqualTo(3));
            Assert.That((int)properties["roles"]!["maxItems"]!, Is.EqualTo(2));
            Assert.That((int)properties["bio"]!["maxLength"]!, Is.EqualTo(5));
            Assert.That((string?)properties["password"]!["format"], Is.EqualTo("password"));
            Assert.That((string?)properties["avatar"]!["contentEncoding"], Is.EqualTo("base64"));
            Assert.That(Schema("Signup")["required"]!.AsArray().Select(n => (string)n!), Does.Contain("username").And.Not.Contain("homepage").And.Not.Contain("previous"));
            Assert.That((int)Schema("Address")["properties"]!["street"]!["minLength"]!, Is.EqualTo(1));
            Assert.That((int)Schema("Window")["properties"]!["from"]!["exclusiveMaximum"]!, Is.EqualTo(100));
            Assert.That((int)Schema("Window")["properties"]!["to"]!["exclusiveMinimum"]!, Is.EqualTo(0));
        });
    }

    [Test]
    public void ParameterConstraints_ComeFromTheSameValidationRules()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Parameter("/validation/items/{id}", "get", "id").ToJsonString(), Is.EqualTo(
                """{"name":"id","in":"path","description":"The item\u0027s identifier (1 to 1000).","required":true,"schema":{"type":"integer","format":"int32","minimum":1,"maximum":1000}}"""));
            Assert.That(Parameter("/validation/items/{id}", "get", "limit")["schema"]!.ToJsonString(), Is.EqualTo("""{"type":"integer","format":"int32","minimum":1,"maximum":100,"default":50}"""));
            Assert.That((bool)Parameter("/validation/items/{id}", "get", "limit")["required"]!, Is.False);
            Assert.That(Parameter("/validation/items/{id}", "get", "search")["schema"]!.ToJsonString(), Is.EqualTo("""{"type":"string","minLength":2,"maxLength":10}"""));
            Assert.That((string?)Parameter("/validation/items/{id}", "get", "X-Request-Id")["in"], Is.EqualTo("header"));
            Assert.That((string?)Parameter("/validation/items/{id}", "get", "X-Request-Id")["schema"]!["pattern"], Is.EqualTo("^(?:[a-z0-9-]+)$"));
            Assert.That((bool)Parameter("/query/required", "get", "limit")["required"]!, Is.True);
            Assert.That(Parameter("/query/array", "get", "ids")["schema"]!.ToJsonString(), Is.EqualTo("""{"type":"array","items":{"type":"integer","format":"int32"}}"""));
            Assert.That((string?)Parameter("/query/list", "get", "priorities")["schema"]!["items"]!["$ref"], Is.EqualTo("#/components/schemas/Priority"));
            Assert.That((string?)Parameter("/query/paging", "get", "page")["in"], Is.EqualTo("query"));
        });
    }

    [Test]
    public void RouteTemplates_LoseTheirConstraints()
    {
        var paths = _document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(paths, Does.Contain("/route/long/{id}").And.Contain("/route/guid/{id}").And.Contain("/route/optional/{id}"));
            Assert.That(paths.Where(p => p.Contains(':') || p.Contains('?')), Is.Empty);
            Assert.That((string?)Parameter("/route/guid/{id}", "get", "id")["schema"]!["format"], Is.EqualTo("uuid"));
            Assert.That((bool)Parameter("/route/optional/{id}", "get", "id")["required"]!, Is.True, "OpenAPI path parameters are always required");
        });
    }

    [Test]
    public void Nullability_UsesTypeArrays()
    {
        var product = Schema("Product")["properties"]!;
        var order = Schema("Order")["properties"]!;
        Assert.Multiple(() =>
        {
            Assert.That(Schema("Signup")["properties"]!["homepage"]!["type"]!.ToJsonString(), Is.EqualTo("""["string","null"]"""));
            Assert.That(order["at"]!.ToJsonString(), Is.EqualTo("""{"type":["string","null"],"format":"time"}"""));
            Assert.That(product["size"]!.ToJsonString(), Is.EqualTo("""{"anyOf":[{"$ref":"#/components/schemas/Dimensions"},{"type":"null"}]}"""));
            Assert.That(product["stock"]!["type"]!.ToJsonString(), Is.EqualTo("""["object","null"]"""));
            Assert.That((string?)order["id"]!["format"], Is.EqualTo("uuid"));
            Assert.That((string?)order["created"]!["format"], Is.EqualTo("date-time"));
        });
    }

    [Test]
    public void Enums_AreListedAsSerialized()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Schema("Priority")["enum"]!.ToJsonString(), Is.EqualTo("""["Low","Medium","High"]"""));
            Assert.That(Schema("Shade")["enum"]!.ToJsonString(), Is.EqualTo("""["light-grey","Dark"]"""));
            Assert.That((string?)Schema("Order")["properties"]!["customer_name"]!["type"], Is.EqualTo("string"), "JSON names, not C# names");
        });
    }

    [Test]
    public void Responses_FollowTheReturnTypes()
    {
        Assert.Multiple(() =>
        {
            Assert.That((string?)Operation("/responses/model", "get")["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"], Is.EqualTo("#/components/schemas/Product"));
            Assert.That((string?)Operation("/responses/text", "get")["responses"]!["200"]!["content"]!["text/plain"]!["schema"]!["type"], Is.EqualTo("string"));
            Assert.That(Operation("/responses/void", "delete")["responses"]!.AsObject().Select(r => r.Key), Is.EqualTo(new[] { "204" }));
            Assert.That(Operation("/responses/created", "post")["responses"]!.AsObject().Select(r => r.Key), Is.EqualTo(new[] { "201", "413", "415", "422" }));
            Assert.That(Operation("/responses/list", "get")["responses"]!["200"]!["content"]!["application/json"]!["schema"]!.ToJsonString(),
                Is.EqualTo("""{"type":"array","items":{"$ref":"#/components/schemas/Dimensions"}}"""));
            Assert.That(Operation("/responses/null", "get")["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["anyOf"], Is.Not.Null);

            var result = Operation("/responses/result/{id}", "get")["responses"]!;
            Assert.That(result.AsObject().Select(r => r.Key), Is.EqualTo(new[] { "200", "404", "422" }));
            Assert.That((string?)result["200"]!["description"], Is.EqualTo("The product."));
            Assert.That((string?)result["200"]!["content"]!["application/json"]!["schema"]!["$ref"], Is.EqualTo("#/components/schemas/Product"));
            Assert.That(result["404"]!["content"], Is.Null);
        });
    }

    [Test]
    public void ValidationResponse_IsOnEveryOperationWithInput_AndReferencesTheErrorSchema()
    {
        foreach (var (path, item) in _document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                // A raw Stream body or a file collection is the handler's to read: nothing is validated, so no 422.
                var content = operation!["requestBody"]?["content"];
                // A required parameter that binds itself (BindAsync) can be missing too, with nothing in "parameters".
                var hasInput = operation["parameters"] is not null || content?["application/json"] is not null
                    || content?["multipart/form-data"]?["schema"]?["required"] is not null
                    || path is "/deps/me" or "/deps/page" or "/deps/tenant/required"
                    // A form model with no required field still answers 422 when its constructor or setter refuses a value,
                    // or when its class-level rules or IValidatableObject do.
                    || path is "/model-errors/broken-form" or "/custom-rules/stay";
                var validation = operation["responses"]!["422"];
                Assert.That(validation is not null, Is.EqualTo(hasInput), $"{method} {path}");
                if (validation is not null)
                {
                    Assert.That((string?)validation["content"]!["application/problem+json"]!["schema"]!["$ref"], Is.EqualTo("#/components/schemas/ValidationProblem"), $"{method} {path}");
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(Schema("ValidationProblem")["required"]!.ToJsonString(), Is.EqualTo("""["type","title","status","errors"]"""));
            Assert.That((string?)Schema("ValidationProblem")["properties"]!["errors"]!["additionalProperties"]!["type"], Is.EqualTo("array"));
            // Only the schemas of the format in use: FastAPI's would be dead classes in every generated client.
            Assert.That(_document["components"]!["schemas"]!.AsObject().Select(s => s.Key), Has.None.StartsWith("FastApi"));
        });
    }

    /// <summary>
    /// Every answer the server gives is one the document lists: thrown <c>HttpError</c>s (also from a called helper), a
    /// body that is too large or not JSON, a request that is not a form.
    /// </summary>
    [TestCase("GET", "/more/not-found", "/more/not-found", null, null, 404)]
    [TestCase("GET", "/more/locked/{id}", "/more/locked/0", null, null, 423)]
    [TestCase("POST", "/json/product", "/json/product", "text/plain", "hello", 415)]
    [TestCase("POST", "/json/product", "/json/product", "application/json", "big", 413)]
    [TestCase("POST", "/context/form", "/context/form", "application/json", "{}", 415)]
    public async Task EveryAnswer_IsDocumented(string method, string path, string url, string? contentType, string? body, int expected)
    {
        HttpContent? content = null;
        if (body is not null)
        {
            var text = body == "big" ? "[" + new string(' ', 2 * 1024 * 1024) + "]" : body;
            content = new StringContent(text, System.Text.Encoding.UTF8, contentType!);
        }

        // With a valid anti-forgery token, so a form endpoint gets as far as reading the body.
        using var response = await SendAsync(new HttpMethod(method), url, content, (AntiforgeryHeader, await AntiforgeryTokenAsync()));

        Assert.That((int)response.StatusCode, Is.EqualTo(expected));
        var responses = Operation(path, method.ToLowerInvariant())["responses"]!.AsObject();
        Assert.That(responses.Select(r => r.Key), Has.Member(expected.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (expected >= 400)
        {
            Assert.That((string?)responses[expected.ToString(System.Globalization.CultureInfo.InvariantCulture)]!["content"]!["application/problem+json"]!["schema"]!["$ref"],
                Is.EqualTo("#/components/schemas/ProblemDetails"));
        }
    }

    [Test]
    public void OperationIds_AreTheUniqueEndpointNames()
    {
        var ids = _document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (string?)o.Value!["operationId"]))
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Has.None.Null);
            Assert.That(ids, Is.Unique);
            Assert.That((string?)Operation("/ping", "get")["operationId"], Is.EqualTo("Ping"));
            // Two handlers named List: qualified by their class, as MapGeneratedEndpoints names them.
            Assert.That((string?)Operation("/query/list", "get")["operationId"], Is.EqualTo("QueryEndpointsList"));
        });
    }

    [Test]
    public void Deprecated_TagsAndSecurity()
    {
        Assert.Multiple(() =>
        {
            Assert.That((bool?)Operation("/ping", "get")["deprecated"], Is.True);
            Assert.That(Operation("/query/required", "get")["deprecated"], Is.Null);
            Assert.That(Operation("/query/required", "get")["tags"]!.ToJsonString(), Is.EqualTo("""["Query"]"""));
            Assert.That(Operation("/secure/me", "get")["security"]!.ToJsonString(), Is.EqualTo("""[{"bearer":[]}]"""));
            Assert.That(Operation("/secure/me", "get")["responses"]!.AsObject().Select(r => r.Key), Does.Contain("401").And.Not.Contain("403"));
            Assert.That(Operation("/secure/admin", "get")["responses"]!.AsObject().Select(r => r.Key), Does.Contain("403"));
            Assert.That(Operation("/secure/public", "get")["security"], Is.Null);
            Assert.That((string?)_document["components"]!["securitySchemes"]!["bearer"]!["scheme"], Is.EqualTo("bearer"));
        });
    }

    [Test]
    public void BodiesAndForms_AreRequestBodies()
    {
        Assert.Multiple(() =>
        {
            Assert.That((bool)Operation("/json/product", "post")["requestBody"]!["required"]!, Is.True);
            Assert.That((bool)Operation("/json/optional", "post")["requestBody"]!["required"]!, Is.False);
            var form = Operation("/context/form", "post")["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!;
            Assert.That(form["properties"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "title", "file" }));
            Assert.That(form["required"]!.ToJsonString(), Is.EqualTo("""["title"]"""));
            Assert.That(Operation("/context/stream", "post")["requestBody"]!["content"]!["application/octet-stream"], Is.Not.Null);
        });
    }

    [Test]
    public async Task DocsPage_IsScalar_WithEmbeddedAssets()
    {
        using var response = await GetAsync("/docs");
        var html = await response.BodyAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
            Assert.That(response.MediaType(), Is.EqualTo("text/html"));
            Assert.That(html, Does.Contain("Feature test app"));
            // Scalar resolves the document's URL against the app's base path: /openapi.json.
            Assert.That(html, Does.Contain("\"url\":\"openapi.json\""));
            Assert.That(html, Does.Not.Contain("cdn.jsdelivr.net").And.Not.Contain("unpkg.com"));
            // Nothing that sends the description elsewhere: no AI agent, no MCP, no developer toolbar, no telemetry.
            Assert.That(html, Does.Contain("\"agent\":{\"disabled\":true}").And.Contain("\"mcp\":{\"disabled\":true}")
                .And.Contain("\"showDeveloperTools\":\"never\"").And.Contain("\"telemetry\":false"));
        });

        var script = System.Text.RegularExpressions.Regex.Match(html, "<script[^>]+src=\"([^\"]+)\"").Groups[1].Value;
        Assert.That(script, Is.Not.Empty, html);
        using var bundle = await GetAsync(script.StartsWith('/') ? script : "/docs/" + script);
        Assert.That(bundle.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"the Scalar bundle {script} is served by the app");
    }

    [Test]
    public async Task MicrosoftOpenApiDocument_HasTheGeneratedOperations_AndTheAppsTransformersStillRun()
    {
        using var response = await GetAsync("/openapi/v1.json");
        var text = await response.BodyAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        var result = OpenApiDocument.Parse(text, "json");
        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostic!.Errors, Is.Empty, string.Join("\n", result.Diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}")));
            Assert.That(result.Document!.Paths, Does.ContainKey("/validation/signup"));
            Assert.That(result.Document.Paths["/validation/signup"].Operations![HttpMethod.Post].Summary, Is.EqualTo("Sign up"));
            Assert.That(result.Document.Components!.Schemas, Does.ContainKey("Signup").And.ContainKey("ValidationProblem"));
            Assert.That(result.Document.Info.Title, Is.EqualTo("Feature test app"));
            Assert.That(result.Document.Info.Contact?.Name, Is.EqualTo("Feature test team"));
        });
        var node = JsonNode.Parse(text)!;
        Assert.That((int)node["components"]!["schemas"]!["Signup"]!["properties"]!["age"]!["maximum"]!, Is.EqualTo(130));
    }
}

/// <summary>With <c>ErrorFormat.FastApi</c> and another validation status, the served document says so.</summary>
public class OpenApiFastApiFormatTests : AppTests
{
    protected override TestAppFactory CreateFactory() => new(configure: o =>
    {
        o.ErrorFormat = ErrorFormat.FastApi;
        o.ValidationStatusCode = 400;
        o.Title = "Renamed";
        o.Version = "2.0";
        o.Description = "All about it.";
    });

    [Test]
    public async Task ErrorResponses_UseFastApisShape()
    {
        using var response = await GetAsync("/openapi.json");
        var text = await response.BodyAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        var document = JsonNode.Parse(text)!;
        var responses = document["paths"]!["/validation/items/{id}"]!["get"]!["responses"]!;
        Assert.Multiple(() =>
        {
            Assert.That(responses["422"], Is.Null);
            Assert.That((string?)responses["400"]!["content"]!["application/json"]!["schema"]!["$ref"], Is.EqualTo("#/components/schemas/FastApiValidationError"));
            Assert.That((string?)responses["404"]!["content"]!["application/json"]!["schema"]!["$ref"], Is.EqualTo("#/components/schemas/FastApiError"));
            Assert.That(document["info"]!.ToJsonString(), Is.EqualTo("""{"title":"Renamed","description":"All about it.","version":"2.0"}"""));
            Assert.That(document["components"]!["schemas"]!.AsObject().Select(s => s.Key),
                Has.Member("FastApiError").And.Member("FastApiValidationError").And.No.Member("ProblemDetails").And.No.Member("ValidationProblem"));
            Assert.That((bool?)document["components"]!["schemas"]!["FastApiError"]!["properties"]!["detail"]!["x-ms-primary-error-message"], Is.True);
            // A form's own 400 (anti-forgery, malformed form) and the validation status 400: either body.
            Assert.That(document["paths"]!["/context/form"]!["post"]!["responses"]!["400"]!["content"]!["application/json"]!["schema"]!.ToJsonString(),
                Is.EqualTo("""{"anyOf":[{"$ref":"#/components/schemas/FastApiValidationError"},{"$ref":"#/components/schemas/FastApiError"}]}"""));
        });
    }
}

/// <summary><c>info.license</c>/<c>contact</c>, <c>servers</c> from the options, and the docs page's outside services opted in.</summary>
public class OpenApiInfoOptionsTests : AppTests
{
    protected override TestAppFactory CreateFactory() => new(configure: o =>
    {
        o.License = new ApiLicense("MIT", Identifier: "MIT");
        o.Contact = new ApiContact("API team", "api@example.test", new Uri("https://example.test/team"));
        o.Servers.Add("https://api.example.test");
        o.DocsExternalServices = true;
    });

    [Test]
    public async Task Info_AndServers_ComeFromTheOptions()
    {
        using var response = await GetAsync("/openapi.json");
        var text = await response.BodyAsync();
        var document = JsonNode.Parse(text)!;
        var read = OpenApiDocument.Parse(text, "json");
        Assert.Multiple(() =>
        {
            Assert.That(document["info"]!["license"]!.ToJsonString(), Is.EqualTo("""{"name":"MIT","identifier":"MIT"}"""));
            Assert.That(document["info"]!["contact"]!.ToJsonString(), Is.EqualTo("""{"name":"API team","url":"https://example.test/team","email":"api@example.test"}"""));
            Assert.That(document["servers"]!.ToJsonString(), Is.EqualTo("""[{"url":"https://api.example.test"}]"""));
            Assert.That(read.Diagnostic!.Errors, Is.Empty);
        });
    }

    [Test]
    public async Task DocsPage_OffersOutsideServices_WhenTheAppOptsIn()
    {
        using var response = await GetAsync("/docs");
        var html = await response.BodyAsync();
        Assert.That(html, Does.Not.Contain("\"showDeveloperTools\":\"never\"").And.Not.Contain("\"agent\":{\"disabled\":true}"));
    }
}

/// <summary>The document's <c>servers</c> from the addresses the server listens on.</summary>
public class OpenApiServersTests
{
    [Test]
    public void Servers_AreTheConcreteAddresses_WildcardsLeaveTheRelativeRoot()
    {
        var compiled = """{"openapi":"3.1.1","info":{},"servers":[{"url":"/"}],"paths":{}}""";
        var concrete = JsonNode.Parse(Runtime.ApiDocument.Build([compiled], new FastEndpointsGenOptions(), ["http://[::]:8080", "http://localhost:5000/", "http://+:80"]))!;
        var wildcard = JsonNode.Parse(Runtime.ApiDocument.Build([compiled], new FastEndpointsGenOptions(), ["http://0.0.0.0:8080"]))!;
        Assert.Multiple(() =>
        {
            Assert.That(concrete["servers"]!.ToJsonString(), Is.EqualTo("""[{"url":"http://localhost:5000"}]"""));
            Assert.That(wildcard["servers"]!.ToJsonString(), Is.EqualTo("""[{"url":"/"}]"""));
        });
    }
}

/// <summary><c>EnableDocs = false</c> (e.g. in Production) maps neither route.</summary>
public class OpenApiDisabledTests : AppTests
{
    protected override TestAppFactory CreateFactory() => new(configure: o => o.EnableDocs = false);

    [TestCase("/openapi.json")]
    [TestCase("/docs")]
    public async Task DocsRoutes_AreNotMapped(string url)
    {
        using var response = await GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
