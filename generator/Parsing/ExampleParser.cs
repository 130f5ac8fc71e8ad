using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using FastEndpointsGen.Generator.Model;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Generator.Parsing;

/// <summary>
/// Reads the examples of a type, member or parameter: <c>[OpenApiExample(...)]</c> attributes, then the XML
/// <c>&lt;example&gt;</c> tag (docs/openapi.md#examples). Typed constants keep their JSON type; text is typed by the
/// emitter against the schema it lands in.
/// </summary>
internal static class ExampleParser
{
    private const string OpenApiExampleAttribute = "FastEndpointsGen.OpenApiExampleAttribute";

    public static EquatableArray<ExampleValue> Of(IEnumerable<ISymbol> symbols, XElement? doc)
    {
        var examples = new List<ExampleValue>();
        foreach (var attribute in symbols.SelectMany(s => s.GetAttributes()))
        {
            if (TypeClassifier.IsNamed(attribute.AttributeClass, OpenApiExampleAttribute)
                && attribute.ConstructorArguments.Length == 1
                && Value(attribute.ConstructorArguments[0]) is { } value)
            {
                examples.Add(value);
            }
        }

        if (doc?.Element("example") is { } tag && tag.Value.Trim() is { Length: > 0 } text)
        {
            examples.Add(new ExampleValue(text, IsJson: false));
        }

        return examples.Distinct().ToEquatableArray();
    }

    /// <summary>The examples of each handler parameter that has any, by C# name.</summary>
    public static EquatableArray<NamedExamples> Parameters(IMethodSymbol method) =>
        method.Parameters
            .Select(p => new NamedExamples(p.Name, Of([p], null)))
            .Where(p => p.Values.Count > 0)
            .ToEquatableArray();

    private static ExampleValue? Value(TypedConstant constant)
    {
        if (constant.IsNull)
        {
            return new ExampleValue("null", IsJson: true);
        }

        switch (constant.Kind)
        {
            case TypedConstantKind.Array:
                var items = constant.Values.Select(Value).ToList();
                return items.Any(i => i is null) ? null : new ExampleValue("[" + string.Join(", ", items.Select(i => i!.IsJson ? i.Text : Quote(i.Text))) + "]", IsJson: true);
            case TypedConstantKind.Enum:
                var member = constant.Type?.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, constant.Value));
                return member is null ? null : new ExampleValue(member.Name, IsJson: false);
            case TypedConstantKind.Primitive:
                return constant.Value switch
                {
                    string text => new ExampleValue(text, IsJson: false),
                    char ch => new ExampleValue(ch.ToString(), IsJson: false),
                    bool flag => new ExampleValue(flag ? "true" : "false", IsJson: true),
                    double d when double.IsNaN(d) || double.IsInfinity(d) => null,
                    float f when float.IsNaN(f) || float.IsInfinity(f) => null,
                    double d => new ExampleValue(d.ToString("R", CultureInfo.InvariantCulture), IsJson: true),
                    float f => new ExampleValue(f.ToString("R", CultureInfo.InvariantCulture), IsJson: true),
                    IFormattable number => new ExampleValue(number.ToString(null, CultureInfo.InvariantCulture), IsJson: true),
                    _ => null,
                };
            default:
                return null;
        }
    }

    private static string Quote(string text) => Emitting.JsonText.Write(text);
}
