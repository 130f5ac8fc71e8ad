using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FastEndpointsGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FastEndpointsGen.Generator.Parsing;

/// <summary>
/// Finds the statuses of the <c>HttpError</c>s a handler creates with a constant status (<c>throw new HttpError(404, …)</c>),
/// in its body and in the bodies of the methods it calls that are declared in the same project, so the document lists
/// those answers (docs/openapi.md). A status computed at run time, or an error created in another assembly, is not found:
/// <c>&lt;response code&gt;</c> or <c>[ProducesResponseType]</c> document those.
/// </summary>
internal static class ThrownErrorParser
{
    private const string HttpErrorType = "FastEndpointsGen.HttpError";

    /// <summary>How many calls deep the walk follows: a handler, a service method, a helper it calls, and one more.</summary>
    private const int MaxDepth = 4;

    public static EquatableArray<int> Statuses(IMethodSymbol handler, Compilation compilation, CancellationToken cancellationToken)
    {
        if (compilation.GetTypeByMetadataName(HttpErrorType) is not { } httpError)
        {
            return EquatableArray<int>.Empty;
        }

        var statuses = new SortedSet<int>();
        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        Walk(handler, 0);
        return statuses.ToEquatableArray();

        void Walk(IMethodSymbol method, int depth)
        {
            if (depth > MaxDepth || !visited.Add(method.OriginalDefinition)
                || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly))
            {
                return;
            }

            foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var syntax = reference.GetSyntax(cancellationToken);
                if (!compilation.ContainsSyntaxTree(syntax.SyntaxTree))
                {
                    continue;
                }

                var semantic = compilation.GetSemanticModel(syntax.SyntaxTree);
                foreach (var node in syntax.DescendantNodes())
                {
                    switch (node)
                    {
                        case BaseObjectCreationExpressionSyntax creation
                            when semantic.GetSymbolInfo(creation, cancellationToken).Symbol is IMethodSymbol { ContainingType: { } type } constructor
                                && SymbolEqualityComparer.Default.Equals(type, httpError):
                            if (StatusArgument(creation, constructor) is { } argument
                                && semantic.GetConstantValue(argument, cancellationToken) is { HasValue: true, Value: int status }
                                && status is >= 400 and <= 599)
                            {
                                statuses.Add(status);
                            }

                            break;
                        case InvocationExpressionSyntax invocation
                            when semantic.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol called:
                            Walk(called, depth + 1);
                            break;
                    }
                }
            }
        }
    }

    /// <summary>The expression passed as <c>statusCode</c>, by name or by position.</summary>
    private static ExpressionSyntax? StatusArgument(BaseObjectCreationExpressionSyntax creation, IMethodSymbol constructor)
    {
        var arguments = creation.ArgumentList?.Arguments ?? default;
        if (arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "statusCode") is { } named)
        {
            return named.Expression;
        }

        return arguments.Count > 0 && arguments[0].NameColon is null && constructor.Parameters.FirstOrDefault()?.Name == "statusCode"
            ? arguments[0].Expression
            : null;
    }
}
