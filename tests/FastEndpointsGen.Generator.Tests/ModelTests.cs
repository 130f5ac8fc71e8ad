using System.Linq;
using FastEndpointsGen.Generator.Emitting;
using FastEndpointsGen.Generator.Model;
using FastEndpointsGen.Generator.Parsing;
using FastEndpointsGen.Reading;
using NUnit.Framework;

namespace FastEndpointsGen.Generator.Tests;

/// <summary>What the model decides once: a constant's C# and JSON forms, a type's default, collision-free local names.</summary>
public class ModelTests
{
    [TestCase("Int32", "5", null, "5", "5")]
    [TestCase("Int64", "-5", null, "-5L", "-5")]
    [TestCase("Double", "0.5", "double", "(double)0.5D", "0.5")]
    [TestCase("Double", "1E+20", null, "1E+20D", "1E+20")]
    [TestCase("Decimal", "0.50", "decimal?", "(decimal?)0.50M", "0.50")]
    [TestCase("Converted", "2", "global::Demo.Color", "(global::Demo.Color)(2)", "2")]
    [TestCase("NotFinite", "NaN", "float", "(float)double.NaN", null)]
    [TestCase("Boolean", "true", null, "true", "true")]
    [TestCase("String", "say \"hi\"\n", null, "\"say \\\"hi\\\"\\n\"", "\"say \\\"hi\\\"\\n\"")]
    [TestCase("Char", "'", null, "'\\''", "\"'\"")]
    [TestCase("Parsed", "2020-01-01", "global::System.DateOnly",
        "global::System.DateOnly.Parse(\"2020-01-01\", global::System.Globalization.CultureInfo.InvariantCulture)", "\"2020-01-01\"")]
    [TestCase("Parsed", "10", "int", "int.Parse(\"10\", global::System.Globalization.CultureInfo.InvariantCulture)", "10")]
    public void Constant_WritesCSharpAndJson(string kind, string text, string? type, string csharp, string? json)
    {
        var constant = new Constant(System.Enum.Parse<ConstantKind>(kind), text, type);

        Assert.That(constant.CSharp, Is.EqualTo(csharp));
        Assert.That(constant.Json, Is.EqualTo(json));
    }

    [Test]
    public void Constant_NullAndDefault()
    {
        Assert.That((Constant.Null.CSharp, Constant.Null.Json), Is.EqualTo(("null", "null")));
        Assert.That((Constant.Default.CSharp, Constant.Default.Json), Is.EqualTo(("default", (string?)null)));
    }

    [TestCase("Value", false, "default")]
    [TestCase("NullableValue", true, "default")]
    [TestCase("Reference", true, "default")]
    [TestCase("Reference", false, "default!")]
    public void TypeRef_DefaultValue_SuppressesOnlyForANonNullableReference(string kind, bool nullable, string expected)
    {
        var type = new TypeRef { Name = "global::Demo.T", Kind = System.Enum.Parse<TypeRefKind>(kind), IsNullable = nullable, SimpleName = "T" };

        Assert.That(type.DefaultValue, Is.EqualTo(expected));
        Assert.That(type.Declared, Is.EqualTo(nullable ? "global::Demo.T?" : "global::Demo.T"));
        Assert.That(type.NonNullable.Declared, Is.EqualTo("global::Demo.T"));
    }

    [Test]
    public void LocalNames_AreDistinct_ForParametersNamedLikeEachOthersLocals()
    {
        // x_local, x and x_raw; an [AsParameters] page whose Size member would take page_Size's stem.
        var parameters = new[]
        {
            Parameter("x_local"), Parameter("x"), Parameter("x_raw"), Parameter("x_raw_raw"),
            Parameter("page") with { Source = BindingSource.AsParameters, Members = new[] { Parameter("Size"), Parameter("Size_raw") }.ToEquatableArray() },
            Parameter("page_Size"),
        };

        var named = LocalNames.Assign(parameters);
        var all = named.SelectMany(p => p.Members.Count == 0 ? [p] : p.Members.ToArray()).ToList();
        var locals = all.SelectMany(p => new[] { p.Local, p.RawLocal, p.BoundLocal }).ToList();

        Assert.That(locals, Is.Unique);
        Assert.That(named[4].Members.Select(m => m.Local), Is.EqualTo(new[] { "page_Size__local", "page_Size_raw_local" }));
    }

    [Test]
    public void LocalNames_JsonMembers_AreDistinct_FromEachOtherAndTheReader()
    {
        var members = new[] { "X", "x", "Has", "Value", "Checked", "Reader" }.Select(Member).ToList();

        var named = LocalNames.Members(members).ToList();

        Assert.That(named.SelectMany(m => new[] { m.Local, m.PresenceLocal }), Is.Unique);
        Assert.That(named.Select(m => m.Local), Does.Not.Contain("checkedValue"));
    }

    [TestCase("0", true, true)]
    [TestCase("-12", true, true)]
    [TestCase("1.5", true, false)]
    [TestCase("1e3", true, false)]
    [TestCase("007", false, true)]
    [TestCase("1.", false, false)]
    [TestCase("-", false, true)]
    [TestCase("5L", false, true)]
    public void JsonText_IsNumber_FollowsTheJsonGrammar(string text, bool isNumber, bool isInteger)
    {
        Assert.That(JsonText.IsNumber(text, out var integer), Is.EqualTo(isNumber));
        if (isNumber)
        {
            Assert.That(integer, Is.EqualTo(isInteger));
        }
    }

    private static ParameterModel Parameter(string name) => new()
    {
        Name = name,
        Type = new TypeRef { Name = "int", Kind = TypeRefKind.Value, IsNullable = false, SimpleName = "Int32" },
        Source = BindingSource.Query,
        WireName = name,
        IsOptional = false,
    };

    private static JsonMemberModel Member(string name) => new()
    {
        Name = name,
        JsonName = name,
        TypeId = "Int32",
        Type = new TypeRef { Name = "int", Kind = TypeRefKind.Value, IsNullable = false, SimpleName = "Int32" },
        IsNullable = false,
        IsRequired = false,
        CanWrite = true,
        Assignment = MemberAssignment.Setter,
    };
}
