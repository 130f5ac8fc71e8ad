using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FastEndpointsGen.Generator.Model;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Generator.Parsing;

/// <summary>
/// Reads DataAnnotations attributes into <see cref="ValidationRule"/>s that the emitters compile into
/// plain comparisons. Attributes that do not fit the member's type are left out here; the analyzers
/// report them (FEG3xxx).
/// </summary>
internal static class ValidationParser
{
    private const string Namespace = ValidationAttributes.Namespace;

    /// <param name="within">The assembly the generated checks are compiled into: a custom attribute it cannot construct is FEG3006.</param>
    public static EquatableArray<ValidationRule> Parse(IEnumerable<AttributeData> attributes, ITypeSymbol type, IAssemblySymbol within)
    {
        var target = TargetOf(type, out var valueType);
        var rules = new List<ValidationRule>();
        foreach (var attribute in attributes)
        {
            var name = attribute.AttributeClass is null ? "" : TypeClassifier.FullName(attribute.AttributeClass);
            if (name.StartsWith(Namespace, System.StringComparison.Ordinal) && ValidationAttributes.Compiled.Contains(name.Substring(Namespace.Length)))
            {
                var rule = Parse(attribute, name.Substring(Namespace.Length), target, valueType);
                if (rule is not null)
                {
                    rules.Add(rule with { ErrorMessage = Named<string>(attribute, "ErrorMessage") });
                }
            }
            else if (CustomRule(attribute, within) is { } custom)
            {
                rules.Add(custom);
            }
        }

        return rules.ToEquatableArray();
    }

    /// <summary>
    /// The <c>ValidationAttribute</c>s on a model class (and its base classes), which run on the built object as
    /// <c>Validator.ValidateObject</c> runs them; each is constructed as written, like a custom member rule.
    /// </summary>
    public static EquatableArray<ValidationRule> ParseTypeRules(ITypeSymbol type, IAssemblySymbol within)
    {
        var rules = new List<ValidationRule>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (CustomRule(attribute, within, typeLevel: true) is { } rule)
                {
                    rules.Add(rule);
                }
            }
        }

        return rules.ToEquatableArray();
    }

    private static ValidationRule? Parse(AttributeData attribute, string name, RuleTarget target, ITypeSymbol valueType)
    {
        var arguments = attribute.ConstructorArguments;
        switch (name)
        {
            case "RequiredAttribute" when target == RuleTarget.String && !Named<bool>(attribute, "AllowEmptyStrings"):
                return new ValidationRule { Kind = RuleKind.Required, Target = target };

            case "RangeAttribute" when target == RuleTarget.Comparable:
                return ParseRange(attribute, valueType);

            case "StringLengthAttribute" when target == RuleTarget.String && arguments.Length == 1:
                var minimumLength = Named<int>(attribute, "MinimumLength");
                return LengthRule(target, minimumLength > 0 ? minimumLength : null, (int)arguments[0].Value!);

            case "MinLengthAttribute" when target is RuleTarget.String or RuleTarget.Collection && arguments.Length == 1:
                return LengthRule(target, (int)arguments[0].Value!, null);

            case "MaxLengthAttribute" when target is RuleTarget.String or RuleTarget.Collection && arguments.Length == 1:
                return LengthRule(target, null, (int)arguments[0].Value!);

            case "LengthAttribute" when target is RuleTarget.String or RuleTarget.Collection && arguments.Length == 2:
                return LengthRule(target, (int)arguments[0].Value!, (int)arguments[1].Value!);

            case "RegularExpressionAttribute" when target == RuleTarget.String && arguments.Length == 1 && arguments[0].Value is string pattern:
                return new ValidationRule
                {
                    Kind = RuleKind.RegularExpression,
                    Target = target,
                    Pattern = pattern,
                    MatchTimeoutMilliseconds = Named<int>(attribute, "MatchTimeoutInMilliseconds") is > 0 and var timeout ? timeout : 2000,
                };

            case "EmailAddressAttribute" when target == RuleTarget.String:
                return new ValidationRule { Kind = RuleKind.EmailAddress, Target = target };

            case "UrlAttribute" when target == RuleTarget.String:
                return new ValidationRule { Kind = RuleKind.Url, Target = target };

            case "PhoneAttribute" when target == RuleTarget.String:
                return new ValidationRule { Kind = RuleKind.Phone, Target = target };

            case "Base64StringAttribute" when target == RuleTarget.String:
                return new ValidationRule { Kind = RuleKind.Base64String, Target = target };

            case "AllowedValuesAttribute" or "DeniedValuesAttribute" when arguments.Length == 1 && arguments[0].Kind == TypedConstantKind.Array:
                var values = arguments[0].Values;
                return new ValidationRule
                {
                    Kind = name == "AllowedValuesAttribute" ? RuleKind.AllowedValues : RuleKind.DeniedValues,
                    Target = target,
                    Values = values.Select(v => v.IsNull ? Constant.Null : Names.Constant(v.Value, valueType)).ToEquatableArray(),
                };

            case "CompareAttribute" when arguments.Length == 1 && arguments[0].Value is string other:
                return new ValidationRule { Kind = RuleKind.Compare, Target = target, OtherMember = other };
        }

        return null;
    }

    /// <summary>
    /// A <c>ValidationAttribute</c> not compiled inline (<c>[DivisibleBy(5, AllowZero = true)]</c>, <c>[CreditCard]</c>) is
    /// constructed as written and run at its location (docs/validation.md). <c>[DataType]</c> only describes.
    /// </summary>
    private static ValidationRule? CustomRule(AttributeData attribute, IAssemblySymbol within, bool typeLevel = false)
    {
        if (!ValidationAttributes.RunsAsItself(attribute, typeLevel))
        {
            return null;
        }

        // One the generated code cannot construct as written is left out: FEG3006 is an error at the attribute.
        if (!EndpointMetadata.IsConstructible(attribute, within))
        {
            return null;
        }

        var type = attribute.AttributeClass!;

        return new ValidationRule
        {
            Kind = RuleKind.Custom,
            Target = RuleTarget.Other,
            AttributeType = Names.TypeRef(type),
            Construction = AttributeConstruction.Expression(attribute),
        };
    }

    /// <summary><c>[DataType(DataType.Password)]</c>: the value must never be echoed in an error.</summary>
    public static bool IsPassword(IEnumerable<AttributeData> attributes) =>
        attributes.Any(a => a.AttributeClass is not null && TypeClassifier.FullName(a.AttributeClass) == Namespace + "DataTypeAttribute"
            && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is int dataType && dataType == 11);

    private static ValidationRule LengthRule(RuleTarget target, int? minimum, int? maximum) => new()
    {
        Kind = RuleKind.Length,
        Target = target,
        MinimumLength = minimum,
        MaximumLength = maximum is >= 0 ? maximum : null,
    };

    /// <summary>
    /// <c>[Range(1, 100)]</c>, <c>[Range(0.5, 9.5)]</c> and <c>[Range(typeof(DateOnly), "2020-01-01", "2030-12-31")]</c>,
    /// with bounds converted to the member's own type at compile time where a literal can say it.
    /// </summary>
    private static ValidationRule? ParseRange(AttributeData attribute, ITypeSymbol valueType)
    {
        var arguments = attribute.ConstructorArguments;
        Constant? minimum, maximum;
        if (arguments.Length == 2 && arguments[0].Value is int intMin && arguments[1].Value is int intMax)
        {
            minimum = new Constant(ConstantKind.Int32, intMin.ToString(CultureInfo.InvariantCulture));
            maximum = new Constant(ConstantKind.Int32, intMax.ToString(CultureInfo.InvariantCulture));
        }
        else if (arguments.Length == 2 && arguments[0].Value is double doubleMin && arguments[1].Value is double doubleMax)
        {
            // A decimal member compares with decimal literals; anything else with doubles (integers promote). An infinite
            // bound is no bound.
            var kind = valueType.SpecialType == SpecialType.System_Decimal ? ConstantKind.Decimal : ConstantKind.Double;
            minimum = double.IsInfinity(doubleMin) ? null : new Constant(kind, doubleMin.ToString("R", CultureInfo.InvariantCulture));
            maximum = double.IsInfinity(doubleMax) ? null : new Constant(kind, doubleMax.ToString("R", CultureInfo.InvariantCulture));
        }
        else if (arguments.Length == 3 && arguments[1].Value is string textMin && arguments[2].Value is string textMax)
        {
            var memberType = Names.TypeWithoutAnnotation(valueType);
            minimum = new Constant(ConstantKind.Parsed, textMin, memberType);
            maximum = new Constant(ConstantKind.Parsed, textMax, memberType);
        }
        else
        {
            return null;
        }

        return new ValidationRule
        {
            Kind = RuleKind.Range,
            Target = RuleTarget.Comparable,
            Minimum = minimum,
            Maximum = maximum,
            MinimumIsExclusive = Named<bool>(attribute, "MinimumIsExclusive"),
            MaximumIsExclusive = Named<bool>(attribute, "MaximumIsExclusive"),
        };
    }

    // The same shapes the analyzers check attributes against (reading/ValueShape.cs).
    private static RuleTarget TargetOf(ITypeSymbol type, out ITypeSymbol valueType) => ValueShapes.Of(type, out valueType) switch
    {
        ValueShape.String => RuleTarget.String,
        ValueShape.Collection => RuleTarget.Collection,
        ValueShape.Comparable => RuleTarget.Comparable,
        _ => RuleTarget.Other,
    };

    private static T Named<T>(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is T value)
            {
                return value;
            }
        }

        return default!;
    }
}
