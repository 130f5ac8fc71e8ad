using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FastEndpointsGen.Generator.Model;

namespace FastEndpointsGen.Generator.Emitting;

/// <summary>Reports one failed rule: (type code, message expression, input expression, ctx expression or null) → statement.</summary>
internal delegate string RuleReporter(string type, string message, string input, string? context);

/// <summary>
/// Compiles validation rules into inline checks (docs/validation.md). The same checks serve JSON members and
/// route/query/header parameters; only how a failure is reported differs. Messages and type codes are
/// FastAPI's, fixed at compile time; a failing request formats nothing but its own input.
/// </summary>
internal static class ValidationEmitter
{
    /// <summary>
    /// Writes the checks for <paramref name="rules"/> against <paramref name="value"/>, a non-null
    /// expression of the member's type. Static values a check needs (parsed bounds, regexes) are added to
    /// <paramref name="fields"/> for the caller to declare once.
    /// </summary>
    public static void EmitChecks(SourceWriter writer, IEnumerable<ValidationRule> rules, string value, string name, string fieldPrefix,
        StaticFields fields, RuleReporter report)
    {
        var list = rules.ToList();
        if (list.Any(r => r.Kind == RuleKind.Length && r.Target == RuleTarget.Collection))
        {
            writer.WriteLine($"var itemCount = global::System.Linq.Enumerable.Count({value});");
        }

        foreach (var rule in list)
        {
            switch (rule.Kind)
            {
                case RuleKind.Required:
                    Check(writer, $"string.IsNullOrWhiteSpace({value})", rule, name, report, "string_too_short",
                        "String should have at least 1 character", value, Ctx("min_length", "1"));
                    break;
                case RuleKind.Length when rule.Target == RuleTarget.String:
                    if (rule.MinimumLength is { } min)
                    {
                        // With [Required] an empty string already has its error; do not report it twice.
                        var guard = list.Any(r => r.Kind == RuleKind.Required) ? $"{value}.Length > 0 && " : "";
                        // Code points, as JSON Schema's minLength/maxLength count (docs/openapi.md).
                        Check(writer, $"{guard}ValidationChecks.TextLength({value}) < {Number(min)}", rule, name, report, "string_too_short",
                            $"String should have at least {Number(min)} {Plural(min, "character")}", value, Ctx("min_length", Number(min)));
                    }

                    if (rule.MaximumLength is { } max)
                    {
                        Check(writer, $"ValidationChecks.TextLength({value}) > {Number(max)}", rule, name, report, "string_too_long",
                            $"String should have at most {Number(max)} {Plural(max, "character")}", value, Ctx("max_length", Number(max)));
                    }

                    break;
                case RuleKind.Length:
                    EmitCollectionLength(writer, rule, value, name, report);
                    break;
                case RuleKind.Range:
                    EmitRange(writer, rule, value, name, fieldPrefix, fields, report);
                    break;
                case RuleKind.RegularExpression:
                    // Anchored \A…\z (not ^…$, which lets a final newline through), linear-time where the pattern allows,
                    // and bounded by a match timeout: ValidationChecks.Pattern builds it once.
                    var regex = fields.Add($"{fieldPrefix}_Pattern", "global::System.Text.RegularExpressions.Regex",
                        $"ValidationChecks.Pattern({JsonEmitter.Literal(rule.Pattern!)}, {rule.MatchTimeoutMilliseconds})");
                    Check(writer, $"!ValidationChecks.Matches({regex}, {value})", rule, name, report, "string_pattern_mismatch",
                        $"String should match pattern '{rule.Pattern}'", value, Ctx("pattern", JsonEmitter.Literal(rule.Pattern!)));
                    break;
                case RuleKind.EmailAddress:
                    Check(writer, $"!ValidationChecks.IsEmail({value})", rule, name, report, "value_error",
                        "Value error, value is not a valid email address", value, null);
                    break;
                case RuleKind.Url:
                    Check(writer, $"!ValidationChecks.IsUrl({value})", rule, name, report, "url_parsing",
                        "Input should be a valid URL", value, null);
                    break;
                case RuleKind.Phone:
                    Check(writer, $"!ValidationChecks.IsPhone({value})", rule, name, report, "value_error",
                        "Value error, value is not a valid phone number", value, null);
                    break;
                case RuleKind.Base64String:
                    Check(writer, $"!ValidationChecks.IsBase64({value})", rule, name, report, "value_error",
                        "Value error, input is not valid base64", value, null);
                    break;
                case RuleKind.AllowedValues:
                    var expected = Expected(rule.Values);
                    Check(writer, $"!({string.Join(" || ", rule.Values.Select(v => $"{value} == {v.CSharp}"))})", rule, name, report, "literal_error",
                        $"Input should be {expected}", value, Ctx("expected", JsonEmitter.Literal(expected)));
                    break;
                case RuleKind.Custom:
                    // A ValidationAttribute the generator does not compile: built once, run as DataAnnotations would.
                    var attribute = fields.Add($"{fieldPrefix}_{ShortName(rule.AttributeType!)}", rule.AttributeType!.Name, rule.Construction!);
                    var message = char.ToLowerInvariant(attribute[0]) + attribute.Substring(1) + "Error";
                    writer.WriteLine($"if (ValidationChecks.Custom({attribute}, {value}, {JsonEmitter.Literal(name)}) is {{ }} {message})");
                    using (writer.Block())
                    {
                        writer.WriteLine(report("value_error", message, $"ValidationChecks.Input({value})", null));
                    }

                    break;
                case RuleKind.DeniedValues:
                    Check(writer, string.Join(" || ", rule.Values.Select(v => $"{value} == {v.CSharp}")), rule, name, report, "value_error",
                        "Value error, input is not allowed", value, null);
                    break;
            }
        }
    }

    /// <summary>True when a rule list has checks that run on the member's own value.</summary>
    public static bool HasValueChecks(IEnumerable<ValidationRule> rules) => rules.Any(r => r.Kind != RuleKind.Compare);

    private static void EmitCollectionLength(SourceWriter writer, ValidationRule rule, string value, string name, RuleReporter report)
    {
        if (rule.MinimumLength is { } min)
        {
            Check(writer, $"itemCount < {Number(min)}", rule, name, report, "too_short",
                $"$\"List should have at least {Number(min)} {Plural(min, "item")} after validation, not {{itemCount}}\"", value,
                $"ValidationChecks.ListContext(\"min_length\", {Number(min)}, itemCount)", messageIsExpression: true);
        }

        if (rule.MaximumLength is { } max)
        {
            Check(writer, $"itemCount > {Number(max)}", rule, name, report, "too_long",
                $"$\"List should have at most {Number(max)} {Plural(max, "item")} after validation, not {{itemCount}}\"", value,
                $"ValidationChecks.ListContext(\"max_length\", {Number(max)}, itemCount)", messageIsExpression: true);
        }
    }

    private static void EmitRange(SourceWriter writer, ValidationRule rule, string value, string name, string fieldPrefix, StaticFields fields, RuleReporter report)
    {
        if (rule.Minimum is { } minimum)
        {
            var bound = Bound(minimum, $"{fieldPrefix}_Minimum", fields);
            var (op, type, words, key) = rule.MinimumIsExclusive
                ? ("<=", "greater_than", "greater than", "gt")
                : ("<", "greater_than_equal", "greater than or equal to", "ge");
            Check(writer, $"{value} {op} {bound}", rule, name, report, type,
                $"Input should be {words} {minimum.Text}", value, Ctx(key, minimum.Json!));
        }

        if (rule.Maximum is { } maximum)
        {
            var bound = Bound(maximum, $"{fieldPrefix}_Maximum", fields);
            var (op, type, words, key) = rule.MaximumIsExclusive
                ? (">=", "less_than", "less than", "lt")
                : (">", "less_than_equal", "less than or equal to", "le");
            Check(writer, $"{value} {op} {bound}", rule, name, report, type,
                $"Input should be {words} {maximum.Text}", value, Ctx(key, maximum.Json!));
        }
    }

    /// <summary>A bound as C#; one that needs parsing (<c>DateOnly.Parse(...)</c>) becomes a static field, parsed once.</summary>
    private static string Bound(Constant bound, string field, StaticFields fields) =>
        bound.IsParsed ? fields.Add(field, bound.Type!, bound.CSharp) : bound.CSharp;

    private static void Check(SourceWriter writer, string failure, ValidationRule rule, string name, RuleReporter report, string type,
        string message, string value, string? context, bool messageIsExpression = false)
    {
        var text = rule.ErrorMessage is { } custom
            ? JsonEmitter.Literal(custom.Replace("{0}", name))
            : messageIsExpression ? message : JsonEmitter.Literal(message);
        writer.WriteLine($"if ({failure})");
        using (writer.Block())
        {
            writer.WriteLine(report(type, text, $"ValidationChecks.Input({value})", context));
        }
    }

    // DivisibleBy for global::Demo.DivisibleByAttribute.
    internal static string ShortName(TypeRef type)
    {
        var name = type.SimpleName;
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }

    private static string Ctx(string key, string rawJson) => $"ValidationChecks.Context(\"{key}\", {JsonEmitter.Literal(rawJson)})";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Plural(int count, string noun) => count == 1 ? noun : noun + "s";

    /// <summary>FastAPI's list of literals: <c>'a', 'b' or 3</c>.</summary>
    private static string Expected(IReadOnlyList<Constant> values)
    {
        var quoted = values.Select(v => v.Kind is ConstantKind.String or ConstantKind.Char ? "'" + v.Text + "'" : v.Text).ToList();
        return quoted.Count <= 1 ? string.Join("", quoted) : string.Join(", ", quoted.Take(quoted.Count - 1)) + " or " + quoted[quoted.Count - 1];
    }
}

/// <summary>Static readonly fields an emitter needs once per class (parsed bounds, regexes).</summary>
internal sealed class StaticFields
{
    private readonly List<(string Name, string Type, string Initializer)> _fields = [];

    public string Add(string name, string type, string initializer)
    {
        var unique = name;
        for (var i = 2; _fields.Exists(f => f.Name == unique); i++)
        {
            unique = name + i;
        }

        _fields.Add((unique, type, initializer));
        return unique;
    }

    public void Write(SourceWriter writer)
    {
        foreach (var (name, type, initializer) in _fields)
        {
            writer.WriteLine($"private static readonly {type} {name} = {initializer};");
        }
    }

    public bool IsEmpty => _fields.Count == 0;
}
