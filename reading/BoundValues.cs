using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Reading;

/// <summary>One handler parameter, or one member of an <c>[AsParameters]</c> parameter, with its binding decision.</summary>
internal sealed class BoundValue(IParameterSymbol parameter, ISymbol symbol, ITypeSymbol type, BindingDecision decision, IParameterSymbol? constructorParameter = null)
{
    /// <summary>The handler parameter (the <c>[AsParameters]</c> one for a member): where diagnostics go.</summary>
    public IParameterSymbol Parameter { get; } = parameter;

    /// <summary>The parameter itself, or the member of the <c>[AsParameters]</c> type.</summary>
    public ISymbol Symbol { get; } = symbol;

    public ITypeSymbol Type { get; } = type;

    public BindingDecision Decision { get; } = decision;

    /// <summary>
    /// For a member set through the <c>[AsParameters]</c> type's constructor: that constructor's parameter (its default
    /// value and nullability count), while <see cref="Symbol"/> may be the positional record's property whose attributes decided.
    /// </summary>
    public IParameterSymbol? ConstructorParameter { get; } = constructorParameter;

    public bool IsMember => !SymbolEqualityComparer.Default.Equals(Parameter, Symbol);

    /// <summary><c>id</c>, or <c>paging.Page</c> for a member.</summary>
    public string DisplayName => IsMember ? Parameter.Name + "." + Symbol.Name : Symbol.Name;
}

/// <summary>
/// Classifies a handler's parameters with <see cref="BindingClassifier"/>, walking <c>[AsParameters]</c> (and
/// <c>[FromForm]</c> model) types: their public constructor with the most parameters, then their publicly settable
/// properties (docs/binding.md#asparameters). The generator binds exactly these values, the analyzers check them.
/// </summary>
internal static class Bindings
{
    public static List<BoundValue> Classify(Endpoint endpoint)
    {
        var values = new List<BoundValue>();
        foreach (var parameter in endpoint.Method.Parameters)
        {
            var decision = BindingClassifier.Classify(parameter, parameter.Type, endpoint.FullRoute, endpoint.HttpMethod);
            values.Add(new BoundValue(parameter, parameter, parameter.Type, decision));
            if (decision.Source == BindingSource.AsParameters && parameter.Type is INamedTypeSymbol type)
            {
                AddMembers(values, parameter, type, endpoint, decision.IsFormModel);
            }
        }

        return values;
    }

    private static void AddMembers(List<BoundValue> values, IParameterSymbol parameter, INamedTypeSymbol type, Endpoint endpoint, bool formModel)
    {
        var constructor = type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public)
            .OrderByDescending(c => c.Parameters.Length)
            .FirstOrDefault();
        var byConstructor = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (constructor is not null)
        {
            foreach (var member in constructor.Parameters)
            {
                var decision = BindingClassifier.Classify(member, member.Type, endpoint.FullRoute, endpoint.HttpMethod, formModel);
                ISymbol symbol = member;

                // A positional record's property carries the binding attributes when its parameter has none.
                var property = type.GetMembers(member.Name).OfType<IPropertySymbol>().FirstOrDefault();
                if (property is not null && decision.Source != BindingSource.Body && !HasBindingAttribute(member))
                {
                    decision = BindingClassifier.Classify(property, member.Type, endpoint.FullRoute, endpoint.HttpMethod, formModel);
                    symbol = property;
                }

                values.Add(new BoundValue(parameter, symbol, member.Type, decision, member));
                byConstructor.Add(member.Name);
            }
        }

        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            if (property.IsStatic || byConstructor.Contains(property.Name) || property.SetMethod is not { DeclaredAccessibility: Accessibility.Public })
            {
                continue;
            }

            var decision = BindingClassifier.Classify(property, property.Type, endpoint.FullRoute, endpoint.HttpMethod, formModel);
            values.Add(new BoundValue(parameter, property, property.Type, decision));
        }
    }

    public static bool HasBindingAttribute(ISymbol symbol) =>
        symbol.GetAttributes().Any(a => TypeClassifier.NamespaceName(a.AttributeClass?.ContainingNamespace) == "Microsoft.AspNetCore.Mvc"
            || a.AttributeClass?.Name == "FromKeyedServicesAttribute"
            || a.AttributeClass is { } attribute && TypeClassifier.FullName(attribute) is BindingClassifier.FromCookie or BindingClassifier.BodyMember);

    /// <summary>Where a value is read from, in the words of a message.</summary>
    public static string Describe(BindingSource source) => source switch
    {
        BindingSource.Route => "the route",
        BindingSource.Query => "the query string",
        BindingSource.Header => "a header",
        BindingSource.Cookie => "a cookie",
        BindingSource.Form => "the form",
        BindingSource.Body => "the body",
        BindingSource.BodyMember => "a member of the body",
        BindingSource.Services => "services",
        BindingSource.KeyedServices => "keyed services",
        _ => "the request",
    };
}
