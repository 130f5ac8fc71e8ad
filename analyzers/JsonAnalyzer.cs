using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FastEndpointsGen.Analyzers;

/// <summary>
/// FEG4xxx: walks the types an endpoint's body and response reach, as the generator's JSON parser does,
/// and reports each one the generated JSON cannot handle.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class JsonAnalyzer : DiagnosticAnalyzer
{
    private const string JsonDerivedType = "System.Text.Json.Serialization.JsonDerivedTypeAttribute";
    private const string JsonIgnore = "System.Text.Json.Serialization.JsonIgnoreAttribute";
    private const string ResultInterface = "Microsoft.AspNetCore.Http.IResult";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.JsonFallback,
        DiagnosticDescriptors.PolymorphicWithoutDerivedTypes,
        DiagnosticDescriptors.NoConstructorToRead,
        DiagnosticDescriptors.DuplicateJsonName,
        DiagnosticDescriptors.DerivedTypeNotGenerated);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeMethod, SymbolKind.Method);
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context)
    {
        if (Endpoint.From((IMethodSymbol)context.Symbol) is not { Route.Error: null } endpoint
            || HandlerAccess.Check(endpoint.Method, out _) != HandlerAccessProblem.None)
        {
            return;
        }

        var reported = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var value in Bindings.Classify(endpoint))
        {
            if (value.Decision.Source is BindingSource.Body or BindingSource.BodyMember)
            {
                Walk(context, value.Type, Locations.Of(value.Parameter), reported, reading: true);
            }
            else if (value.Decision.Special == SpecialKind.JsonWebSocket && !value.IsMember)
            {
                // A JsonWebSocket<TReceive, TSend> reads one type and writes the other, like a body and a response.
                var (receive, send) = WebSocketRoutes.MessageTypes(TypeClassifier.Unwrap(value.Type, out _));
                Walk(context, receive, Locations.Of(value.Parameter), reported, reading: true);
                Walk(context, send, Locations.Of(value.Parameter), reported, reading: false);
            }
        }

        if (ResponseType(endpoint.Method) is { } response)
        {
            var location = endpoint.Method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) is MethodDeclarationSyntax syntax
                ? syntax.ReturnType.GetLocation()
                : endpoint.MethodLocation;
            foreach (var type in response)
            {
                Walk(context, type, location, reported, reading: false);
            }
        }
    }

    /// <summary>The types a response writes as JSON: <c>T</c> of <c>Task&lt;T&gt;</c>, the items of an <c>IAsyncEnumerable&lt;T&gt;</c> (the data of its <c>SseItem&lt;T&gt;</c> events), or the values an <c>IResult</c> carries.</summary>
    private static List<ITypeSymbol>? ResponseType(IMethodSymbol method)
    {
        var type = method.ReturnType;
        if (type is INamedTypeSymbol named && named.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks" && named.Name is "Task" or "ValueTask")
        {
            if (named.TypeArguments.Length == 0)
            {
                return null;
            }

            type = named.TypeArguments[0];
        }

        if (method.ReturnsVoid || type.SpecialType == SpecialType.System_String || type.IsRefLikeType)
        {
            return null;
        }

        var types = new List<ITypeSymbol>();
        if (AsyncStreams.ItemType(type) is { } item)
        {
            // A stream writes its items one by one: the item type is what the generated JSON must handle,
            // and for server-sent events the data each SseItem<T> carries.
            types.Add(AsyncStreams.EventDataType(item) ?? item);
        }
        else if (IsResult(type))
        {
            AddResultValues(type, types);
        }
        else
        {
            types.Add(type);
        }

        return types;
    }

    private static bool IsResult(ITypeSymbol type) =>
        TypeClassifier.FullName(type) == ResultInterface || type.AllInterfaces.Any(i => TypeClassifier.FullName(i) == ResultInterface);

    private static void AddResultValues(ITypeSymbol type, List<ITypeSymbol> types)
    {
        if (type is not INamedTypeSymbol { IsGenericType: true } named)
        {
            return;
        }

        foreach (var argument in named.TypeArguments)
        {
            if (IsResult(argument))
            {
                AddResultValues(argument, types);
            }
            else if (named.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Http.HttpResults")
            {
                types.Add(argument);
            }
        }
    }

    /// <summary>Follows the type graph as <c>JsonTypeParser</c> does; each type is visited once per endpoint.</summary>
    private static void Walk(SymbolAnalysisContext context, ITypeSymbol type, Location location, HashSet<ITypeSymbol> seen, bool reading)
    {
        var stack = new Stack<ITypeSymbol>();
        stack.Push(type);
        while (stack.Count > 0)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var current = stack.Pop();
            if (current.IsReferenceType)
            {
                current = current.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
            }

            if (current.TypeKind == TypeKind.Error || !seen.Add(current))
            {
                continue;
            }

            current = TypeClassifier.Unwrap(current, out var wasNullable);
            if (wasNullable)
            {
                stack.Push(current);
                continue;
            }

            var simple = TypeClassifier.GetSimpleKind(current);
            if (TypeClassifier.IsJsonScalar(simple))
            {
                continue;
            }

            if (TypeClassifier.GetCollectionKind(current, out var element) != CollectionKind.None && element is not null)
            {
                stack.Push(element);
                continue;
            }

            if (TypeClassifier.IsDictionary(current, out _, out var value) && value is not null)
            {
                stack.Push(value);
                continue;
            }

            if (JsonSupport.FallbackReason(current) is { } reason)
            {
                Report(context, current, reason, location);
                continue;
            }

            var named = (INamedTypeSymbol)current;
            if (Polymorphism.Of(named) is { } polymorphism)
            {
                foreach (var derived in CheckDerivedTypes(context, named, polymorphism, location))
                {
                    stack.Push(derived);
                }

                if (named.TypeKind == TypeKind.Interface || named.IsAbstract)
                {
                    continue; // its members are written and read by the derived types
                }
            }

            if (reading && !named.IsValueType && JsonSupport.ReadConstructor(named) is null)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NoConstructorToRead, location, named.ToDisplayString()));
            }

            CheckNames(context, named, location);
            foreach (var member in Members(named))
            {
                stack.Push(member);
            }
        }
    }

    /// <summary>FEG4005: the <c>[JsonDerivedType]</c>s the generated code cannot use. Returns the types it uses.</summary>
    private static List<ITypeSymbol> CheckDerivedTypes(SymbolAnalysisContext context, INamedTypeSymbol type, Polymorphism polymorphism, Location location)
    {
        var usable = new List<ITypeSymbol>();
        var types = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var derived in polymorphism.Derived)
        {
            var tag = derived.Discriminator switch
            {
                string text => "\"" + text + "\"",
                int number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => null,
            };
            var problem = Polymorphism.Problem(type, derived.Type)
                ?? (!types.Add(derived.Type) ? "it is listed twice" : null)
                ?? (tag is not null && !tags.Add(tag) ? $"its discriminator {tag} is used by another derived type" : null)
                ?? CollidingMember(derived.Type, polymorphism.PropertyName);
            if (problem is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.DerivedTypeNotGenerated, location, derived.Type.ToDisplayString(), type.ToDisplayString(), problem));
            }
            else if (!SymbolEqualityComparer.Default.Equals(derived.Type, type))
            {
                usable.Add(derived.Type);
            }
        }

        return usable;
    }

    private static string? CollidingMember(ITypeSymbol type, string discriminator)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (!property.IsStatic && property.DeclaredAccessibility == Accessibility.Public && !IsAlwaysIgnored(property)
                    && JsonSupport.MemberName(property) == discriminator)
                {
                    return $"its member '{property.Name}' is named \"{discriminator}\" in JSON, like the discriminator";
                }
            }
        }

        return null;
    }

    /// <summary>FEG4004: two serialized properties whose JSON names are the same.</summary>
    private static void CheckNames(SymbolAnalysisContext context, INamedTypeSymbol type, Location location)
    {
        var byName = new Dictionary<string, IPropertySymbol>(StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.IsOverride || property.DeclaredAccessibility != Accessibility.Public
                    || property.GetMethod is not { DeclaredAccessibility: Accessibility.Public } || property.Name == "EqualityContract"
                    || IsAlwaysIgnored(property))
                {
                    continue;
                }

                var name = JsonSupport.MemberName(property);
                if (byName.TryGetValue(name, out var first))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.DuplicateJsonName, location, type.ToDisplayString(), first.Name, property.Name, name));
                }
                else
                {
                    byName[name] = property;
                }
            }
        }
    }

    private static void Report(SymbolAnalysisContext context, ITypeSymbol type, string reason, Location location)
    {
        var polymorphic = type.TypeKind == TypeKind.Interface || type.IsAbstract && type.TypeKind == TypeKind.Class;
        if (polymorphic && !type.GetAttributes().Any(a => a.AttributeClass is not null && TypeClassifier.FullName(a.AttributeClass) == JsonDerivedType))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.PolymorphicWithoutDerivedTypes, location, type.ToDisplayString(),
                type.TypeKind == TypeKind.Interface ? "an interface" : "an abstract class"));
            return;
        }

        var reasonText = reason.Length > 0 ? char.ToUpperInvariant(reason[0]) + reason.Substring(1) : reason;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.JsonFallback, location, reasonText, type.ToDisplayString()));
    }

    /// <summary>The types of the public properties and constructor parameters the generated reader and writer use.</summary>
    private static IEnumerable<ITypeSymbol> Members(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (!property.IsStatic && !property.IsIndexer && property.DeclaredAccessibility == Accessibility.Public
                    && property.GetMethod is { DeclaredAccessibility: Accessibility.Public } && property.Name != "EqualityContract"
                    && !IsAlwaysIgnored(property))
                {
                    yield return property.Type;
                }
            }
        }

        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaredAccessibility == Accessibility.Public)
            {
                foreach (var parameter in constructor.Parameters)
                {
                    yield return parameter.Type;
                }
            }
        }
    }

    private static bool IsAlwaysIgnored(IPropertySymbol property)
    {
        var attribute = property.GetAttributes().FirstOrDefault(a => a.AttributeClass is not null && TypeClassifier.FullName(a.AttributeClass) == JsonIgnore);
        var condition = attribute?.NamedArguments.FirstOrDefault(a => a.Key == "Condition").Value.Value;
        return attribute is not null && condition is null or 1;
    }
}
