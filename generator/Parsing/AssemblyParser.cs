using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using FastEndpointsGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Generator.Parsing;

/// <summary>
/// Reads the compilation's own assembly (its name and kind) and the referenced assemblies built with FastEndpointsGen,
/// from the <c>[assembly: GeneratedEndpointsAssembly]</c> their generator wrote (docs/projects.md). Metadata only:
/// nothing is loaded or reflected at run time.
/// </summary>
internal static class AssemblyParser
{
    public const string AssemblyAttribute = "FastEndpointsGen.Runtime.GeneratedEndpointsAssemblyAttribute";

    public static AssemblyModel ParseThis(Compilation compilation)
    {
        var name = compilation.AssemblyName ?? "App";
        var identifier = EntryPointName(name);
        var isApplication = compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication or OutputKind.WindowsRuntimeApplication;
        return new AssemblyModel(name, identifier + "EndpointRouteBuilderExtensions", "Map" + identifier + "Endpoints", isApplication);
    }

    /// <summary>
    /// The referenced libraries with endpoints, ordered by assembly name. Applications are left out: an app maps its own
    /// endpoints, so a test project or a tool that references one never maps them a second time by accident.
    /// </summary>
    public static EquatableArray<ReferencedAssemblyModel> ParseReferences(Compilation compilation, CancellationToken cancellationToken)
    {
        if (compilation.GetTypeByMetadataName(AssemblyAttribute) is not { } attributeType)
        {
            return EquatableArray<ReferencedAssemblyModel>.Empty;
        }

        var found = new List<ReferencedAssemblyModel>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var attribute in assembly.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType)
                    || attribute.ConstructorArguments.Length != 2
                    || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol entryPoint
                    || attribute.ConstructorArguments[1].Value is not string method
                    || attribute.NamedArguments.Any(a => a.Key == "IsApplication" && a.Value.Value is true))
                {
                    continue;
                }

                found.Add(new ReferencedAssemblyModel(
                    assembly.Identity.Name,
                    entryPoint.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                    method));
            }
        }

        return found.OrderBy(r => r.AssemblyName, System.StringComparer.Ordinal).ToEquatableArray();
    }

    /// <summary>
    /// The assembly name as one identifier: each part between non-alphanumeric characters starts upper case
    /// (<c>Shop.Orders</c> → <c>ShopOrders</c>, <c>orders-api</c> → <c>OrdersApi</c>).
    /// </summary>
    internal static string EntryPointName(string assemblyName)
    {
        var builder = new StringBuilder();
        var upper = true;
        foreach (var c in assemblyName)
        {
            if (!char.IsLetterOrDigit(c) || c > 127)
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, "Assembly");
        }

        return builder.ToString();
    }
}
