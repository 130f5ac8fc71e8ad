using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FastEndpointsGen.Analyzers;

/// <summary>FEG5xxx: what the OpenAPI document is made from: endpoint names and XML doc comments.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OpenApiAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.DuplicateOperationId,
        DiagnosticDescriptors.ParamDocNamesNoParameter,
        DiagnosticDescriptors.InvalidResponseCode);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var names = new ConcurrentBag<(string Name, Endpoint Endpoint, Location Location)>();
            start.RegisterSymbolAction(symbol => AnalyzeMethod(symbol, names), SymbolKind.Method);
            start.RegisterCompilationEndAction(end => ReportDuplicateNames(end, names));
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, ConcurrentBag<(string, Endpoint, Location)> names)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (Endpoint.From(method) is not { } endpoint)
        {
            return;
        }

        // Each route attribute is an endpoint with the name the reader finds for it.
        foreach (var named in Endpoint.All(method))
        {
            if (named.ExplicitName is { } name)
            {
                names.Add((name, named, named.ExplicitNameLocation(context.CancellationToken)));
            }
        }

        foreach (var reference in endpoint.Method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(context.CancellationToken) is MethodDeclarationSyntax syntax)
            {
                CheckDocumentation(context, endpoint, syntax);
            }
        }
    }

    /// <summary>
    /// Reads the doc comment from the method's own syntax (no compilation-wide walk). When documentation
    /// comments are not parsed (DocumentationMode.None) there is nothing to check.
    /// </summary>
    private static void CheckDocumentation(SymbolAnalysisContext context, Endpoint endpoint, MethodDeclarationSyntax syntax)
    {
        foreach (var trivia in syntax.GetLeadingTrivia())
        {
            if (trivia.GetStructure() is not DocumentationCommentTriviaSyntax documentation)
            {
                continue;
            }

            foreach (var element in documentation.Content.OfType<XmlElementSyntax>())
            {
                var tag = element.StartTag.Name.LocalName.ValueText;
                if (tag == "param")
                {
                    CheckParam(context, endpoint, element.StartTag.Attributes);
                }
                else if (tag == "response")
                {
                    CheckResponse(context, element.StartTag.Attributes);
                }
            }

            foreach (var empty in documentation.Content.OfType<XmlEmptyElementSyntax>())
            {
                var tag = empty.Name.LocalName.ValueText;
                if (tag == "param")
                {
                    CheckParam(context, endpoint, empty.Attributes);
                }
                else if (tag == "response")
                {
                    CheckResponse(context, empty.Attributes);
                }
            }
        }
    }

    private static void CheckParam(SymbolAnalysisContext context, Endpoint endpoint, SyntaxList<XmlAttributeSyntax> attributes)
    {
        foreach (var attribute in attributes.OfType<XmlNameAttributeSyntax>())
        {
            var name = attribute.Identifier.Identifier.ValueText;
            if (!endpoint.Method.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.ParamDocNamesNoParameter, attribute.Identifier.GetLocation(), name, endpoint.DisplayName));
            }
        }
    }

    private static void CheckResponse(SymbolAnalysisContext context, SyntaxList<XmlAttributeSyntax> attributes)
    {
        foreach (var attribute in attributes.OfType<XmlTextAttributeSyntax>())
        {
            if (attribute.Name.LocalName.ValueText != "code")
            {
                continue;
            }

            var code = string.Concat(attribute.TextTokens.Select(t => t.ValueText));
            if (!IsStatusCode(code))
            {
                var location = attribute.TextTokens.Count > 0
                    ? Location.Create(attribute.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(attribute.TextTokens.First().SpanStart, attribute.TextTokens.Last().Span.End))
                    : attribute.GetLocation();
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidResponseCode, location, code));
            }
        }
    }

    /// <summary>
    /// A status code the generator puts in the OpenAPI document: an integer from 100 to 599, as
    /// <c>DocCommentParser</c> reads it (ranges such as <c>4XX</c> and <c>default</c> are left out).
    /// </summary>
    internal static bool IsStatusCode(string code) =>
        int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 100 and <= 599;

    /// <summary>FEG5001: an explicit Name used by two endpoints, reported at both.</summary>
    private static void ReportDuplicateNames(CompilationAnalysisContext context, ConcurrentBag<(string Name, Endpoint Endpoint, Location Location)> names)
    {
        foreach (var group in names.GroupBy(n => n.Name, StringComparer.Ordinal))
        {
            var all = group.ToList();
            if (all.Count < 2)
            {
                continue;
            }

            foreach (var entry in all)
            {
                var others = string.Join("', '", all.Where(o => !ReferenceEquals(o.Endpoint, entry.Endpoint)).Select(o => o.Endpoint.DisplayName).OrderBy(n => n, StringComparer.Ordinal));
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateOperationId, entry.Location, entry.Name, others));
            }
        }
    }
}
