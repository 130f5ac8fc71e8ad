using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FastEndpointsGen.Runtime;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>The pieces error responses are written from: keys, echoed inputs, grouping by location.</summary>
public sealed class ErrorWritingTests
{
    [TestCase(new object[] { "body" }, ErrorTypes.Missing, "body")]
    [TestCase(new object[] { "query", "limit" }, ErrorTypes.IntParsing, "query.limit")]
    [TestCase(new object[] { "body", "lines", 1, "quantity" }, "greater_than_equal", "body.lines[1].quantity")]
    [TestCase(new object[] { "body", "tags", 0, 2 }, "string_too_short", "body.tags[0][2]")]
    [TestCase(new object[] { "body", 17 }, ErrorTypes.JsonInvalid, "body")]
    public void Key_joins_names_with_dots_and_indexes_with_brackets(object[] location, string type, string expected)
    {
        Assert.That(new FieldError(location, type, "message").Key, Is.EqualTo(expected));
    }

    [TestCase("plain")]
    [TestCase("")]
    [TestCase("it's <b>&</b> + `x`")]
    [TestCase("quote \" inside")]
    [TestCase("back\\slash")]
    [TestCase("tab\tand\nnewline")]
    [TestCase("café ünïcode")]
    [TestCase("emoji 😀")]
    [TestCase("del \u007f")]
    public void Echoed_input_is_the_relaxed_json_string_literal(string value)
    {
        var expected = "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";

        var literal = RequestErrors.StringInput(value);

        Assert.Multiple(() =>
        {
            Assert.That(literal, Is.EqualTo(expected));
            Assert.That(JsonSerializer.Deserialize<string>(literal!), Is.EqualTo(value));
        });
    }

    [Test]
    public void Problem_details_group_messages_by_location_in_first_seen_order()
    {
        var errors = new RequestErrors();
        errors.Add(new FieldError(["body", "name"], "string_too_short", "too short"));
        errors.Add(new FieldError(["body", "lines", 0, "sku"], "string_pattern_mismatch", "bad sku"));
        errors.Add(new FieldError(["body", "name"], "string_pattern_mismatch", "bad pattern"));
        errors.Add(new FieldError(["body", "lines", 0, "sku"], "string_too_long", "too long"));
        errors.Add(new FieldError(["body", "note"], "string_too_long", "note too long"));

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ErrorResponses.WriteValidationProblem(writer, 422, errors.Items);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        var groups = document.RootElement.GetProperty("errors").EnumerateObject()
            .Select(group => $"{group.Name}: {string.Join(" | ", group.Value.EnumerateArray().Select(m => m.GetString()))}")
            .ToArray();
        Assert.That(groups, Is.EqualTo(new[]
        {
            "body.name: too short | bad pattern",
            "body.lines[0].sku: bad sku | too long",
            "body.note: note too long",
        }));
    }
}
