using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Xml.Linq;
using FastEndpointsGen.Generator.Model;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FastEndpointsGen.Generator.Parsing;

/// <summary>
/// Reads XML doc comments (<c>&lt;summary&gt;</c>, <c>&lt;remarks&gt;</c>, <c>&lt;param&gt;</c>, <c>&lt;returns&gt;</c>,
/// <c>&lt;response code="..."&gt;</c>) into plain Markdown text for the OpenAPI document, the way FastAPI
/// reads docstrings.
/// </summary>
/// <remarks>
/// Comments are read from the declaring syntax first, so they are found whatever the project's
/// <c>GenerateDocumentationFile</c> setting (without it the compiler does not parse doc comments);
/// symbols from referenced assemblies fall back to the compiler's documentation provider.
/// </remarks>
internal static class DocCommentParser
{
    private const string ObsoleteAttribute = "System.ObsoleteAttribute";

    /// <summary>The parsed comment of <paramref name="symbol"/>, or null when it has none (or it is not well-formed).</summary>
    public static XElement? Read(ISymbol symbol, CancellationToken cancellationToken)
    {
        var xml = FromSyntax(symbol, cancellationToken, out var needsCompiler);
        if (xml is null && needsCompiler)
        {
            var compiled = symbol.GetDocumentationCommentXml(CultureInfo.InvariantCulture, expandIncludes: false, cancellationToken);
            xml = string.IsNullOrWhiteSpace(compiled) ? null : compiled;
        }

        return Parse(xml);
    }

    /// <summary>A comment's XML text (a whole <c>&lt;member&gt;</c> element, or its content) parsed, or null when it is not well-formed.</summary>
    public static XElement? Parse(string? xml)
    {
        if (xml is null)
        {
            return null;
        }

        try
        {
            return XElement.Parse(xml.TrimStart().StartsWith("<member", StringComparison.Ordinal) ? xml : "<doc>" + xml + "</doc>", LoadOptions.None);
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    public static string? Summary(XElement? doc) => Text(doc?.Element("summary"));

    public static string? Remarks(XElement? doc) => Text(doc?.Element("remarks"));

    public static string? Returns(XElement? doc) => Text(doc?.Element("returns"));

    /// <summary>The text of <c>&lt;param name="..."&gt;</c>, matched ignoring case as positional record properties need.</summary>
    public static string? Param(XElement? doc, string name) =>
        Text(doc?.Elements("param").FirstOrDefault(p => string.Equals((string?)p.Attribute("name"), name, StringComparison.OrdinalIgnoreCase)));

    public static EquatableArray<NamedDoc> Params(XElement? doc) =>
        (doc?.Elements("param") ?? [])
            .Select(p => (Name: (string?)p.Attribute("name"), Text: Text(p)))
            .Where(p => p.Name is not null && p.Text is not null)
            .Select(p => new NamedDoc(p.Name!, p.Text!))
            .ToEquatableArray();

    public static EquatableArray<ResponseDoc> Responses(XElement? doc) =>
        (doc?.Elements("response") ?? [])
            .Select(r => (Code: (string?)r.Attribute("code"), Text: Text(r)))
            .Where(r => int.TryParse(r.Code, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 599)
            .Select(r => new ResponseDoc(int.Parse(r.Code!, CultureInfo.InvariantCulture), r.Text ?? ""))
            .ToEquatableArray();

    public static bool IsObsolete(ISymbol symbol) =>
        symbol.GetAttributes().Any(a => TypeClassifier.IsNamed(a.AttributeClass, ObsoleteAttribute));

    /// <summary>The element's text as Markdown: <c>&lt;c&gt;</c> becomes code, crefs their simple names, paragraphs blank lines.</summary>
    public static string? Text(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var builder = new StringBuilder();
        Append(builder, element);
        var paragraphs = builder.ToString()
            .Split(['\u2029'], StringSplitOptions.None)
            .Select(CollapseWhitespace)
            .Where(p => p.Length > 0);
        var text = string.Join("\n\n", paragraphs);
        return text.Length == 0 ? null : text;
    }

    /// <summary>Runs of white space as one space, none at either end: how a comment's line breaks and indentation read.</summary>
    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, XElement element)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText text:
                    builder.Append(text.Value);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } see:
                    builder.Append(see.IsEmpty ? Reference(see) : see.Value);
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                    builder.Append('`').Append((string?)reference.Attribute("name")).Append('`');
                    break;
                case XElement { Name.LocalName: "c" } code:
                    builder.Append('`').Append(code.Value).Append('`');
                    break;
                case XElement { Name.LocalName: "para" or "code" or "list" } block:
                    builder.Append('\u2029');
                    Append(builder, block);
                    builder.Append('\u2029');
                    break;
                case XElement { Name.LocalName: "item" } item:
                    builder.Append('\u2029').Append("- ");
                    Append(builder, item);
                    break;
                case XElement other:
                    Append(builder, other);
                    break;
            }
        }
    }

    /// <summary><c>&lt;see cref="T:Ns.Type.Member"/&gt;</c> → <c>`Member`</c>; <c>langword</c> and <c>href</c> as written.</summary>
    private static string Reference(XElement see)
    {
        if ((string?)see.Attribute("langword") is { } langword)
        {
            return "`" + langword + "`";
        }

        if ((string?)see.Attribute("href") is { } href)
        {
            return href;
        }

        var cref = (string?)see.Attribute("cref") ?? "";
        var name = cref.Contains(':') ? cref.Substring(cref.IndexOf(':') + 1) : cref;
        var parameters = name.IndexOf('(');
        if (parameters >= 0)
        {
            name = name.Substring(0, parameters);
        }

        var dot = name.LastIndexOf('.');
        return "`" + (dot >= 0 ? name.Substring(dot + 1) : name).Replace("`", "") + "`";
    }

    /// <summary>
    /// The <c>///</c> lines before the declaration, as XML text, or null. <paramref name="needsCompiler"/> says whether the
    /// compiler's documentation provider could still find a comment: for a symbol from a referenced assembly, or one with a
    /// <c>/** */</c> comment. Asking it about a source symbol with neither would only re-read the same trivia, slowly.
    /// </summary>
    private static string? FromSyntax(ISymbol symbol, CancellationToken cancellationToken, out bool needsCompiler)
    {
        needsCompiler = symbol.DeclaringSyntaxReferences.IsEmpty;
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax(cancellationToken);
            StringBuilder? xml = null; // the comment's lines without their "///", joined by \n
            foreach (var trivia in node.GetLeadingTrivia())
            {
                if (trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)
                    || (trivia.IsKind(SyntaxKind.MultiLineCommentTrivia) && trivia.ToString().StartsWith("/**", StringComparison.Ordinal)))
                {
                    needsCompiler = true;
                }
                else if (trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.SingleLineCommentTrivia))
                {
                    // Without GenerateDocumentationFile, /// lines are plain comments.
                    foreach (var line in trivia.ToFullString().Split('\n'))
                    {
                        var text = line.Trim();
                        if (text.StartsWith("///", StringComparison.Ordinal))
                        {
                            xml = xml is null ? new StringBuilder() : xml.Append('\n');
                            xml.Append(text, 3, text.Length - 3);
                        }
                    }
                }
            }

            if (xml?.ToString() is { } comment && !string.IsNullOrWhiteSpace(comment))
            {
                return comment;
            }
        }

        return null;
    }
}
