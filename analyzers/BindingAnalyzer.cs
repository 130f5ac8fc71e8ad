using System.Collections.Immutable;
using System.Linq;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FastEndpointsGen.Analyzers;

/// <summary>
/// FEG2xxx: where each parameter binds from, decided by the generator's own <see cref="BindingClassifier"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BindingAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.AmbiguousBody,
        DiagnosticDescriptors.BodyOnBodilessMethod,
        DiagnosticDescriptors.UnbindableParameter,
        DiagnosticDescriptors.RouteConstraintMismatch,
        DiagnosticDescriptors.ServiceOfSimpleType,
        DiagnosticDescriptors.ParameterByReference,
        DiagnosticDescriptors.MisshapenTryParse,
        DiagnosticDescriptors.MisshapenBindAsync,
        DiagnosticDescriptors.CookieCollection,
        DiagnosticDescriptors.BodyMemberConflict);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeMethod, SymbolKind.Method);
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context)
    {
        if (Endpoint.From((IMethodSymbol)context.Symbol) is not { Route.Error: null } endpoint)
        {
            return;
        }

        var values = Bindings.Classify(endpoint);
        foreach (var value in values)
        {
            CheckValue(context, endpoint, value);
        }

        // Only the handler's own parameters count as body candidates, as in the generator.
        var bodies = values.Where(v => !v.IsMember && v.Decision.Source == BindingSource.Body).ToList();
        if (bodies.Count > 1)
        {
            foreach (var body in bodies)
            {
                var others = string.Join(", ", bodies.Where(b => !ReferenceEquals(b, body)).Select(b => "'" + b.Parameter.Name + "'"));
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AmbiguousBody, Locations.Of(body.Parameter), body.Parameter.Name, others));
            }
        }

        CheckBodyMembers(context, values);
    }

    /// <summary>[BodyMember] parameters are the members of one JSON object: nothing else may read the body (FEG2017).</summary>
    private static void CheckBodyMembers(SymbolAnalysisContext context, System.Collections.Generic.List<BoundValue> values)
    {
        var members = values.Where(v => v.Decision.Source == BindingSource.BodyMember).ToList();
        if (members.Count == 0)
        {
            return;
        }

        var whole = values.FirstOrDefault(v => !v.IsMember && v.Decision.Source == BindingSource.Body);
        var form = values.FirstOrDefault(v => v.Decision.Source == BindingSource.Form || v.Decision.IsFormModel
            || v.Decision.Special is SpecialKind.FormFile or SpecialKind.FormFileCollection or SpecialKind.FormCollection);
        foreach (var member in members)
        {
            var problem = member.IsMember ? "only a handler's own parameters are members of its body, not an [AsParameters] type's"
                : whole is not null ? $"'{whole.DisplayName}' binds the whole body; mark it [BodyMember] too, or bind it from services with [FromServices]"
                : form is not null ? $"'{form.DisplayName}' reads a form, and a request has one body"
                : members.Any(other => !ReferenceEquals(other, member) && !other.IsMember && other.Decision.WireName == member.Decision.WireName)
                    ? $"another [BodyMember] also has the JSON name '{member.Decision.WireName}'"
                : null;
            if (problem is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BodyMemberConflict, Locations.Of(member.Parameter), member.DisplayName, problem));
            }
        }
    }

    private static void CheckValue(SymbolAnalysisContext context, Endpoint endpoint, BoundValue value)
    {
        var decision = value.Decision;
        var location = Locations.Of(value.Parameter);
        var typeName = value.Type.ToDisplayString();
        if (value.Type.TypeKind == TypeKind.Error)
        {
            return;
        }

        var valueType = TypeClassifier.Unwrap(value.Type, out _);
        if (CustomBinding.HasMisshapenBindAsync(valueType))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MisshapenBindAsync, location, value.DisplayName, typeName,
                "its BindAsync is not 'public static ValueTask<T?> BindAsync(HttpContext)' or 'BindAsync(HttpContext, ParameterInfo)'"));
            return;
        }

        if (decision.Source == BindingSource.Custom && value.IsMember && decision.BindAsync != BindAsyncKind.Context)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MisshapenBindAsync, location, value.DisplayName, typeName,
                "an [AsParameters] member has no ParameterInfo of its own; use BindAsync(HttpContext) there, or bind it as a handler parameter"));
            return;
        }

        if (decision.Source is BindingSource.Route or BindingSource.Query or BindingSource.Header or BindingSource.Form
            && decision.Simple == SimpleKind.None && decision.ValueType is { } scalar && CustomBinding.HasMisshapenTryParse(scalar))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MisshapenTryParse, location, value.DisplayName,
                scalar.ToDisplayString(), Bindings.Describe(decision.Source)));
            return;
        }

        switch (decision.Source)
        {
            case BindingSource.Body or BindingSource.BodyMember when decision.IsExplicit && endpoint.HttpMethod is "GET" or "HEAD" or "DELETE":
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BodyOnBodilessMethod, location, value.DisplayName, endpoint.HttpMethod));
                break;

            case BindingSource.Route or BindingSource.Query or BindingSource.Header or BindingSource.Cookie or BindingSource.Form
                when decision.Simple == SimpleKind.None || decision.ValueType is null:
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.UnbindableParameter, location, value.DisplayName, typeName, Bindings.Describe(decision.Source)));
                break;

            case BindingSource.Route:
                CheckConstraints(context, endpoint, value, location);
                break;

            case BindingSource.Cookie when decision.Collection != CollectionKind.None:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CookieCollection, location, value.DisplayName, typeName));
                break;

            case BindingSource.AsParameters when value.IsMember || value.Type is not INamedTypeSymbol:
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.UnbindableParameter, location, value.DisplayName, typeName, "[AsParameters] here"));
                break;

            case BindingSource.Unbindable when decision.IsByReference:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ParameterByReference, location, value.DisplayName,
                    ((IParameterSymbol)value.Parameter).RefKind == RefKind.Out ? "an out" : "a ref"));
                break;

            case BindingSource.Unbindable:
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.UnbindableParameter, location, value.DisplayName, typeName, "the request"));
                break;

            case BindingSource.Services or BindingSource.KeyedServices
                when decision.IsExplicit && TypeClassifier.GetSimpleKind(TypeClassifier.Unwrap(value.Type, out _)) != SimpleKind.None:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ServiceOfSimpleType, location, value.DisplayName, typeName));
                break;
        }
    }

    /// <summary>FEG2004: <c>{id:int}</c> bound to a <c>Guid</c> never matches.</summary>
    private static void CheckConstraints(SymbolAnalysisContext context, Endpoint endpoint, BoundValue value, Location location)
    {
        if (endpoint.FullRoute.Find(value.Decision.WireName) is not { } parameter)
        {
            return;
        }

        foreach (var constraint in parameter.Constraints)
        {
            if (!BindingClassifier.ConstraintAgrees(constraint, value.Decision.Simple))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.RouteConstraintMismatch, location, constraint, parameter.Name, value.DisplayName, value.Type.ToDisplayString()));
            }
        }
    }
}
