using System.Text.Json;
using FastEndpointsGen.Generator.Emitting;
using FastEndpointsGen.Generator.Parsing;
using NUnit.Framework;

namespace FastEndpointsGen.Generator.Tests;

/// <summary>The naming helpers: JSON names must match System.Text.Json's exactly, identifiers must compile.</summary>
public class NamesTests
{
    [TestCase("")]
    [TestCase("A")]
    [TestCase("a")]
    [TestCase("Id")]
    [TestCase("ID")]
    [TestCase("id")]
    [TestCase("Name")]
    [TestCase("name")]
    [TestCase("FirstName")]
    [TestCase("URL")]
    [TestCase("URLValue")]
    [TestCase("IOStream")]
    [TestCase("IPhone")]
    [TestCase("iPhone")]
    [TestCase("XMLHttpRequest")]
    [TestCase("ABC")]
    [TestCase("ABc")]
    [TestCase("AbC")]
    [TestCase("I")]
    [TestCase("IO")]
    [TestCase("Is_Valid")]
    [TestCase("SNAKE_CASE")]
    [TestCase("_Private")]
    [TestCase("__Dunder")]
    [TestCase("Value1")]
    [TestCase("V1Value")]
    [TestCase("Person Name")]
    [TestCase("HTTP Status")]
    [TestCase("ÜberName")]
    [TestCase("ΣΑΣ")]
    [TestCase("ΣαΣ")]
    [TestCase("ÀÉÎ")]
    [TestCase("Ñandú")]
    [TestCase("İstanbul")]
    [TestCase("ǅungla")]
    [TestCase("𝐀Bold")]
    [TestCase("123")]
    [TestCase("A1B2")]
    public void CamelCase_MatchesSystemTextJson(string name)
    {
        Assert.That(FastEndpointsGen.Reading.JsonSupport.CamelCase(name), Is.EqualTo(JsonNamingPolicy.CamelCase.ConvertName(name)));
    }

    [TestCase("Demo.Item", "Demo_Item")]
    [TestCase("Demo.Outer.Inner", "Demo_Outer_Inner")]
    [TestCase("Demo.Pair<int, string>", "Demo_Pair_int__string_")]
    [TestCase("Ünicode", "Ünicode")]
    public void Identifier_ReplacesEveryNonIdentifierCharacter(string text, string expected)
    {
        Assert.That(Names.Identifier(text), Is.EqualTo(expected));
    }

    [TestCase("name", "name")]
    [TestCase("class", "@class")]
    [TestCase("event", "@event")]
    [TestCase("var", "@var")]
    [TestCase("async", "@async")]
    [TestCase("Class", "Class")]
    public void SourceHeader_Identifier_EscapesKeywords(string name, string expected)
    {
        Assert.That(SourceHeader.Identifier(name), Is.EqualTo(expected));
    }

    [TestCase("plain", "\"plain\"")]
    [TestCase("quote \" backslash \\", "\"quote \\\" backslash \\\\\"")]
    [TestCase("line\nbreak", "\"line\\nbreak\"")]
    [TestCase("", "\"\"")]
    public void Literal_IsAValidCSharpString(string value, string expected)
    {
        Assert.That(JsonEmitter.Literal(value), Is.EqualTo(expected));
    }
}
