using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FastEndpointsGen.Analyzers.CodeFixes;

/// <summary>Small syntax edits the code fixes share.</summary>
internal static class SyntaxEdits
{
    public const string MvcNamespace = "Microsoft.AspNetCore.Mvc";

    /// <summary><c>Type name</c> → <c>[Attribute] Type name</c>, keeping the parameter's leading trivia in front.</summary>
    public static ParameterSyntax WithAttribute(ParameterSyntax parameter, string attributeName)
    {
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(SyntaxFactory.IdentifierName(attributeName))))
            .WithLeadingTrivia(parameter.GetLeadingTrivia())
            .WithTrailingTrivia(SyntaxFactory.Space);
        return parameter.WithoutLeadingTrivia().WithAttributeLists(parameter.AttributeLists.Insert(0, list));
    }

    /// <summary>True when the parameter already carries an attribute whose name starts with <paramref name="shortName"/>.</summary>
    public static bool HasAttribute(ParameterSyntax parameter, string shortName) =>
        parameter.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString().Split('.').Last() is var n && (n == shortName || n == shortName + "Attribute"));

    /// <summary>Adds <c>using Microsoft.AspNetCore.Mvc;</c> unless the attribute's name already binds at <paramref name="position"/>.</summary>
    public static CompilationUnitSyntax WithMvcUsing(CompilationUnitSyntax root, SemanticModel model, int position)
    {
        if (model.LookupNamespacesAndTypes(position, name: "FromServicesAttribute").Any()
            || root.Usings.Any(u => u.Name?.ToString() == MvcNamespace))
        {
            return root;
        }

        // The file's own line ending, so the new line matches the others.
        var endOfLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var newLine = endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.CarriageReturnLineFeed;
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(MvcNamespace))
            .NormalizeWhitespace()
            .WithTrailingTrivia(newLine);
        var index = 0;
        while (index < root.Usings.Count && string.CompareOrdinal(root.Usings[index].Name?.ToString(), MvcNamespace) < 0)
        {
            index++;
        }

        if (root.Usings.Count == 0)
        {
            // Keep the file's first trivia (comments, #nullable) above the new using, and a blank line after it.
            var first = root.GetLeadingTrivia();
            root = root.WithoutLeadingTrivia();
            directive = directive.WithLeadingTrivia(first).WithTrailingTrivia(newLine, newLine);
        }

        return root.WithUsings(root.Usings.Insert(index, directive));
    }
}
