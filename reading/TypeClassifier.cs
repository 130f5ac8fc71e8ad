using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Reading;

/// <summary>The scalar types that bind from a single string (route, query, header) and map to one JSON value.</summary>
internal enum SimpleKind
{
    None,
    String,
    Boolean,
    Char,
    Byte,
    SByte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
    Guid,
    DateTime,
    DateTimeOffset,
    DateOnly,
    TimeOnly,
    TimeSpan,
    Uri,
    Enum,

    /// <summary>A user type implementing <c>IParsable&lt;T&gt;</c>: binds from strings; JSON treats it as an object.</summary>
    Parsable,

    /// <summary>A user type with <c>public static bool TryParse(string, IFormatProvider?, out T)</c>, the minimal-API convention.</summary>
    TryParse,

    /// <summary>A user type with <c>public static bool TryParse(string, out T)</c>.</summary>
    TryParseWithoutProvider,
}

/// <summary>How a JSON array or multi-valued query parameter is materialised.</summary>
internal enum CollectionKind
{
    None,

    /// <summary><c>T[]</c>.</summary>
    Array,

    /// <summary><c>List&lt;T&gt;</c> and the list interfaces it implements (<c>IEnumerable</c>, <c>IReadOnlyList</c>, ...).</summary>
    List,

    /// <summary><c>HashSet&lt;T&gt;</c>, <c>ISet&lt;T&gt;</c>, <c>IReadOnlySet&lt;T&gt;</c>.</summary>
    HashSet,
}

/// <summary>Framework types a handler can ask for that are neither data nor services (docs/binding.md).</summary>
internal enum SpecialKind
{
    None,
    HttpContext,
    HttpRequest,
    HttpResponse,
    CancellationToken,
    ClaimsPrincipal,
    FormFile,
    FormFileCollection,
    FormCollection,
    Stream,
    PipeReader,

    /// <summary>A <c>System.Net.WebSockets.WebSocket</c>: only on a <c>[WebSocketRoute]</c> handler (docs/websockets.md).</summary>
    WebSocket,

    /// <summary>A <c>FastEndpointsGen.JsonWebSocket&lt;TReceive, TSend&gt;</c>: only on a <c>[WebSocketRoute]</c> handler.</summary>
    JsonWebSocket,
}

/// <summary>
/// Classifies types the way binding and JSON need them. Shared by the generator and the analyzers,
/// so the IDE reports exactly what the generated code will do.
/// </summary>
internal static class TypeClassifier
{
    /// <summary>Strips <c>Nullable&lt;T&gt;</c>, reporting whether it was there.</summary>
    public static ITypeSymbol Unwrap(ITypeSymbol type, out bool isNullableValue)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            isNullableValue = true;
            return nullable.TypeArguments[0];
        }

        isNullableValue = false;
        return type;
    }

    /// <summary>The scalar kind of a type (after <see cref="Unwrap"/>), or <see cref="SimpleKind.None"/>.</summary>
    public static SimpleKind GetSimpleKind(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String: return SimpleKind.String;
            case SpecialType.System_Boolean: return SimpleKind.Boolean;
            case SpecialType.System_Char: return SimpleKind.Char;
            case SpecialType.System_Byte: return SimpleKind.Byte;
            case SpecialType.System_SByte: return SimpleKind.SByte;
            case SpecialType.System_Int16: return SimpleKind.Int16;
            case SpecialType.System_UInt16: return SimpleKind.UInt16;
            case SpecialType.System_Int32: return SimpleKind.Int32;
            case SpecialType.System_UInt32: return SimpleKind.UInt32;
            case SpecialType.System_Int64: return SimpleKind.Int64;
            case SpecialType.System_UInt64: return SimpleKind.UInt64;
            case SpecialType.System_Single: return SimpleKind.Single;
            case SpecialType.System_Double: return SimpleKind.Double;
            case SpecialType.System_Decimal: return SimpleKind.Decimal;
            case SpecialType.System_DateTime: return SimpleKind.DateTime;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return SimpleKind.Enum;
        }

        return SimpleKinds[type];
    }

    /// <summary>
    /// The kinds read from a type's name and members, kept as long as the type symbol lives (as long as its
    /// compilation): the handlers sharing a model type ask about it once.
    /// </summary>
    private static readonly TypeMemo<ITypeSymbol, SimpleKind> SimpleKinds = new(OtherSimpleKind);

    private static SimpleKind OtherSimpleKind(ITypeSymbol type)
    {
        switch (FullName(type))
        {
            case "System.Guid": return SimpleKind.Guid;
            case "System.DateTimeOffset": return SimpleKind.DateTimeOffset;
            case "System.DateOnly": return SimpleKind.DateOnly;
            case "System.TimeOnly": return SimpleKind.TimeOnly;
            case "System.TimeSpan": return SimpleKind.TimeSpan;
            case "System.Uri": return SimpleKind.Uri;
        }

        if (IsParsable(type))
        {
            return SimpleKind.Parsable;
        }

        return CustomBinding.HasTryParse(type, out var withProvider)
            ? withProvider ? SimpleKind.TryParse : SimpleKind.TryParseWithoutProvider
            : SimpleKind.None;
    }

    /// <summary>True for a type that implements <c>IParsable&lt;T&gt;</c> of itself.</summary>
    public static bool IsParsable(ITypeSymbol type) => ImplementsOfItself(type, "System.IParsable<TSelf>");

    /// <summary>Recognises arrays, lists, sets and their interfaces, returning the element type.</summary>
    public static CollectionKind GetCollectionKind(ITypeSymbol type, out ITypeSymbol? element)
    {
        element = null;
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            element = array.ElementType;
            return array.ElementType.SpecialType == SpecialType.System_Byte ? CollectionKind.None : CollectionKind.Array;
        }

        if (type is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named)
        {
            return CollectionKind.None;
        }

        element = named.TypeArguments[0];
        switch (FullName(named.ConstructedFrom))
        {
            case "System.Collections.Generic.List<T>":
            case "System.Collections.Generic.IList<T>":
            case "System.Collections.Generic.ICollection<T>":
            case "System.Collections.Generic.IEnumerable<T>":
            case "System.Collections.Generic.IReadOnlyList<T>":
            case "System.Collections.Generic.IReadOnlyCollection<T>":
                return CollectionKind.List;
            case "System.Collections.Generic.HashSet<T>":
            case "System.Collections.Generic.ISet<T>":
            case "System.Collections.Generic.IReadOnlySet<T>":
                return CollectionKind.HashSet;
        }

        element = null;
        return CollectionKind.None;
    }

    /// <summary>
    /// A dictionary whose keys are JSON property names the generated code reads and writes: <c>string</c>, integers,
    /// <c>Guid</c> or an enum (as System.Text.Json allows), with any value type.
    /// </summary>
    public static bool IsDictionary(ITypeSymbol type, out ITypeSymbol? key, out ITypeSymbol? value)
    {
        key = null;
        value = null;
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 2 } named
            && (named.TypeArguments[0].SpecialType == SpecialType.System_String
                || GetSimpleKind(named.TypeArguments[0]) is SimpleKind.Byte or SimpleKind.SByte or SimpleKind.Int16 or SimpleKind.UInt16
                    or SimpleKind.Int32 or SimpleKind.UInt32 or SimpleKind.Int64 or SimpleKind.UInt64 or SimpleKind.Single or SimpleKind.Double
                    or SimpleKind.Decimal or SimpleKind.Guid or SimpleKind.Enum))
        {
            key = named.TypeArguments[0];
            switch (FullName(named.ConstructedFrom))
            {
                case "System.Collections.Generic.Dictionary<TKey, TValue>":
                case "System.Collections.Generic.IDictionary<TKey, TValue>":
                case "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>":
                    value = named.TypeArguments[1];
                    return true;
            }
        }

        key = null;
        return false;
    }

    /// <summary>The framework type a handler parameter stands for, if any.</summary>
    public static SpecialKind GetSpecialKind(ITypeSymbol type) => FullName(type) switch
    {
        "Microsoft.AspNetCore.Http.HttpContext" => SpecialKind.HttpContext,
        "Microsoft.AspNetCore.Http.HttpRequest" => SpecialKind.HttpRequest,
        "Microsoft.AspNetCore.Http.HttpResponse" => SpecialKind.HttpResponse,
        "System.Threading.CancellationToken" => SpecialKind.CancellationToken,
        "System.Security.Claims.ClaimsPrincipal" => SpecialKind.ClaimsPrincipal,
        "Microsoft.AspNetCore.Http.IFormFile" => SpecialKind.FormFile,
        "Microsoft.AspNetCore.Http.IFormFileCollection" => SpecialKind.FormFileCollection,
        "Microsoft.AspNetCore.Http.IFormCollection" => SpecialKind.FormCollection,
        "System.IO.Stream" => SpecialKind.Stream,
        "System.IO.Pipelines.PipeReader" => SpecialKind.PipeReader,
        WebSocketRoutes.WebSocket => SpecialKind.WebSocket,
        _ => WebSocketRoutes.IsJsonWebSocket(type) ? SpecialKind.JsonWebSocket : SpecialKind.None,
    };

    /// <summary>
    /// True for types that can only come from dependency injection: interfaces and abstract classes
    /// without <c>[JsonDerivedType]</c>, delegates, well-known service types, and concrete types with no public data members.
    /// </summary>
    public static bool IsServiceType(ITypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Delegate && Polymorphism.Of(type) is not null)
        {
            return false; // [JsonDerivedType] declares a JSON model, abstract or not (docs/json.md#polymorphism)
        }

        if (type.TypeKind is TypeKind.Interface or TypeKind.Delegate || type.IsAbstract)
        {
            return true;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            switch (FullName(current.OriginalDefinition))
            {
                case "Microsoft.EntityFrameworkCore.DbContext":
                case "System.Net.Http.HttpClient":
                case "System.TimeProvider":
                case "Microsoft.Extensions.Logging.Logger<T>":
                    return true;
            }
        }

        return type is INamedTypeSymbol { TypeKind: TypeKind.Class } named && !HasPublicDataMembers(named);
    }

    /// <summary>True when a class has settable/init properties or a constructor whose parameters map to properties.</summary>
    public static bool HasPublicDataMembers(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IPropertySymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public, SetMethod.DeclaredAccessibility: Accessibility.Public })
            {
                return true;
            }
        }

        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaredAccessibility != Accessibility.Public || constructor.Parameters.Length == 0)
            {
                continue;
            }

            foreach (var parameter in constructor.Parameters)
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is IPropertySymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public } property
                        && string.Equals(property.Name, parameter.Name, System.StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
        }

        return type.BaseType is { SpecialType: not SpecialType.System_Object } baseType && HasPublicDataMembers(baseType);
    }

    /// <summary>The namespace-qualified name without <c>global::</c>, e.g. <c>System.Guid</c>.</summary>
    /// <summary>True for the kinds JSON reads and writes as scalars (user types that parse from text are objects there).</summary>
    public static bool IsJsonScalar(SimpleKind kind) =>
        kind is not SimpleKind.None and not SimpleKind.Parsable and not SimpleKind.TryParse and not SimpleKind.TryParseWithoutProvider;

    /// <summary>
    /// True when <paramref name="type"/> implements the interface named <paramref name="fullName"/> (as
    /// <see cref="FullName"/> writes it). Interfaces are told apart by simple name first: a type like <c>string</c>
    /// implements a dozen, and writing each one's full name costs more than the rest of a handler's reading.
    /// </summary>
    public static bool Implements(ITypeSymbol type, string fullName)
    {
        var start = fullName.LastIndexOf('.') + 1;
        foreach (var candidate in type.AllInterfaces)
        {
            if (HasName(candidate, fullName, start, fullName.Length - start) && FullName(candidate) == fullName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The constructions of the generic interface <paramref name="definition"/> (written as its definition displays:
    /// <c>System.IParsable&lt;TSelf&gt;</c>) that <paramref name="type"/> implements, told apart by simple name first as
    /// <see cref="Implements"/> does.
    /// </summary>
    public static IEnumerable<INamedTypeSymbol> ImplementedConstructions(ITypeSymbol type, string definition)
    {
        var open = definition.IndexOf('<');
        var start = definition.LastIndexOf('.', open) + 1;
        foreach (var candidate in type.AllInterfaces)
        {
            if (candidate is { IsGenericType: true } && HasName(candidate, definition, start, open - start) && FullName(candidate.OriginalDefinition) == definition)
            {
                yield return candidate;
            }
        }
    }

    /// <summary>Whether the symbol's simple name is <paramref name="text"/>'s characters from <paramref name="start"/>, compared in place.</summary>
    private static bool HasName(ISymbol symbol, string text, int start, int length) =>
        symbol.Name.Length == length && string.CompareOrdinal(symbol.Name, 0, text, start, length) == 0;

    /// <summary>
    /// True when <paramref name="type"/> implements the generic interface <paramref name="definition"/> of itself, the
    /// "static abstract" convention's shape: <c>IParsable&lt;T&gt;</c>, <c>IBindableFromHttpContext&lt;T&gt;</c>.
    /// </summary>
    public static bool ImplementsOfItself(ITypeSymbol type, string definition) =>
        ImplementedConstructions(type, definition).Any(i => SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], type));

    /// <summary>
    /// <c>Ns.Outer.Type</c>, <c>System.Collections.Generic.List&lt;int&gt;</c>: the name rules compare types by. Kept per
    /// type (<see cref="KeyOf{T}"/>), as many checks ask about the same few types (every attribute's class, every
    /// parameter's type).
    /// </summary>
    public static string FullName(ITypeSymbol type) => FullNames[type];

    /// <summary>
    /// The object a fact about <paramref name="type"/> is kept under (<see cref="Memo{TKey, TValue}"/>). The compiler hands
    /// out a new symbol object for a reference type at each use, one per annotated parameter or property type, so a type
    /// that is not generic is kept under its definition, one object per compilation: every <c>string</c> parameter and
    /// every use of a record then share one answer. Facts kept this way must not depend on the type's top-level nullable
    /// annotation, and none do: names here leave it out, members and conventions do not see it.
    /// </summary>
    public static T KeyOf<T>(T type)
        where T : class, ITypeSymbol =>
        type is INamedTypeSymbol { IsGenericType: false } named ? (T)named.OriginalDefinition : type;

    private static readonly SymbolDisplayFormat FullNameFormat =
        SymbolDisplayFormat.CSharpErrorMessageFormat.WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.None);

    private static readonly TypeMemo<ITypeSymbol, string> FullNames = new(static type => type.ToDisplayString(FullNameFormat));

    /// <summary><c>System.Threading.Tasks</c>: a namespace's name as rules compare it (null for none), kept per namespace symbol.</summary>
    public static string? NamespaceName(INamespaceSymbol? ns) => ns is null ? null : NamespaceNames[ns];

    private static readonly Memo<INamespaceSymbol, string> NamespaceNames = new(static ns => ns.ToDisplayString());

    /// <summary>
    /// True for the top-level type <paramref name="fullName"/> (<c>Ns.TypeName</c>), with or without type arguments:
    /// <c>[ProducesResponseType&lt;T&gt;]</c> is a <c>Microsoft.AspNetCore.Mvc.ProducesResponseTypeAttribute</c>.
    /// </summary>
    public static bool IsNamed(ITypeSymbol? type, string fullName)
    {
        if (type is not { ContainingType: null } || NamespaceName(type.ContainingNamespace) is not { } ns)
        {
            return false;
        }

        var name = type.Name;
        return fullName.Length == ns.Length + 1 + name.Length
            && fullName[ns.Length] == '.'
            && string.CompareOrdinal(fullName, 0, ns, 0, ns.Length) == 0
            && string.CompareOrdinal(fullName, ns.Length + 1, name, 0, name.Length) == 0;
    }
}
