using System.Linq;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Reading;

/// <summary>How a type binds itself from the request through a minimal-API <c>BindAsync</c> convention.</summary>
internal enum BindAsyncKind
{
    None,

    /// <summary><c>public static ValueTask&lt;T?&gt; BindAsync(HttpContext context)</c>.</summary>
    Context,

    /// <summary><c>public static ValueTask&lt;T?&gt; BindAsync(HttpContext context, ParameterInfo parameter)</c>.</summary>
    ContextAndParameter,

    /// <summary><c>IBindableFromHttpContext&lt;T&gt;</c> (its <c>BindAsync</c> may be implemented explicitly).</summary>
    Bindable,
}

/// <summary>
/// The minimal-API binding conventions a type can follow (docs/binding.md#custom-binding): <c>BindAsync</c>,
/// <c>IBindableFromHttpContext&lt;T&gt;</c> and <c>TryParse</c>. A method with the convention's name but not its
/// signature would be silently passed over, so it is found too (FEG2009, FEG2010).
/// </summary>
internal static class CustomBinding
{
    private const string HttpContext = "Microsoft.AspNetCore.Http.HttpContext";
    private const string ParameterInfo = "System.Reflection.ParameterInfo";
    private const string ValueTask = "System.Threading.Tasks.ValueTask";
    private const string FormatProvider = "System.IFormatProvider";

    /// <summary>Which <c>BindAsync</c> convention <paramref name="type"/> follows, if any.</summary>
    public static BindAsyncKind FindBindAsync(ITypeSymbol type) => BindAsyncKinds[type];

    /// <summary>Kept as long as the type symbol lives: every handler with a parameter of the type asks.</summary>
    private static readonly TypeMemo<ITypeSymbol, BindAsyncKind> BindAsyncKinds = new(Find);

    private static BindAsyncKind Find(ITypeSymbol type)
    {
        if (TypeClassifier.ImplementsOfItself(type, "Microsoft.AspNetCore.Http.IBindableFromHttpContext<TSelf>"))
        {
            return BindAsyncKind.Bindable;
        }

        var best = BindAsyncKind.None;
        foreach (var method in type.GetMembers("BindAsync").OfType<IMethodSymbol>())
        {
            var kind = BindAsyncOf(method, type);
            if (kind > best)
            {
                best = kind;
            }
        }

        return best;
    }

    /// <summary>True when <paramref name="type"/> declares a <c>BindAsync</c> that follows no convention (FEG2010).</summary>
    public static bool HasMisshapenBindAsync(ITypeSymbol type) => MisshapenBindAsync[type];

    // Asked for every bound value: kept per type like the conventions themselves.
    private static readonly TypeMemo<ITypeSymbol, bool> MisshapenBindAsync =
        new(static type => FindBindAsync(type) == BindAsyncKind.None && type.GetMembers("BindAsync").OfType<IMethodSymbol>().Any());

    /// <summary>True for a public static <c>TryParse(string, IFormatProvider?, out T)</c> or <c>TryParse(string, out T)</c>.</summary>
    public static bool HasTryParse(ITypeSymbol type, out bool withProvider)
    {
        withProvider = false;
        var found = false;
        foreach (var method in type.GetMembers("TryParse").OfType<IMethodSymbol>())
        {
            if (!method.IsStatic || method.DeclaredAccessibility != Accessibility.Public || method.ReturnType.SpecialType != SpecialType.System_Boolean)
            {
                continue;
            }

            var p = method.Parameters;
            if (p.Length == 3 && IsString(p[0]) && TypeClassifier.FullName(p[1].Type) == FormatProvider && IsOut(p[2], type))
            {
                withProvider = true;
                return true;
            }

            if (p.Length == 2 && IsString(p[0]) && IsOut(p[1], type))
            {
                found = true;
            }
        }

        return found;
    }

    /// <summary>True when <paramref name="type"/> declares a <c>TryParse</c> but none with a convention's signature (FEG2009).</summary>
    public static bool HasMisshapenTryParse(ITypeSymbol type) => MisshapenTryParse[type];

    private static readonly TypeMemo<ITypeSymbol, bool> MisshapenTryParse =
        new(static type => !HasTryParse(type, out _) && type.GetMembers("TryParse").OfType<IMethodSymbol>().Any());

    private static BindAsyncKind BindAsyncOf(IMethodSymbol method, ITypeSymbol type)
    {
        if (!method.IsStatic || method.DeclaredAccessibility != Accessibility.Public || method.IsGenericMethod
            || method.ReturnType is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } returned
            || TypeClassifier.FullName(returned.ConstructedFrom) != ValueTask + "<TResult>"
            || !IsSelf(returned.TypeArguments[0], type))
        {
            return BindAsyncKind.None;
        }

        var p = method.Parameters;
        if (p.Length >= 1 && p.All(x => x.RefKind == RefKind.None) && TypeClassifier.FullName(p[0].Type) == HttpContext)
        {
            if (p.Length == 1)
            {
                return BindAsyncKind.Context;
            }

            if (p.Length == 2 && TypeClassifier.FullName(p[1].Type) == ParameterInfo)
            {
                return BindAsyncKind.ContextAndParameter;
            }
        }

        return BindAsyncKind.None;
    }

    // T or T? (Nullable<T> for a struct) is the type itself.
    private static bool IsSelf(ITypeSymbol candidate, ITypeSymbol type) =>
        SymbolEqualityComparer.Default.Equals(TypeClassifier.Unwrap(candidate, out _).WithNullableAnnotation(NullableAnnotation.None),
            type.WithNullableAnnotation(NullableAnnotation.None));

    private static bool IsString(IParameterSymbol parameter) =>
        parameter.RefKind == RefKind.None && parameter.Type.SpecialType == SpecialType.System_String;

    private static bool IsOut(IParameterSymbol parameter, ITypeSymbol type) =>
        parameter.RefKind == RefKind.Out && IsSelf(parameter.Type, type);
}
