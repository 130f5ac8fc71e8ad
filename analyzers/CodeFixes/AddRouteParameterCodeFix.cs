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

/// <summary>FEG1002: adds a handler parameter for a route parameter, typed after its constraint (<c>{id:int}</c> → <c>int id</c>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddRouteParameterCodeFix)), Shared]
public sealed class AddRouteParameterCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.FEG1002RouteParameterMismatch);

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.TryGetValue(RouteParameterProperties.Name, out var name) || name is null)
        {
            return; // A [FromRoute] parameter missing from the template: which side is wrong is the user's call.
        }

        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method)
        {
            return;
        }

        diagnostic.Properties.TryGetValue(RouteParameterProperties.Constraint, out var constraint);
        var isOptional = diagnostic.Properties.TryGetValue(RouteParameterProperties.IsOptional, out var optional) && optional is not null;
        var type = TypeFor(constraint) + (isOptional ? "?" : "");
        var identifier = SyntaxFacts.IsValidIdentifier(name) ? name : "@" + name;
        if (!SyntaxFacts.IsValidIdentifier(identifier.TrimStart('@')))
        {
            return; // "product-id" needs [FromRoute(Name = ...)]: not mechanical enough to guess a name.
        }

        context.RegisterCodeFix(
            CodeAction.Create($"Add parameter '{type} {name}'", c => AddAsync(context.Document, method, type, identifier, c), "FEG1002." + name),
            diagnostic);
    }

    /// <summary>The C# type a route constraint asks for; <c>string</c> when it does not say.</summary>
    internal static string TypeFor(string? constraint)
    {
        var name = constraint ?? "";
        var paren = name.IndexOf('(');
        if (paren >= 0)
        {
            name = name.Substring(0, paren);
        }

        return name.ToLowerInvariant() switch
        {
            "int" or "min" or "max" or "range" => "int",
            "long" => "long",
            "bool" => "bool",
            "guid" => "Guid",
            "datetime" => "DateTime",
            "decimal" => "decimal",
            "double" => "double",
            "float" => "float",
            _ => "string",
        };
    }

    private static async Task<Document> AddAsync(Document document, MethodDeclarationSyntax method, string type, string name, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(name)).WithType(SyntaxFactory.ParseTypeName(type).WithTrailingTrivia(SyntaxFactory.Space));

        // Before the first optional or params parameter, so the method still compiles.
        var parameters = method.ParameterList.Parameters;
        var index = parameters.IndexOf(p => p.Default is not null || p.Modifiers.Any(SyntaxKind.ParamsKeyword));
        if (index < 0)
        {
            index = parameters.Count;
        }

        var list = method.ParameterList.WithParameters(parameters.Insert(index, parameter));
        if (parameters.Count > 0)
        {
            // SeparatedSyntaxList.Insert uses bare commas: give each one the space the others have.
            list = list.WithParameters(SyntaxFactory.SeparatedList(
                list.Parameters.Select((p, i) => i == 0 ? p.WithoutLeadingTrivia() : p.WithLeadingTrivia(SyntaxFactory.Space)),
                Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken), list.Parameters.Count - 1)));
        }

        return document.WithSyntaxRoot(root.ReplaceNode(method.ParameterList, list));
    }
}
