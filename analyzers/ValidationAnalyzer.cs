using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FastEndpointsGen.Analyzers;

/// <summary>
/// FEG3xxx: DataAnnotations attributes the generated validation would leave out or could never satisfy,
/// on properties and on parameters (handler parameters and positional record parameters).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ValidationAnalyzer : DiagnosticAnalyzer
{
    private const string Namespace = ValidationAttributes.Namespace;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ValidationAttributeOnWrongType,
        DiagnosticDescriptors.InvalidRegularExpression,
        DiagnosticDescriptors.MinimumAboveMaximum,
        DiagnosticDescriptors.CompareNamesNoMember,
        DiagnosticDescriptors.PatternCanBacktrackCatastrophically,
        DiagnosticDescriptors.ValidationAttributeNotConstructible);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeProperty, SymbolKind.Property);
        context.RegisterSymbolAction(AnalyzeMethod, SymbolKind.Method);
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
    }

    /// <summary>FEG3006 for a class-level <c>ValidationAttribute</c> the generated code could not construct.</summary>
    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        foreach (var attribute in context.Symbol.GetAttributes())
        {
            CheckConstructible(context, attribute, context.Symbol, typeLevel: true);
        }
    }

    /// <summary>
    /// FEG3006: a <c>ValidationAttribute</c> that runs as itself is constructed in generated code, so what it is built
    /// with must be accessible from this assembly (docs/diagnostics/FEG3006.md).
    /// </summary>
    private static void CheckConstructible(SymbolAnalysisContext context, AttributeData attribute, ISymbol target, bool typeLevel)
    {
        if (ValidationAttributes.RunsAsItself(attribute, typeLevel) && !EndpointMetadata.IsConstructible(attribute, context.Compilation.Assembly))
        {
            var location = Locations.OfAttribute(attribute, context.CancellationToken) ?? Locations.Of(target);
            var name = attribute.AttributeClass!.Name;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ValidationAttributeNotConstructible, location,
                name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name));
        }
    }

    private static void AnalyzeProperty(SymbolAnalysisContext context)
    {
        var property = (IPropertySymbol)context.Symbol;
        if (!property.IsImplicitlyDeclared)
        {
            AnalyzeMember(context, property, property.Type, property.ContainingType);
        }
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.IsImplicitlyDeclared || method.MethodKind is not (MethodKind.Ordinary or MethodKind.Constructor))
        {
            return;
        }

        foreach (var parameter in method.Parameters)
        {
            AnalyzeMember(context, parameter, parameter.Type, method.ContainingType);
        }
    }

    private static void AnalyzeMember(SymbolAnalysisContext context, ISymbol member, ITypeSymbol type, INamedTypeSymbol containingType)
    {
        if (type.TypeKind == TypeKind.Error)
        {
            return;
        }

        var shape = ValueShapes.Of(type, out _);
        foreach (var attribute in member.GetAttributes())
        {
            CheckConstructible(context, attribute, member, typeLevel: false);
            var fullName = attribute.AttributeClass is null ? "" : TypeClassifier.FullName(attribute.AttributeClass);
            if (!fullName.StartsWith(Namespace, StringComparison.Ordinal))
            {
                continue;
            }

            var name = fullName.Substring(Namespace.Length);
            var shortName = name.Substring(0, name.Length - "Attribute".Length);
            if (!ValueShapes.Accepts(name, shape))
            {
                var location = Locations.OfAttribute(attribute, context.CancellationToken) ?? Locations.Of(member);
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.ValidationAttributeOnWrongType, location, shortName, member.Name, type.ToDisplayString(), Hint(name, shape)));
                continue;
            }

            switch (name)
            {
                case "RegularExpressionAttribute":
                    CheckPattern(context, attribute);
                    break;
                case "RangeAttribute" or "LengthAttribute":
                    CheckBounds(context, attribute, shortName);
                    break;
                case "StringLengthAttribute":
                    CheckStringLength(context, attribute);
                    break;
                case "CompareAttribute":
                    CheckCompare(context, attribute, member, containingType);
                    break;
            }
        }
    }

    private static string Hint(string attribute, ValueShape shape) => attribute switch
    {
        "RangeAttribute" when shape == ValueShape.String =>
            "a string has no order; validate its length with [StringLength], or bind the value as a number or date",
        "RangeAttribute" => "[Range] applies to numbers, dates and times",
        "StringLengthAttribute" or "RegularExpressionAttribute" or "EmailAddressAttribute" or "UrlAttribute" or "PhoneAttribute" or "Base64StringAttribute" =>
            "it applies to strings only",
        _ => "it applies to strings and collections only",
    };

    /// <summary>FEG3002: the pattern is compiled into the generated checks, so it must parse now; FEG3005: it should not backtrack catastrophically.</summary>
    private static void CheckPattern(SymbolAnalysisContext context, AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string pattern)
        {
            return;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException exception)
        {
            var location = Locations.ArgumentOrAttribute(attribute, 0, null, context.CancellationToken) ?? Location.None;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidRegularExpression, location, pattern, exception.Message));
            return;
        }

        if (PatternRisk.CanBacktrackCatastrophically(pattern))
        {
            var location = Locations.ArgumentOrAttribute(attribute, 0, null, context.CancellationToken) ?? Location.None;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.PatternCanBacktrackCatastrophically, location, pattern));
        }
    }

    /// <summary>FEG3003 for <c>[Range(min, max)]</c> and <c>[Length(min, max)]</c>.</summary>
    private static void CheckBounds(SymbolAnalysisContext context, AttributeData attribute, string shortName)
    {
        var arguments = attribute.ConstructorArguments;
        if (arguments.Length != 2 || !TryNumber(arguments[0].Value, out var minimum) || !TryNumber(arguments[1].Value, out var maximum) || minimum <= maximum)
        {
            return;
        }

        ReportMinimumAboveMaximum(context, attribute, shortName, arguments[0].Value, arguments[1].Value);
    }

    /// <summary>FEG3003 for <c>[StringLength(max, MinimumLength = min)]</c>.</summary>
    private static void CheckStringLength(SymbolAnalysisContext context, AttributeData attribute)
    {
        var minimum = attribute.NamedArguments.FirstOrDefault(a => a.Key == "MinimumLength").Value.Value;
        if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int maximum && minimum is int min && min > maximum)
        {
            ReportMinimumAboveMaximum(context, attribute, "StringLength", min, maximum);
        }
    }

    private static void ReportMinimumAboveMaximum(SymbolAnalysisContext context, AttributeData attribute, string shortName, object? minimum, object? maximum)
    {
        var location = Locations.OfAttribute(attribute, context.CancellationToken) ?? Location.None;
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.MinimumAboveMaximum, location, shortName,
            Convert.ToString(minimum, CultureInfo.InvariantCulture), Convert.ToString(maximum, CultureInfo.InvariantCulture)));
    }

    private static bool TryNumber(object? value, out double number)
    {
        switch (value)
        {
            case int i:
                number = i;
                return true;
            case double d:
                number = d;
                return true;
            default:
                number = 0;
                return false;
        }
    }

    /// <summary>FEG3004: <c>[Compare("Other")]</c> (valid on properties only) needs a member called Other on the same type.</summary>
    private static void CheckCompare(SymbolAnalysisContext context, AttributeData attribute, ISymbol member, INamedTypeSymbol containingType)
    {
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string other)
        {
            return;
        }

        for (var type = containingType; type is not null; type = type.BaseType)
        {
            if (type.GetMembers(other).Any(m => m is IPropertySymbol or IFieldSymbol))
            {
                return;
            }
        }

        var location = Locations.ArgumentOrAttribute(attribute, 0, null, context.CancellationToken) ?? Locations.Of(member);
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CompareNamesNoMember, location, other, containingType.Name));
    }
}
