using FastEndpointsGen.Generator.Model;
using FastEndpointsGen.Reading;

namespace FastEndpointsGen.Generator.Emitting;

/// <summary>
/// The most common parameter shapes bound in one line through the runtime's shared helpers
/// (<c>RequestValues.Integer&lt;T&gt;</c>, <c>Value&lt;T&gt;</c>, <c>Text</c>): a single route, query, header or cookie
/// value of an integer, <c>bool</c>, <c>Guid</c> or string type, with no validation rule (or, for an <c>int</c> or
/// <c>long</c>, only an inclusive <c>[Range]</c>) and not secret. Anything else is expanded by <see cref="BindingEmitter"/>.
/// Shape (docs/performance.md#generated-code-size):
/// <code>
/// var id_local = RequestValues.Integer&lt;int&gt;(httpContext.Request.RouteValues["id"] as string, "path", "id", ref errors);
/// var page_local = RequestValues.IntegerInRange&lt;int&gt;(httpContext.Request.Query["page"], "query", "page", 1, minimum: 1, maximum: 100, ref errors);
/// </code>
/// </summary>
internal static class SharedBinding
{
    /// <summary>Writes the one-line binding and returns true, or writes nothing and returns false when the shape is not shared.</summary>
    public static bool TryEmit(SourceWriter writer, ParameterModel parameter, string local, string source, string location, string read)
    {
        // An [AsParameters] property is set only when its raw text is present, so it keeps the expanded form.
        if (parameter.Value is not { Collection: CollectionKind.None } value || parameter.IsSecret || parameter.IsProperty)
        {
            return false;
        }

        var arguments = $"{read}, {JsonEmitter.Literal(source)}, {JsonEmitter.Literal(location)}";
        string? call;
        if (parameter.Rules.Count > 0)
        {
            call = InclusiveRange(parameter) is { } range ? Call("IntegerInRange", null, value, parameter, arguments, range) : null;
        }
        else if (value.Kind == SimpleKind.String)
        {
            call = parameter.IsOptional
                ? $"RequestValues.Text({read}, {parameter.DefaultValue?.CSharp ?? "null"})"
                : $"RequestValues.Text({arguments}, ref errors)";
        }
        else if (IsInteger(value.Kind))
        {
            call = Call("Integer", "NullableInteger", value, parameter, arguments);
        }
        else if (ErrorType(value.Kind) is { } errorType)
        {
            call = Call("Value", "NullableValue", value, parameter, $"{arguments}, ErrorTypes.{errorType}");
        }
        else
        {
            call = null;
        }

        if (call is null)
        {
            return false;
        }

        writer.WriteLine($"{parameter.Type} {local} = {call};");
        return true;
    }

    /// <summary>
    /// <c>minimum: 1, maximum: 100</c> for an <c>int</c> or <c>long</c> whose one rule is a <c>[Range]</c> with inclusive integer
    /// bounds and the default message — the runtime then writes the same errors the expanded checks would; null for
    /// anything else.
    /// </summary>
    private static string? InclusiveRange(ParameterModel parameter)
    {
        if (parameter.Value!.Kind is not (SimpleKind.Int32 or SimpleKind.Int64) || parameter.Rules.Count != 1
            || parameter.Rules[0] is not { Kind: RuleKind.Range, ErrorMessage: null, MinimumIsExclusive: false, MaximumIsExclusive: false } rule
            || !IsIntegerBound(rule.Minimum) || !IsIntegerBound(rule.Maximum))
        {
            return null;
        }

        return $"minimum: {rule.Minimum?.CSharp ?? "null"}, maximum: {rule.Maximum?.CSharp ?? "null"}";

        // The bound as the message writes it is the number's own invariant text, as the runtime prints it.
        static bool IsIntegerBound(Constant? bound) => bound is null or { Kind: ConstantKind.Int32 or ConstantKind.Int64 };
    }

    /// <summary>
    /// Required: no fallback; optional: the declared default (a <c>Nullable&lt;T&gt;</c> without one falls back to null;
    /// null when the runtime has no <paramref name="nullableMethod"/>). <paramref name="bounds"/> follow the fallback.
    /// </summary>
    private static string? Call(string method, string? nullableMethod, ValueModel value, ParameterModel parameter, string arguments, string? bounds = null)
    {
        var tail = bounds is null ? "" : ", " + bounds;
        if (!parameter.IsOptional)
        {
            return value.IsNullableValue ? null : $"RequestValues.{method}<{value.ScalarType}>({arguments}{tail}, ref errors)";
        }

        if (value.IsNullableValue)
        {
            return nullableMethod is null ? null
                : $"RequestValues.{nullableMethod}<{value.ScalarType}>({arguments}, {parameter.DefaultValue?.CSharp ?? "null"}{tail}, ref errors)";
        }

        return parameter.DefaultValue is { } fallback ? $"RequestValues.{method}<{value.ScalarType}>({arguments}, {fallback.CSharp}{tail}, ref errors)" : null;
    }

    private static bool IsInteger(SimpleKind kind) => kind is SimpleKind.Byte or SimpleKind.SByte or SimpleKind.Int16 or SimpleKind.UInt16
        or SimpleKind.Int32 or SimpleKind.UInt32 or SimpleKind.Int64 or SimpleKind.UInt64;

    /// <summary>The kinds whose expanded code parses with <c>T.TryParse(raw, CultureInfo.InvariantCulture, …)</c> (or an equivalent).</summary>
    private static string? ErrorType(SimpleKind kind) => kind switch
    {
        SimpleKind.Boolean => "BoolParsing",
        SimpleKind.Guid => "UuidParsing",
        _ => null,
    };
}
