using NUnit.Framework;
using System.Text.Json.Nodes;

namespace FastEndpointsGen.Tests;

/// <summary>
/// The one merge of an app's and its libraries' documents (runtime/Hosting/OpenApiDocumentMerge.cs), compiled into both
/// <c>MapApiDocs()</c> and the build task that writes the document file (docs/openapi.md#the-document-as-a-build-artifact).
/// </summary>
[TestFixture]
public sealed class OpenApiDocumentMergeTests
{
    private static JsonObject Document(string json) => JsonNode.Parse(json)!.AsObject();

    [Test]
    public void A_path_both_list_gets_the_operations_only_the_second_has_and_the_first_keeps_its_own()
    {
        var app = Document("""{"paths":{"/items":{"get":{"operationId":"AppList"}}}}""");
        var library = Document("""{"paths":{"/items":{"get":{"operationId":"LibList"},"post":{"operationId":"LibCreate"}},"/other":{"get":{"operationId":"Other"}}}}""");

        OpenApiDocumentMerge.Into(app, library);

        Assert.That((string?)app["paths"]!["/items"]!["get"]!["operationId"], Is.EqualTo("AppList"));
        Assert.That((string?)app["paths"]!["/items"]!["post"]!["operationId"], Is.EqualTo("LibCreate"));
        Assert.That((string?)app["paths"]!["/other"]!["get"]!["operationId"], Is.EqualTo("Other"));
    }

    [Test]
    public void Schemas_and_security_schemes_are_united_and_the_first_wins_a_name_both_have()
    {
        var app = Document("""{"paths":{},"components":{"schemas":{"Item":{"type":"object"}}}}""");
        var library = Document("""{"components":{"schemas":{"Item":{"type":"string"},"Tag":{"type":"object"}},"securitySchemes":{"bearer":{"type":"http","scheme":"bearer"}}}}""");

        OpenApiDocumentMerge.Into(app, library);

        var components = app["components"]!;
        Assert.That((string?)components["schemas"]!["Item"]!["type"], Is.EqualTo("object"));
        Assert.That(components["schemas"]!["Tag"], Is.Not.Null);
        Assert.That((string?)components["securitySchemes"]!["bearer"]!["scheme"], Is.EqualTo("bearer"));
    }

    [Test]
    public void A_document_without_paths_or_components_adds_nothing_and_the_source_is_left_as_it_was()
    {
        var app = Document("""{"paths":{"/a":{"get":{}}}}""");
        var library = Document("""{"paths":{"/b":{"get":{"operationId":"B"}}}}""");

        OpenApiDocumentMerge.Into(app, Document("{}"));
        OpenApiDocumentMerge.Into(app, library);
        app["paths"]!["/b"]!["get"]!["operationId"] = "changed";

        Assert.That((string?)library["paths"]!["/b"]!["get"]!["operationId"], Is.EqualTo("B"), "the merge copies, it does not move");
        Assert.That(app.ContainsKey("components"), Is.False);
    }
}
