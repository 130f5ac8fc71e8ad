using System.Net;
using FastEndpointsGen.Tests.Support;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>[JsonDerivedType] hierarchies through generated readers and writers (docs/json.md#polymorphism).</summary>
public sealed class PolymorphismTests : AppTests
{
    [Test]
    public async Task Derived_type_round_trips_with_its_discriminator_first()
    {
        using var response = await PostJsonAsync("/poly/pet", """{"$type":"cat","name":"Tom","lives":9}""");
        await response.ShouldBeJson("""{"$type":"cat","name":"Tom","lives":9}""");
    }

    [Test]
    public async Task Discriminator_is_found_anywhere_in_the_object()
    {
        using var response = await PostJsonAsync("/poly/pet", """{"name":"Rex","goodBoy":true,"weeks":8,"$type":"puppy"}""");
        await response.ShouldBeJson("""{"$type":"puppy","name":"Rex","goodBoy":true,"weeks":8}""");
    }

    [Test]
    public async Task Subclass_listed_after_its_base_is_written_as_itself()
    {
        using var dog = await PostJsonAsync("/poly/pet/kind", """{"$type":"dog","name":"Rex","goodBoy":false}""");
        await dog.ShouldBeText("DogPet");
        using var puppy = await PostJsonAsync("/poly/pet/kind", """{"$type":"puppy","name":"Rex","goodBoy":false,"weeks":1}""");
        await puppy.ShouldBeText("PuppyPet");
    }

    [Test]
    public async Task Unknown_discriminator_is_an_error_at_the_discriminator()
    {
        using var response = await PostJsonAsync("/poly/pet", """{"$type":"hamster","name":"Bob"}""");
        await response.ShouldHaveSingleError("body.$type",
            "Input tag 'hamster' found using '$type' does not match any of the expected tags: 'cat', 'dog', 'puppy'");
    }

    [Test]
    public async Task Missing_discriminator_is_an_error_at_the_object()
    {
        using var response = await PostJsonAsync("/poly/pet", """{"name":"Bob"}""");
        await response.ShouldHaveSingleError("body", "Unable to extract tag using discriminator '$type'");
    }

    [Test]
    public async Task Errors_inside_the_derived_type_are_located_normally()
    {
        using var response = await PostJsonAsync("/poly/pet", """{"$type":"cat","lives":"many"}""");
        await response.ShouldHaveErrors(
            ("body.lives", Messages.Int),
            ("body.name", Messages.Required));
    }

    [Test]
    public async Task Nested_and_in_collections_with_int_discriminators_and_a_custom_name()
    {
        const string Body = """{"resident":{"$type":"dog","name":"Rex","goodBoy":true},"visitors":[{"$type":"cat","name":"Tom","lives":3},{"name":"Pup","$type":"puppy","goodBoy":true,"weeks":2}],"shapes":[{"kind":2,"side":3},{"radius":0,"kind":1}],"sign":{"$type":"alarm","title":"Fire","level":3}}""";
        using var response = await PostJsonAsync("/poly/enclosure", Body);
        await response.ShouldBeJson("""{"resident":{"$type":"dog","name":"Rex","goodBoy":true},"visitors":[{"$type":"cat","name":"Tom","lives":3},{"$type":"puppy","name":"Pup","goodBoy":true,"weeks":2}],"shapes":[{"kind":2,"side":3,"area":9},{"kind":1,"radius":0,"area":0}],"sign":{"$type":"alarm","title":"Fire","level":3}}""");
    }

    [Test]
    public async Task Errors_in_collections_carry_the_item_index()
    {
        using var response = await PostJsonAsync("/poly/enclosure",
            """{"resident":{"$type":"cat","name":"Tom","lives":1},"visitors":[{"$type":"cat","name":"Tom","lives":3},{"$type":"parrot"}],"shapes":[{"kind":"2","side":3},{"kind":3}],"sign":null}""");
        await response.ShouldHaveErrors(
            ("body.visitors[1].$type", "Input tag 'parrot' found using '$type' does not match any of the expected tags: 'cat', 'dog', 'puppy'"),
            ("body.shapes[0].kind", "Input tag '2' found using 'kind' does not match any of the expected tags: '1', '2'"),
            ("body.shapes[1].kind", "Input tag '3' found using 'kind' does not match any of the expected tags: '1', '2'"));
    }

    [Test]
    public async Task Concrete_base_reads_itself_without_or_with_an_unrecognized_discriminator()
    {
        using var plain = await PostJsonAsync("/poly/notice", """{"title":"Hi"}""");
        await plain.ShouldBeJson("""{"$type":"notice","title":"Hi"}""");
        using var unknown = await PostJsonAsync("/poly/notice", """{"$type":"memo","title":"Hi"}""");
        await unknown.ShouldBeJson("""{"$type":"notice","title":"Hi"}""");
        using var alarm = await PostJsonAsync("/poly/notice", """{"title":"Fire","$type":"alarm","level":2}""");
        await alarm.ShouldBeJson("""{"$type":"alarm","title":"Fire","level":2}""");
    }

    [Test]
    public async Task Response_of_an_interface_array_writes_each_item_with_its_discriminator()
    {
        using var response = await GetAsync("/poly/shapes");
        await response.ShouldBeJson("""[{"kind":1,"radius":1,"area":3.14},{"kind":2,"side":2,"area":4}]""");
    }

    [Test]
    public async Task Document_describes_the_hierarchy_as_oneOf_with_a_discriminator_mapping()
    {
        using var response = await GetAsync("/openapi.json");
        var schemas = System.Text.Json.Nodes.JsonNode.Parse(await response.BodyAsync())!["components"]!["schemas"]!;
        var pet = schemas["Pet"]!;
        Assert.Multiple(() =>
        {
            Assert.That(pet["discriminator"]!.ToJsonString(),
                Is.EqualTo("""{"propertyName":"$type","mapping":{"cat":"#/components/schemas/CatPet","dog":"#/components/schemas/DogPet","puppy":"#/components/schemas/PuppyPet"}}"""));
            Assert.That(pet["oneOf"]![0]!.ToJsonString(),
                Is.EqualTo("""{"allOf":[{"$ref":"#/components/schemas/CatPet"},{"type":"object","properties":{"$type":{"const":"cat"}},"required":["$type"]}]}"""));
            Assert.That(schemas["IShape"]!["oneOf"]![1]!["allOf"]![1]!["properties"]!["kind"]!.ToJsonString(), Is.EqualTo("""{"const":2}"""));
            // The concrete base lists itself: its schema is NoticeBase, and an object without a discriminator is one too.
            Assert.That(schemas["Notice"]!["discriminator"]!["mapping"]!["notice"]!.GetValue<string>(), Is.EqualTo("#/components/schemas/NoticeBase"));
        });
    }
}

/// <summary>FastAPI's format for discriminator errors, and unknown members refused around the discriminator.</summary>
public sealed class PolymorphismFastApiTests : AppTests
{
    protected override TestAppFactory CreateFactory() => new(configure: o =>
    {
        o.ErrorFormat = ErrorFormat.FastApi;
        o.RejectUnknownProperties = true;
    });

    [Test]
    public async Task Unknown_discriminator_is_union_tag_invalid_with_pydantic_ctx()
    {
        using var response = await PostJsonAsync("/poly/pet", """{"$type":"hamster","name":"Bob"}""");
        await response.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"union_tag_invalid","loc":["body","$type"],"msg":"Input tag 'hamster' found using '$type' does not match any of the expected tags: 'cat', 'dog', 'puppy'","input":"hamster","ctx":{"discriminator":"'$type'","tag":"hamster","expected_tags":"'cat', 'dog', 'puppy'"}}]}""");
    }

    [Test]
    public async Task Missing_discriminator_is_union_tag_not_found_with_the_object_as_input()
    {
        using var response = await PostJsonAsync("/poly/pet", """{"name":"Bob"}""");
        await response.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"union_tag_not_found","loc":["body"],"msg":"Unable to extract tag using discriminator '$type'","input":{"name":"Bob"},"ctx":{"discriminator":"'$type'"}}]}""");
    }

    [Test]
    public async Task Discriminator_is_no_unknown_member_but_others_are()
    {
        using var ok = await PostJsonAsync("/poly/pet", """{"name":"Tom","$type":"cat","lives":9}""");
        await ok.ShouldBeJson("""{"$type":"cat","name":"Tom","lives":9}""");
        using var extra = await PostJsonAsync("/poly/enclosure",
            """{"resident":{"$type":"cat","name":"Tom","lives":1,"kind":1},"visitors":[],"shapes":[{"kind":1,"radius":1,"$type":"x"}],"sign":null}""");
        await extra.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"extra_forbidden","loc":["body","resident","kind"],"msg":"Extra inputs are not permitted","input":1},{"type":"extra_forbidden","loc":["body","shapes",0,"$type"],"msg":"Extra inputs are not permitted","input":"x"}]}""");
    }
}
