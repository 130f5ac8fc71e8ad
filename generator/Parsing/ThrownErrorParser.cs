using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FastEndpointsGen.Generator.Model;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FastEndpointsGen.Generator.Parsing;

/// <summary>
/// Finds the statuses of the <c>HttpError</c>s a handler creates with a constant status (<c>throw new HttpError(404, …)</c>),
/// in its body and in the bodies of the methods it calls that are declared in the same project, so the document lists
/// those answers (docs/openapi.md). A status computed at run time, or an error created in another
/// assembly, is not found: <c>&lt;response code&gt;</c> or <c>[ProducesResponseType]</c> document those.
/// </summary>
/// <remarks>
/// Syntax first, binding only where syntax cannot tell: asking the semantic model about one expression in a method
/// binds (and nullability-analyses) the whole method body, which for a large project costs more than everything else
/// the generator does (docs/performance.md#generator-cost). So <c>new HttpError(404, …)</c> is read from its tokens, and
/// a call is bound only when a method of the project with the called name can reach an <c>HttpError</c> at all.
/// </remarks>
internal static class ThrownErrorParser
{
    private const string HttpErrorType = "FastEndpointsGen.HttpError";
    private const string HttpErrorName = "HttpError";

    /// <summary>How many calls deep the walk follows: a handler, a service method, a helper it calls, and one more.</summary>
    private const int MaxDepth = 4;

    /// <summary>Per compilation: whether a project method with a given name can reach an <c>HttpError</c>, read from syntax.</summary>
    private static readonly Memo<Compilation, ConcurrentDictionary<string, bool>> ReachingNames =
        new(static _ => new ConcurrentDictionary<string, bool>(System.StringComparer.Ordinal));

    /// <summary>Per compilation: whether the project declares a type named HttpError of its own, which makes every candidate creation bound.</summary>
    private static readonly Memo<Compilation, bool> NameIsAmbiguous = new(static c => c.ContainsSymbolsWithName(HttpErrorName, SymbolFilter.Type));

    public static EquatableArray<int> Statuses(IMethodSymbol handler, Compilation compilation, CancellationToken cancellationToken)
    {
        if (compilation.GetTypeByMetadataName(HttpErrorType) is not { } httpError)
        {
            return EquatableArray<int>.Empty;
        }

        var walk = new Walk(compilation, httpError, cancellationToken);
        walk.Method(handler, 0);
        return walk.Statuses.ToEquatableArray();
    }

    private sealed class Walk(Compilation compilation, INamedTypeSymbol httpError, CancellationToken cancellationToken)
    {
        private readonly HashSet<IMethodSymbol> _visited = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<SyntaxTree, SemanticModel> _models = [];
        private readonly HashSet<string> _deciding = new(System.StringComparer.Ordinal);

        public SortedSet<int> Statuses { get; } = [];

        public void Method(IMethodSymbol method, int depth)
        {
            if (depth > MaxDepth || !_visited.Add(method.OriginalDefinition)
                || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly))
            {
                return;
            }

            foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                if (compilation.ContainsSyntaxTree(syntax.SyntaxTree))
                {
                    Body(syntax, depth);
                }
            }
        }

        private void Body(SyntaxNode syntax, int depth)
        {
            foreach (var node in BodyOf(syntax).DescendantNodes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (node)
                {
                    case BaseObjectCreationExpressionSyntax creation when MayCreateHttpError(creation):
                        if (IsHttpError(creation) && StatusOf(creation) is { } status)
                        {
                            Statuses.Add(status);
                        }

                        break;
                    case InvocationExpressionSyntax invocation when CalledName(invocation) is { } name && MayReach(name, 0):
                        if (Model(invocation).GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol called)
                        {
                            Method(called, depth + 1);
                        }

                        break;
                }
            }
        }

        /// <summary>Whether a project method named <paramref name="name"/> creates an <c>HttpError</c> or calls one that may, from syntax.</summary>
        private bool MayReach(string name, int depth)
        {
            if (depth > MaxDepth || _deciding.Contains(name))
            {
                return false;
            }

            var known = ReachingNames[compilation];
            if (known.TryGetValue(name, out var reaches))
            {
                return reaches;
            }

            if (!compilation.ContainsSymbolsWithName(name, SymbolFilter.Member, cancellationToken))
            {
                known[name] = false;
                return false;
            }

            // A name being decided counts as "no" further down, so a recursive method ends the search. A "yes" is final;
            // a "no" is final only at the top, where no name was being decided.
            _deciding.Add(name);
            reaches = compilation.GetSymbolsWithName(name, SymbolFilter.Member, cancellationToken)
                .OfType<IMethodSymbol>()
                .SelectMany(m => m.DeclaringSyntaxReferences)
                .Select(r => BodyOf(r.GetSyntax(cancellationToken)))
                .Any(body => body.DescendantNodes().Any(node => node switch
                {
                    BaseObjectCreationExpressionSyntax creation => MayCreateHttpError(creation),
                    InvocationExpressionSyntax invocation => CalledName(invocation) is { } called && MayReach(called, depth + 1),
                    _ => false,
                }));
            _deciding.Remove(name);
            if (reaches || depth == 0)
            {
                known[name] = reaches;
            }

            return reaches;
        }

        /// <summary>
        /// <c>new HttpError(…)</c> by its written type name; a target-typed <c>new(…)</c> whose first argument looks like a
        /// status (an integer literal from 400 to 599 or <c>StatusCodes.…</c>), which binding then confirms.
        /// </summary>
        private static bool MayCreateHttpError(BaseObjectCreationExpressionSyntax creation) => creation switch
        {
            ObjectCreationExpressionSyntax { Type: var type } => RightmostName(type) == HttpErrorName,
            ImplicitObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments } => arguments[0].Expression is
                LiteralExpressionSyntax { Token.Value: int and >= 400 and <= 599 }
                or MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "StatusCodes" } },
            _ => false,
        };

        private bool IsHttpError(BaseObjectCreationExpressionSyntax creation) =>
            creation is ObjectCreationExpressionSyntax
                && !NameIsAmbiguous[compilation]
            || Model(creation).GetSymbolInfo(creation, cancellationToken).Symbol is IMethodSymbol { ContainingType: { } type }
                && SymbolEqualityComparer.Default.Equals(type, httpError);

        /// <summary>The status argument's value: an integer literal or <c>StatusCodes.StatusNNN…</c> from syntax, else the compiler's constant.</summary>
        private int? StatusOf(BaseObjectCreationExpressionSyntax creation)
        {
            var arguments = creation.ArgumentList?.Arguments ?? default;
            var argument = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "statusCode")
                ?? (arguments.Count > 0 && arguments[0].NameColon is null ? arguments[0] : null);
            object? value = argument?.Expression switch
            {
                null => null,
                LiteralExpressionSyntax literal => literal.Token.Value,
                MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "StatusCodes" }, Name.Identifier.ValueText: var field }
                    when compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.StatusCodes") is { } statusCodes
                    => statusCodes.GetMembers(field).OfType<IFieldSymbol>().FirstOrDefault()?.ConstantValue,
                var expression => Model(expression).GetConstantValue(expression, cancellationToken) is { HasValue: true } constant ? constant.Value : null,
            };
            return value is int status and >= 400 and <= 599 ? status : null;
        }

        private SemanticModel Model(SyntaxNode node)
        {
            if (!_models.TryGetValue(node.SyntaxTree, out var model))
            {
                _models[node.SyntaxTree] = model = compilation.GetSemanticModel(node.SyntaxTree);
            }

            return model;
        }
    }

    /// <summary>
    /// The part of a method's declaration that can create or call anything: its body or expression body, not its
    /// attributes, parameters and types, which hold as many nodes and none of interest.
    /// </summary>
    private static SyntaxNode BodyOf(SyntaxNode declaration) => declaration switch
    {
        BaseMethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody ?? (SyntaxNode)method,
        LocalFunctionStatementSyntax function => (SyntaxNode?)function.Body ?? function.ExpressionBody ?? (SyntaxNode)function,
        AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody ?? (SyntaxNode)accessor,
        _ => declaration,
    };

    /// <summary>The name a call is written with: <c>Find</c> in <c>Find(id)</c>, <c>store.Find(id)</c> and <c>Find&lt;T&gt;(id)</c>.</summary>
    private static string? CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    private static string? RightmostName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax name => name.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };
}
