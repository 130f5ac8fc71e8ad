using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FastEndpointsGen.Analyzers.CodeFixes;

/// <summary>
/// FEG2001: resolves an ambiguous body either by resolving this parameter from services, or by making
/// it the body and resolving the other candidates from services.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AmbiguousBodyCodeFix)), Shared]
public sealed class AmbiguousBodyCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.FEG2001AmbiguousBody);

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span).FirstAncestorOrSelf<ParameterSyntax>() is not { } parameter)
        {
            return;
        }

        var name = parameter.Identifier.ValueText;
        var diagnostic = context.Diagnostics[0];
        if (!SyntaxEdits.HasAttribute(parameter, "FromBody"))
        {
            context.RegisterCodeFix(
                CodeAction.Create($"Resolve '{name}' from services ([FromServices])", c => MarkAsync(context.Document, parameter, asBody: false, c), "FEG2001.FromServices." + name),
                diagnostic);
        }

        context.RegisterCodeFix(
            CodeAction.Create($"Bind '{name}' from the body ([FromBody]), the others from services", c => MarkAsync(context.Document, parameter, asBody: true, c), "FEG2001.FromBody." + name),
            diagnostic);
    }

    private static async Task<Document> MarkAsync(Document document, ParameterSyntax parameter, bool asBody, CancellationToken cancellationToken)
    {
        var root = (CompilationUnitSyntax?)await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || parameter.Parent?.Parent is not MethodDeclarationSyntax method)
        {
            return document;
        }

        var edits = new Dictionary<ParameterSyntax, string>();
        if (!asBody)
        {
            edits[parameter] = "FromServices";
        }
        else
        {
            if (!SyntaxEdits.HasAttribute(parameter, "FromBody"))
            {
                edits[parameter] = "FromBody";
            }

            // Every other parameter that would still be inferred as a body comes from services.
            if (model.GetDeclaredSymbol(method, cancellationToken) is IMethodSymbol symbol && Endpoint.From(symbol) is { } endpoint)
            {
                foreach (var value in endpoint.Values)
                {
                    if (!value.IsMember && value.Decision is { Source: BindingSource.Body, IsExplicit: false }
                        && value.Parameter.Name != parameter.Identifier.ValueText
                        && method.ParameterList.Parameters.FirstOrDefault(p => p.Identifier.ValueText == value.Parameter.Name) is { } other)
                    {
                        edits[other] = "FromServices";
                    }
                }
            }
        }

        var newRoot = root.ReplaceNodes(edits.Keys, (original, _) => SyntaxEdits.WithAttribute(original, edits[original]));
        newRoot = SyntaxEdits.WithMvcUsing(newRoot, model, parameter.SpanStart);
        return document.WithSyntaxRoot(newRoot);
    }
}
