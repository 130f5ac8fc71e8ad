using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FastEndpointsGen.Analyzers.CodeFixes;

/// <summary>FEG1004 for a private or protected handler: makes the method (or the private class around it) public.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeHandlerPublicCodeFix)), Shared]
public sealed class MakeHandlerPublicCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.FEG1004HandlerNotAccessible);

    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        diagnostic.Properties.TryGetValue(HandlerAccessProperties.Problem, out var problem);
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method)
        {
            return;
        }

        MemberDeclarationSyntax? target = problem switch
        {
            nameof(HandlerAccessProblem.MethodNotAccessible) => method,
            nameof(HandlerAccessProblem.ClassNotAccessible) => method.Ancestors().OfType<TypeDeclarationSyntax>()
                .FirstOrDefault(t => t.Modifiers.Any(m => m.IsKind(SyntaxKind.PrivateKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword))),
            _ => null,
        };

        if (target is null)
        {
            return;
        }

        var what = target is MethodDeclarationSyntax ? $"'{method.Identifier.ValueText}'" : $"the class '{((TypeDeclarationSyntax)target).Identifier.ValueText}'";
        context.RegisterCodeFix(
            CodeAction.Create($"Make {what} public", c => MakePublicAsync(context.Document, target, c), "FEG1004.MakePublic"),
            diagnostic);
    }

    private static async Task<Document> MakePublicAsync(Document document, MemberDeclarationSyntax member, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var modifiers = member.Modifiers;
        var accessibility = modifiers.Where(m => m.IsKind(SyntaxKind.PrivateKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword) || m.IsKind(SyntaxKind.InternalKeyword)).ToList();
        SyntaxTokenList updated;
        if (accessibility.Count == 0)
        {
            // No modifier at all means private: put public first, where the member's leading trivia was.
            var publicToken = SyntaxFactory.Token(SyntaxKind.PublicKeyword).WithTrailingTrivia(SyntaxFactory.Space);
            if (modifiers.Count == 0)
            {
                return document; // A method always has at least 'static' or a return type; keep it simple.
            }

            updated = modifiers.Replace(modifiers[0], modifiers[0].WithLeadingTrivia(SyntaxFactory.Space)).Insert(0, publicToken.WithLeadingTrivia(modifiers[0].LeadingTrivia));
        }
        else
        {
            var first = accessibility[0];
            updated = modifiers.Replace(first, SyntaxFactory.Token(first.LeadingTrivia, SyntaxKind.PublicKeyword, first.TrailingTrivia));
            foreach (var extra in accessibility.Skip(1))
            {
                var token = updated.First(t => t.IsKind(extra.Kind()));
                updated = updated.Remove(token);
            }
        }

        return document.WithSyntaxRoot(root.ReplaceNode(member, member.WithModifiers(updated)));
    }
}
