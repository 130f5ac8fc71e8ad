using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FastEndpointsGen.Analyzers;

/// <summary>
/// FEG5010–FEG5012: the security schemes the assembly declares for its OpenAPI document and what endpoints refer to
/// (docs/security.md). The declarations are read once per compilation by the same code the generator uses.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecurityAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InvalidSecurityScheme,
        DiagnosticDescriptors.UndeclaredAuthenticationScheme,
        DiagnosticDescriptors.UndeclaredScope);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var declarations = new Lazy<SecurityDeclarations>(() => SecurityDeclarations.Read(start.Compilation.Assembly));
            // A class's [Authorize] is seen from each of its endpoints: report each finding once.
            var reported = new ConcurrentDictionary<(Location, string), bool>();
            start.RegisterSyntaxNodeAction(node => AnalyzeAssemblyAttribute(node, declarations.Value), SyntaxKind.Attribute);
            start.RegisterSymbolAction(symbol => AnalyzeEndpoint(symbol, declarations.Value, reported), SymbolKind.Method);
        });
    }

    /// <summary>FEG5010 at the declaration (or its offending argument) while the user types it.</summary>
    private static void AnalyzeAssemblyAttribute(SyntaxNodeAnalysisContext context, SecurityDeclarations declarations)
    {
        if (context.Node.Parent is not AttributeListSyntax { Target.Identifier.ValueText: "assembly" })
        {
            return;
        }

        foreach (var problem in declarations.Problems)
        {
            if (problem.Attribute.ApplicationSyntaxReference is { } reference
                && reference.SyntaxTree == context.Node.SyntaxTree && reference.Span == context.Node.Span)
            {
                var location = problem.Argument is null
                    ? context.Node.GetLocation()
                    : Locations.ArgumentOrAttribute(problem.Attribute, -1, problem.Argument, context.CancellationToken) ?? context.Node.GetLocation();
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidSecurityScheme, location, problem.Message));
            }
        }
    }

    /// <summary>FEG5011 and FEG5012 on a protected endpoint, when the assembly declares its schemes.</summary>
    private static void AnalyzeEndpoint(SymbolAnalysisContext context, SecurityDeclarations declarations, ConcurrentDictionary<(Location, string), bool> reported)
    {
        if (declarations.Schemes.Count == 0 || Endpoint.From((IMethodSymbol)context.Symbol) is null)
        {
            return;
        }

        var security = OperationSecurity.Of((IMethodSymbol)context.Symbol);
        if (!security.IsProtected)
        {
            return;
        }

        void Report(DiagnosticDescriptor descriptor, AttributeData attribute, int position, string? argument, string key, params object[] arguments)
        {
            var location = Locations.ArgumentOrAttribute(attribute, position, argument, context.CancellationToken);
            if (location is not null && reported.TryAdd((location, key), true))
            {
                context.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments));
            }
        }

        foreach (var authorize in security.Authorize)
        {
            foreach (var scheme in SecurityDeclarations.SplitSchemes(authorize.AuthenticationSchemes))
            {
                if (!declarations.Schemes.Any(s => s.AuthenticationScheme == scheme))
                {
                    Report(DiagnosticDescriptors.UndeclaredAuthenticationScheme, authorize.Attribute, -1, "AuthenticationSchemes", "scheme:" + scheme, scheme);
                }
            }
        }

        var oauth = SecurityDeclarations.Referenced(declarations.Valid, s => s.AuthenticationScheme, s => s.IsDefault, security.AuthenticationSchemes)
            .Where(s => s.Kind == "OAuth2")
            .ToList();
        if (oauth.Count == 0)
        {
            return;
        }

        var granted = oauth.SelectMany(s => s.Scopes).ToImmutableHashSet(StringComparer.Ordinal);
        var names = string.Join(", ", oauth.Select(s => "'" + s.Name + "'"));
        foreach (var use in security.Scopes)
        {
            foreach (var scope in use.Scopes.Where(s => !granted.Contains(s)))
            {
                var position = use.Attribute.ConstructorArguments.FirstOrDefault() is { Kind: TypedConstantKind.Array } values
                    ? values.Values.Select(v => v.Value as string).ToList().IndexOf(scope)
                    : -1;
                Report(DiagnosticDescriptors.UndeclaredScope, use.Attribute, position, null, "scope:" + scope, scope, names);
            }
        }
    }
}
