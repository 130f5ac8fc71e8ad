// The baselines the generator's time is measured against, on the same compilation: the generator tests run them in
// process (ThousandEndpointsTests.StepTimes_OnAFullBuild) and measure.sh builds each into its own analyzer
// (docs/performance.md#generator-cost).
using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FastEndpointsGen.Benchmarks;

/// <summary>
/// Finds the methods with the route attributes (<c>ForAttributeWithMetadataName</c> binds each candidate's attributes) and
/// reads each with <paramref name="read"/>; emits nothing.
/// </summary>
internal abstract class RouteMethodsGenerator(Func<IMethodSymbol, int> read) : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        foreach (var attribute in new[] { "Get", "Post", "Put", "Patch", "Delete", "WebSocketRoute" })
        {
            var methods = context.SyntaxProvider.ForAttributeWithMetadataName(
                "FastEndpointsGen." + attribute + "Attribute",
                static (node, _) => node is MethodDeclarationSyntax,
                (syntax, _) => read((IMethodSymbol)syntax.TargetSymbol));
            context.RegisterSourceOutput(methods.Collect(), static (_, _) => { });
        }
    }
}

/// <summary>The least an attribute-driven generator does: find the methods with the route attributes, keep their names' lengths.</summary>
internal sealed class EmptyGenerator() : RouteMethodsGenerator(static method => method.Name.Length);

/// <summary>
/// The least a generator that binds must read: the route-attributed methods (as <see cref="EmptyGenerator"/>), the
/// attributes of their classes, each method's parameter and return types with the parameters' attributes, and the
/// properties (with attributes) of every project type they reach. Emits nothing.
/// </summary>
internal sealed class SignatureReader() : RouteMethodsGenerator(Read)
{
    private static int Read(IMethodSymbol method)
    {
        var read = method.ContainingType.GetAttributes().Length;
        var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        var types = new Stack<ITypeSymbol>();
        foreach (var parameter in method.Parameters)
        {
            types.Push(parameter.Type);
            read += parameter.GetAttributes().Length;
        }

        types.Push(method.ReturnType);
        while (types.Count > 0)
        {
            if (types.Pop() is not INamedTypeSymbol type || !seen.Add(type))
            {
                continue;
            }

            foreach (var argument in type.TypeArguments)
            {
                types.Push(argument);
            }

            if (type.Locations.Any(l => l.IsInSource))
            {
                foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
                {
                    types.Push(property.Type);
                    read += property.GetAttributes().Length;
                }
            }
        }

        return read + seen.Count;
    }
}
