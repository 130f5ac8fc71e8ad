using System.Collections.Immutable;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FastEndpointsGen.Analyzers;

/// <summary>
/// FEG2xxx: where each parameter binds from. The rules are <see cref="HandlerReader"/>'s, shared with the generator.
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

    private void AnalyzeMethod(SymbolAnalysisContext context)
    {
        if (ProblemReporting.Read(context) is { } handler)
        {
            ProblemReporting.Report(context, handler, SupportedDiagnostics);
        }
    }
}
