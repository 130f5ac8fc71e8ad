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

/// <summary>FEG3003: swaps the bounds of <c>[Range(max, min)]</c>, <c>[Length(max, min)]</c> and <c>[StringLength(min, MinimumLength = max)]</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwapMinimumAndMaximumCodeFix)), Shared]
public sealed class SwapMinimumAndMaximumCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.FEG3003MinimumAboveMaximum);

    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span).FirstAncestorOrSelf<AttributeSyntax>() is not { ArgumentList: { } arguments } attribute
            || Bounds(arguments) is not { } bounds)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create("Swap minimum and maximum", c => SwapAsync(context.Document, attribute, c), "FEG3003.Swap"),
            context.Diagnostics[0]);
    }

    /// <summary>The two bound expressions: the first two positional arguments, or the maximum and MinimumLength.</summary>
    private static (ExpressionSyntax First, ExpressionSyntax Second)? Bounds(AttributeArgumentListSyntax arguments)
    {
        var positional = arguments.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
        var minimumLength = arguments.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "MinimumLength");
        if (positional.Count == 1 && minimumLength is not null)
        {
            return (positional[0].Expression, minimumLength.Expression);
        }

        return positional.Count == 2 ? (positional[0].Expression, positional[1].Expression) : null;
    }

    private static async Task<Document> SwapAsync(Document document, AttributeSyntax attribute, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || attribute.ArgumentList is null || Bounds(attribute.ArgumentList) is not { } bounds)
        {
            return document;
        }

        var swapped = attribute.ReplaceNodes(
            new[] { bounds.First, bounds.Second },
            (original, _) => original == bounds.First
                ? bounds.Second.WithTriviaFrom(bounds.First)
                : bounds.First.WithTriviaFrom(bounds.Second));
        return document.WithSyntaxRoot(root.ReplaceNode(attribute, swapped));
    }
}
