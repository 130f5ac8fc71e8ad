using System.Text.Json.Nodes;
using FastEndpointsGen.Tasks;

namespace FastEndpointsGen.Package.Tests;

/// <summary>
/// The breaking-change check the build runs against a committed <c>openapi.baseline.json</c> (docs/openapi.md#breaking-changes):
/// what a client generated from the baseline would trip over is reported, what it never sees is not.
/// </summary>
[TestFixture]
public sealed class BreakingChangeTests
{
    private const string Document = """
        {
          "openapi": "3.1.1",
          "paths": {
            "/tasks/{id}": {
              "get": {
                "operationId": "GetTask",
                "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } } ],
                "responses": { "200": {}, "404": {}, "422": {} }
              },
              "delete": { "operationId": "DeleteTask", "responses": { "204": {} } }
            },
            "/tasks": {
              "get": {
                "operationId": "ListTasks",
                "parameters": [ { "name": "limit", "in": "query", "schema": { "type": "integer", "maximum": 100 } } ],
                "responses": { "200": {} }
              },
              "post": {
                "operationId": "CreateTask",
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NewTask" } } } },
                "responses": { "201": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/TaskItem" } } } } }
              }
            }
          },
          "components": {
            "schemas": {
              "NewTask": {
                "type": "object",
                "properties": {
                  "title": { "type": "string", "maxLength": 200 },
                  "tags": { "type": "array", "items": { "$ref": "#/components/schemas/Tag" } },
                  "note": { "type": ["string", "null"] }
                },
                "required": ["title"]
              },
              "Tag": { "type": "object", "properties": { "name": { "type": "string" } } },
              "TaskItem": { "type": "object", "properties": { "id": { "type": "integer" }, "title": { "type": "string" } }, "required": ["id"] }
            }
          }
        }
        """;

    [Test]
    public void An_unchanged_document_is_quiet()
    {
        Assert.That(BreakingChanges.Find(Document, Document), Is.Empty);
    }

    [Test]
    public void A_removed_operation_is_FEG5004_at_its_path_in_the_baseline()
    {
        var changes = BreakingChanges.Find(Document, Edit(d => ((JsonObject)d["paths"]!["/tasks/{id}"]!).Remove("delete")));

        Assert.That(changes, Has.Count.EqualTo(1));
        Assert.That(changes[0].Id, Is.EqualTo("FEG5004"));
        Assert.That(changes[0].Message, Does.Contain("DELETE /tasks/{id} (DeleteTask) was removed"));
        Assert.That(changes[0].Line, Is.EqualTo(4), "the line of \"/tasks/{id}\" in the baseline");
    }

    [Test]
    public void A_removed_response_is_FEG5005()
    {
        var changes = BreakingChanges.Find(Document, Edit(d => ((JsonObject)d["paths"]!["/tasks/{id}"]!["get"]!["responses"]!).Remove("404")));

        Assert.That(changes.Select(c => (c.Id, c.Message)), Is.EqualTo(new[]
        {
            ("FEG5005", "The response 404 of GET /tasks/{id} was removed: clients generated from the baseline expect it"),
        }));
    }

    [Test]
    public void A_new_required_member_of_a_request_model_is_FEG5006_also_through_nested_refs()
    {
        var changes = BreakingChanges.Find(Document, Edit(d =>
        {
            d["components"]!["schemas"]!["NewTask"]!["required"]!.AsArray().Add("note");
            d["components"]!["schemas"]!["Tag"]!["required"] = new JsonArray("name");
        }));

        Assert.That(changes.Select(c => c.Id), Is.EqualTo(new[] { "FEG5006", "FEG5006" }));
        Assert.That(changes[0].Message, Does.Contain("'note' of schema NewTask is now required"));
        Assert.That(changes[1].Message, Does.Contain("'name' of schema Tag is now required"));
    }

    [Test]
    public void A_new_required_member_of_a_response_model_is_not_breaking()
    {
        Assert.That(BreakingChanges.Find(Document, Edit(d => d["components"]!["schemas"]!["TaskItem"]!["required"]!.AsArray().Add("title"))), Is.Empty);
    }

    [Test]
    public void A_new_required_parameter_is_FEG5006()
    {
        var changes = BreakingChanges.Find(Document, Edit(d => d["paths"]!["/tasks"]!["get"]!["parameters"]!.AsArray()
            .Add(new JsonObject { ["name"] = "owner", ["in"] = "query", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } })));

        Assert.That(changes.Single().Message, Does.StartWith("The query parameter 'owner' of GET /tasks is new and required"));
    }

    [Test]
    public void Narrowed_types_and_constraints_are_FEG5007_widened_ones_are_not()
    {
        var narrowed = BreakingChanges.Find(Document, Edit(d =>
        {
            d["components"]!["schemas"]!["NewTask"]!["properties"]!["title"]!["maxLength"] = 100;
            d["components"]!["schemas"]!["NewTask"]!["properties"]!["note"]!["type"] = "integer";
            d["paths"]!["/tasks"]!["get"]!["parameters"]![0]!["schema"]!["maximum"] = 50;
        }));
        var widened = BreakingChanges.Find(Document, Edit(d =>
        {
            d["components"]!["schemas"]!["NewTask"]!["properties"]!["title"]!["maxLength"] = 500;
            d["paths"]!["/tasks"]!["get"]!["parameters"]![0]!["schema"]!.AsObject().Remove("maximum");
            d["paths"]!["/tasks"]!["put"] = new JsonObject { ["responses"] = new JsonObject() };
        }));

        Assert.That(narrowed.Select(c => c.Id).Distinct(), Is.EqualTo(new[] { "FEG5007" }));
        Assert.That(narrowed.Select(c => c.Message), Has.Some.Contains("maximum lowered from 100 to 50")
            .And.Some.Contains("Member 'title' of schema NewTask: maxLength lowered from 200 to 100")
            .And.Some.Contains("the type changed from string|null to integer"));
        Assert.That(widened, Is.Empty);
    }

    private static string Edit(Action<JsonObject> edit)
    {
        var document = JsonNode.Parse(Document)!.AsObject();
        edit(document);
        return document.ToJsonString();
    }
}
