using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FastEndpointsGen.Reading;

/// <summary>Finds where in source an attribute argument or a parameter is written.</summary>
internal static class Locations
{
    /// <summary>
    /// The constructor argument at <paramref name="position"/> (or the named argument <paramref name="name"/>),
    /// else the whole attribute, else null when the attribute is not in source.
    /// </summary>
    public static Location? ArgumentOrAttribute(AttributeData attribute, int position, string? name, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return null;
        }

        var arguments = syntax.ArgumentList?.Arguments;
        if (arguments is { } list)
        {
            var positional = 0;
            foreach (var argument in list)
            {
                if (argument.NameEquals is not null)
                {
                    if (name is not null && argument.NameEquals.Name.Identifier.ValueText == name)
                    {
                        return argument.GetLocation();
                    }

                    continue;
                }

                if (argument.NameColon is null && name is null && positional == position)
                {
                    return argument.GetLocation();
                }

                positional++;
            }
        }

        return syntax.GetLocation();
    }

    /// <summary>The whole attribute as written, or null when it is not in source.</summary>
    public static Location? OfAttribute(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

    /// <summary>The symbol's first source location.</summary>
    public static Location Of(ISymbol symbol) => symbol.Locations.Length > 0 ? symbol.Locations[0] : Location.None;
}
