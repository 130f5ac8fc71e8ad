using System;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Reading;

/// <summary>Where a handler parameter's value comes from.</summary>
internal enum BindingSource
{
    Route,
    Query,
    Header,

    /// <summary><c>[FromCookie]</c> (FastEndpointsGen's own attribute: ASP.NET Core has none).</summary>
    Cookie,
    Form,
    Body,

    /// <summary><c>[BodyMember]</c>: one top-level member of a JSON object body (docs/binding.md#several-body-members).</summary>
    BodyMember,
    Services,
    KeyedServices,
    Special,
    AsParameters,

    /// <summary>The type binds itself: <c>BindAsync</c> or <c>IBindableFromHttpContext&lt;T&gt;</c> (docs/binding.md#custom-binding).</summary>
    Custom,

    /// <summary>No rule applies; the analyzers report it and the generator skips the endpoint.</summary>
    Unbindable,
}

/// <summary>The binding decision for one parameter (or <c>[AsParameters]</c> member), with what decided it.</summary>
internal sealed class BindingDecision
{
    public BindingSource Source { get; set; }

    /// <summary>The name on the wire: route/query key, header or form field name.</summary>
    public string WireName { get; set; } = "";

    /// <summary>A <c>ref</c> or <c>out</c> parameter: unbindable, whatever its type.</summary>
    public bool IsByReference { get; set; }

    /// <summary>True when an attribute chose the source rather than the inference rules.</summary>
    public bool IsExplicit { get; set; }

    public SimpleKind Simple { get; set; }

    public CollectionKind Collection { get; set; }

    /// <summary>The scalar type for route/query/header/form values (element type for collections), without <c>Nullable&lt;T&gt;</c>.</summary>
    public ITypeSymbol? ValueType { get; set; }

    public bool IsNullableValue { get; set; }

    public SpecialKind Special { get; set; }

    /// <summary>The <c>[FromKeyedServices]</c> key.</summary>
    public TypedConstant ServiceKey { get; set; }

    /// <summary>For <see cref="BindingSource.Custom"/>: which <c>BindAsync</c> convention the type follows.</summary>
    public BindAsyncKind BindAsync { get; set; }

    /// <summary>
    /// <c>[FromForm]</c> on a model: bound like <c>[AsParameters]</c> (<see cref="BindingSource.AsParameters"/>), its
    /// members from form fields and files (docs/binding.md#form-models).
    /// </summary>
    public bool IsFormModel { get; set; }
}

/// <summary>
/// The binding rules of docs/binding.md, in order: explicit attribute; special types; route template names;
/// simple types → query; service types → services; on POST/PUT/PATCH the remaining complex type → body.
/// </summary>
internal static class BindingClassifier
{
    public const string FromRoute = "Microsoft.AspNetCore.Mvc.FromRouteAttribute";
    public const string FromQuery = "Microsoft.AspNetCore.Mvc.FromQueryAttribute";
    public const string FromHeader = "Microsoft.AspNetCore.Mvc.FromHeaderAttribute";
    public const string FromCookie = "FastEndpointsGen.FromCookieAttribute";
    public const string FromBody = "Microsoft.AspNetCore.Mvc.FromBodyAttribute";
    public const string BodyMember = "FastEndpointsGen.BodyMemberAttribute";
    public const string FromForm = "Microsoft.AspNetCore.Mvc.FromFormAttribute";
    public const string FromServices = "Microsoft.AspNetCore.Mvc.FromServicesAttribute";
    public const string FromKeyedServices = "Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute";
    public const string AsParameters = "Microsoft.AspNetCore.Http.AsParametersAttribute";

    /// <summary>True for the HTTP methods that carry a JSON body by inference.</summary>
    public static bool AllowsInferredBody(string httpMethod) => httpMethod is "POST" or "PUT" or "PATCH";

    /// <summary>Decides where a parameter (or an <c>[AsParameters]</c> member) binds from.</summary>
    /// <param name="parameter">The parameter or member.</param>
    /// <param name="type">Its type.</param>
    /// <param name="route">The endpoint's route template.</param>
    /// <param name="httpMethod">The endpoint's HTTP method.</param>
    /// <param name="inFormModel">A member of a <c>[FromForm]</c> model: without an attribute it is a form field.</param>
    public static BindingDecision Classify(ISymbol parameter, ITypeSymbol type, RouteTemplate route, string httpMethod, bool inFormModel = false)
    {
        var decision = new BindingDecision { WireName = parameter.Name };
        var valueType = TypeClassifier.Unwrap(type, out _);

        // A ref or out parameter has nowhere to send its new value: the generated call passes values in (FEG2006).
        if (parameter is IParameterSymbol { RefKind: RefKind.Ref or RefKind.Out })
        {
            decision.Source = BindingSource.Unbindable;
            decision.IsByReference = true;
            return decision;
        }

        foreach (var attribute in parameter.GetAttributes())
        {
            var name = attribute.AttributeClass is null ? null : TypeClassifier.FullName(attribute.AttributeClass);
            BindingSource? source = name switch
            {
                FromRoute => BindingSource.Route,
                FromQuery => BindingSource.Query,
                FromHeader => BindingSource.Header,
                FromCookie => BindingSource.Cookie,
                FromForm => BindingSource.Form,
                FromBody => BindingSource.Body,
                BodyMember => BindingSource.BodyMember,
                FromServices => BindingSource.Services,
                FromKeyedServices => BindingSource.KeyedServices,
                AsParameters => BindingSource.AsParameters,
                _ => null,
            };

            if (source is null)
            {
                continue;
            }

            decision.Source = source.Value;
            decision.IsExplicit = true;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Name" && named.Value.Value is string wireName && wireName.Length > 0)
                {
                    decision.WireName = wireName;
                }
            }

            if (source == BindingSource.KeyedServices && attribute.ConstructorArguments.Length == 1)
            {
                decision.ServiceKey = attribute.ConstructorArguments[0];
            }

            if (source is BindingSource.Route or BindingSource.Query or BindingSource.Header or BindingSource.Cookie or BindingSource.Form)
            {
                DescribeValue(decision, type);
            }

            if (source == BindingSource.Form && IsFormModel(valueType, decision))
            {
                decision.Source = BindingSource.AsParameters;
                decision.IsFormModel = true;
            }

            return decision;
        }

        var special = TypeClassifier.GetSpecialKind(valueType);
        if (special != SpecialKind.None)
        {
            decision.Source = BindingSource.Special;
            decision.Special = special;
            return decision;
        }

        // As minimal APIs do: a type that binds itself does so before the route, query and body rules.
        var bindAsync = CustomBinding.FindBindAsync(valueType);
        if (bindAsync != BindAsyncKind.None)
        {
            decision.Source = BindingSource.Custom;
            decision.BindAsync = bindAsync;
            return decision;
        }

        if (inFormModel)
        {
            decision.Source = BindingSource.Form;
            return DescribeValue(decision, type);
        }

        if (route.Find(parameter.Name) is not null)
        {
            decision.Source = BindingSource.Route;
            return DescribeValue(decision, type);
        }

        if (DescribeValue(decision, type).Simple != SimpleKind.None)
        {
            decision.Source = BindingSource.Query;
            return decision;
        }

        // A collection or dictionary of models is data even when declared as an interface.
        var isData = TypeClassifier.GetCollectionKind(valueType, out _) != CollectionKind.None
            || TypeClassifier.IsDictionary(valueType, out _, out _);
        if (!isData && TypeClassifier.IsServiceType(valueType))
        {
            decision.Source = BindingSource.Services;
            return decision;
        }

        decision.Source = AllowsInferredBody(httpMethod) ? BindingSource.Body : BindingSource.Services;
        return decision;
    }

    /// <summary>A class, record or struct with data members, not a value parsed from one field, a file or a collection.</summary>
    private static bool IsFormModel(ITypeSymbol valueType, BindingDecision decision) =>
        decision.Simple == SimpleKind.None && valueType is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named
        && TypeClassifier.GetSpecialKind(valueType) == SpecialKind.None && TypeClassifier.GetCollectionKind(valueType, out _) == CollectionKind.None
        && !TypeClassifier.IsDictionary(valueType, out _, out _) && !named.IsAbstract && (named.IsValueType || TypeClassifier.HasPublicDataMembers(named));

    /// <summary>Fills in the scalar (or collection-of-scalar) shape of a string-bound value.</summary>
    private static BindingDecision DescribeValue(BindingDecision decision, ITypeSymbol type)
    {
        var valueType = TypeClassifier.Unwrap(type, out var isNullableValue);
        var simple = TypeClassifier.GetSimpleKind(valueType);
        if (simple == SimpleKind.None && valueType.SpecialType != SpecialType.System_String)
        {
            var collection = TypeClassifier.GetCollectionKind(valueType, out var element);
            if (collection != CollectionKind.None && element is not null)
            {
                var item = TypeClassifier.Unwrap(element, out var itemNullable);
                var itemKind = TypeClassifier.GetSimpleKind(item);
                if (itemKind != SimpleKind.None)
                {
                    decision.Collection = collection;
                    decision.Simple = itemKind;
                    decision.ValueType = item;
                    decision.IsNullableValue = itemNullable;
                    return decision;
                }
            }
        }

        decision.Simple = simple;
        decision.ValueType = valueType;
        decision.IsNullableValue = isNullableValue;
        return decision;
    }

    /// <summary>True when a route constraint (<c>int</c>, <c>guid</c>, ...) can hold values of the given kind.</summary>
    public static bool ConstraintAgrees(string constraint, SimpleKind kind)
    {
        var name = constraint;
        var paren = name.IndexOf('(');
        if (paren >= 0)
        {
            name = name.Substring(0, paren);
        }

        return name.ToLowerInvariant() switch
        {
            "int" => kind is SimpleKind.Int32 or SimpleKind.Int64 or SimpleKind.Decimal or SimpleKind.Double or SimpleKind.Single or SimpleKind.String,
            "long" => kind is SimpleKind.Int64 or SimpleKind.Decimal or SimpleKind.Double or SimpleKind.String,
            "bool" => kind is SimpleKind.Boolean or SimpleKind.String,
            "guid" => kind is SimpleKind.Guid or SimpleKind.String,
            "datetime" => kind is SimpleKind.DateTime or SimpleKind.DateTimeOffset or SimpleKind.DateOnly or SimpleKind.String,
            "decimal" => kind is SimpleKind.Decimal or SimpleKind.String,
            "double" or "float" => kind is SimpleKind.Double or SimpleKind.Single or SimpleKind.Decimal or SimpleKind.String,
            "min" or "max" or "range" => kind is SimpleKind.Int32 or SimpleKind.Int64 or SimpleKind.Int16 or SimpleKind.Byte or SimpleKind.String,
            _ => true,
        };
    }

    internal static bool NameEquals(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
