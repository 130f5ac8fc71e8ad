using FastEndpointsGen.Reading;
using NUnit.Framework;

namespace FastEndpointsGen.Generator.Tests;

/// <summary>The shared route template parser: what binding and the analyzers read from a template.</summary>
public class RouteTemplateTests
{
    [TestCase("/")]
    [TestCase("")]
    [TestCase("/items")]
    [TestCase("/items/all/")]
    [TestCase("/{{literal}}")]
    public void TemplateWithoutParameters_IsValidAndEmpty(string text)
    {
        var template = RouteTemplate.Parse(text);

        Assert.That(template.Error, Is.Null);
        Assert.That(template.Parameters, Is.Empty);
        Assert.That(template.Text, Is.EqualTo(text));
    }

    [Test]
    public void Parameters_AreFoundInOrder()
    {
        var template = RouteTemplate.Parse("/shops/{shop}/items/{id}.{format}");

        Assert.That(template.Error, Is.Null);
        Assert.That(template.Parameters.Select(p => p.Name), Is.EqualTo(new[] { "shop", "id", "format" }));
        Assert.That(template.Parameters.Select(p => p.IsOptional), Is.All.False);
        Assert.That(template.Parameters.Select(p => p.IsCatchAll), Is.All.False);
    }

    [TestCase("{id:int}", new[] { "int" })]
    [TestCase("{id:int:min(1)}", new[] { "int", "min(1)" })]
    [TestCase("{name:alpha:length(3,20)}", new[] { "alpha", "length(3,20)" })]
    [TestCase("{id}", new string[0])]
    public void Constraints_AreListedInOrder(string text, string[] constraints)
    {
        var parameter = RouteTemplate.Parse("/items/" + text).Parameters.Single();

        Assert.That(parameter.Name, Is.EqualTo(text[1..].Split(':', '}')[0]));
        Assert.That(parameter.Constraints, Is.EqualTo(constraints));
    }

    [Test]
    public void OptionalParameter_IsOptional()
    {
        var parameter = RouteTemplate.Parse("/items/{id:int?}").Parameters.Single();

        Assert.That(parameter.Name, Is.EqualTo("id"));
        Assert.That(parameter.IsOptional, Is.True);
        Assert.That(parameter.Constraints, Is.EqualTo(new[] { "int" }));
        Assert.That(parameter.DefaultValue, Is.Null);
    }

    [Test]
    public void DefaultValue_MakesAParameterOptional()
    {
        var parameter = RouteTemplate.Parse("/pages/{page:int=1}").Parameters.Single();

        Assert.That(parameter.Name, Is.EqualTo("page"));
        Assert.That(parameter.IsOptional, Is.True);
        Assert.That(parameter.DefaultValue, Is.EqualTo("1"));
        Assert.That(parameter.Constraints, Is.EqualTo(new[] { "int" }));
    }

    [TestCase("/files/{*path}")]
    [TestCase("/files/{**path}")]
    public void CatchAll_IsRecognised(string text)
    {
        var parameter = RouteTemplate.Parse(text).Parameters.Single();

        Assert.That(parameter.Name, Is.EqualTo("path"));
        Assert.That(parameter.IsCatchAll, Is.True);
    }

    [TestCase("/items/{id", "has a '{' with no matching '}'")]
    [TestCase("/items/id}", "has a '}' with no matching '{'")]
    [TestCase("/items/{}", "has a parameter with no name")]
    [TestCase("/items/{:int}", "has a parameter with no name")]
    [TestCase("/items/{id:}", "has an empty constraint on 'id'")]
    [TestCase("/items/{a b}", "has an invalid parameter name 'a b'")]
    [TestCase("/items/{id}/{ID}", "uses the parameter name 'ID' more than once")]
    public void InvalidTemplate_ReportsWhy(string text, string error)
    {
        var template = RouteTemplate.Parse(text);

        Assert.That(template.Error, Is.EqualTo(error));
        Assert.That(template.Parameters, Is.Empty);
    }

    [TestCase("/items/{id")]
    [TestCase("}{")]
    [TestCase("{{{")]
    [TestCase("{*}")]
    [TestCase("{=}")]
    [TestCase("{?}")]
    public void MalformedTemplate_NeverThrows(string text)
    {
        Assert.DoesNotThrow(() => RouteTemplate.Parse(text));
    }

    [Test]
    public void Find_IgnoresCase()
    {
        var template = RouteTemplate.Parse("/items/{itemId}");

        Assert.That(template.Find("ITEMID")?.Name, Is.EqualTo("itemId"));
        Assert.That(template.Find("id"), Is.Null);
    }

    [TestCase(null, "/items", "/items")]
    [TestCase("", "/items", "/items")]
    [TestCase(null, "", "/")]
    [TestCase("/api", "/items", "/api/items")]
    [TestCase("/api/", "/items", "/api/items")]
    [TestCase("/api", "items", "/api/items")]
    [TestCase("/api/", "items/", "/api/items/")]
    [TestCase("/api", "/", "/api")]
    [TestCase("/api", "", "/api")]
    [TestCase("/", "/", "/")]
    [TestCase("/", "/items", "/items")]
    [TestCase("/shops/{shop}", "/items/{id}", "/shops/{shop}/items/{id}")]
    public void Combine_JoinsAPrefixAndATemplateLikeMapGroup(string? prefix, string template, string expected)
    {
        Assert.That(RouteTemplate.Combine(prefix, template), Is.EqualTo(expected));
    }

    [Test]
    public void CombinedTemplate_HasTheParametersOfBoth()
    {
        var template = RouteTemplate.Parse(RouteTemplate.Combine("/shops/{shop}", "/items/{id:int}"));

        Assert.That(template.Parameters.Select(p => p.Name), Is.EqualTo(new[] { "shop", "id" }));
    }

    [Test]
    public void RegexConstraintWithEscapedBraces_IsValid()
    {
        // ASP.NET Core accepts this template: braces inside a constraint are escaped by doubling.
        var template = RouteTemplate.Parse(@"/codes/{code:regex(^\d{{3}}$)}");

        Assert.That(template.Error, Is.Null);
        Assert.That(template.Parameters.Select(p => p.Name), Is.EqualTo(new[] { "code" }));
        Assert.That(template.Parameters.Single().Constraints.Single(), Does.StartWith("regex("));
    }

    [Test]
    public void ParameterNameWithAHyphen_IsValid()
    {
        // ASP.NET Core only forbids '/', '{', '}', '?', '*' (and '=' / ':' as syntax) in parameter names;
        // such a parameter binds with [FromRoute(Name = "product-id")].
        var template = RouteTemplate.Parse("/products/{product-id}");

        Assert.That(template.Error, Is.Null);
        Assert.That(template.Parameters.Single().Name, Is.EqualTo("product-id"));
    }

    [TestCase("/tasks/{id:int}", "/tasks/{id}")]
    [TestCase("/files/{**path}", "/files/{path}")]
    [TestCase("/pages/{page=1}/{size?}", "/pages/{page}/{size}")]
    [TestCase("/codes/{code:regex(^[a-z]{{2}}$)}/x", "/codes/{code}/x")]
    [TestCase("/{{literal}}/{id}", "/{{literal}}/{id}")]
    [TestCase("/items/{id", "/items/{id")]
    public void Rewrite_ReplacesEachParameterAndKeepsTheLiterals(string text, string path)
    {
        // The OpenAPI document's path: each parameter by name only.
        Assert.That(RouteTemplate.Parse(text).Rewrite(literal => literal, parameter => "{" + parameter.Name + "}"), Is.EqualTo(path));
    }

    [Test]
    public void Rewrite_PassesEachLiteralRunThrough()
    {
        var key = RouteTemplate.Parse("/Shops/{shop}/Items.{format}").Rewrite(literal => literal.ToLowerInvariant(), parameter => "{}");

        Assert.That(key, Is.EqualTo("/shops/{}/items.{}"));
    }
}
