using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Xml;
using FastEndpointsGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Generator.Parsing;

/// <summary>
/// Doc comments of models declared in other assemblies, read from those assemblies' documentation files
/// (docs/projects.md#doc-comments-of-referenced-models). The command-line compiler does not attach a reference's
/// documentation file, so <c>GetDocumentationCommentXml</c> returns nothing there; the package's build passes each
/// referenced project's and package's <c>.xml</c> file as an <c>AdditionalFiles</c> item, and this reads, from the
/// files named after the assemblies that declare the document's types, only the members it needs.
/// </summary>
internal static class ReferencedDocsParser
{
    /// <summary>The assemblies and comment IDs the document's referenced types need: what to read from which files.</summary>
    public static ReferencedDocsRequest Request(OpenApiModel model)
    {
        var referenced = model.Endpoints.SelectMany(e => e.Docs.Types).Select(t => t.Referenced).OfType<ReferencedDocs>().ToList();
        if (referenced.Count == 0)
        {
            return ReferencedDocsRequest.None;
        }

        return new ReferencedDocsRequest(
            referenced.SelectMany(r => r.Assemblies).Distinct(StringComparer.Ordinal).OrderBy(a => a, StringComparer.Ordinal).ToEquatableArray(),
            referenced.SelectMany(r => r.MemberCommentIds.Select(m => m.Text).Prepend(r.TypeCommentId))
                .Distinct(StringComparer.Ordinal).OrderBy(id => id, StringComparer.Ordinal).ToEquatableArray());
    }

    /// <summary>
    /// The requested members of <paramref name="file"/> when it is the documentation file of a requested assembly
    /// (<c>Contracts.xml</c> for <c>Contracts</c>); nothing for any other file, which is never read.
    /// </summary>
    public static EquatableArray<DocumentationMember> Read(AdditionalText file, ReferencedDocsRequest request, CancellationToken cancellationToken)
    {
        var name = Path.GetFileNameWithoutExtension(file.Path);
        if (!file.Path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || !request.Assemblies.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return EquatableArray<DocumentationMember>.Empty;
        }

        var wanted = new HashSet<string>(request.CommentIds, StringComparer.Ordinal);
        var found = new List<DocumentationMember>();
        try
        {
            if (file.GetText(cancellationToken) is not { } text)
            {
                return EquatableArray<DocumentationMember>.Empty;
            }

            using var reader = XmlReader.Create(new StringReader(text.ToString()), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (!reader.EOF)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (reader.NodeType == XmlNodeType.Element && reader.Name == "member" && reader.GetAttribute("name") is { } id && wanted.Contains(id))
                {
                    found.Add(new DocumentationMember(id, reader.ReadOuterXml()));
                }
                else
                {
                    reader.Read();
                }
            }
        }
        catch (XmlException)
        {
            // Not a documentation file after all, or a broken one: its types keep the docs the compiler found, if any.
        }

        return found.OrderBy(m => m.CommentId, StringComparer.Ordinal).ToEquatableArray();
    }

    /// <summary>The model with each referenced type's missing summary and member texts taken from <paramref name="files"/>.</summary>
    public static OpenApiModel Apply(OpenApiModel model, IEnumerable<EquatableArray<DocumentationMember>> files)
    {
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in files.SelectMany(f => f))
        {
            if (!members.ContainsKey(member.CommentId))
            {
                members.Add(member.CommentId, member.Xml);
            }
        }

        if (members.Count == 0)
        {
            return model;
        }

        var endpoints = model.Endpoints
            .Select(e => e.Docs.Types.Any(t => t.Referenced is not null)
                ? e with { Docs = e.Docs with { Types = e.Docs.Types.Select(t => Fill(t, members)).ToEquatableArray() } }
                : e)
            .ToEquatableArray();
        return model with { Endpoints = endpoints };
    }

    private static TypeDocs Fill(TypeDocs docs, Dictionary<string, string> members)
    {
        if (docs.Referenced is not { } referenced)
        {
            return docs;
        }

        var typeDoc = DocCommentParser.Parse(members.TryGetValue(referenced.TypeCommentId, out var typeXml) ? typeXml : null);
        var texts = docs.Members.ToList();
        foreach (var member in referenced.MemberCommentIds.Where(m => !texts.Any(t => t.Name == m.Name)))
        {
            // A property's own <summary>, else the record's <param> of that name, as for types declared in source.
            var memberDoc = DocCommentParser.Parse(members.TryGetValue(member.Text, out var memberXml) ? memberXml : null);
            if ((DocCommentParser.Summary(memberDoc) ?? DocCommentParser.Param(typeDoc, member.Name)) is { } text)
            {
                texts.Add(new NamedDoc(member.Name, text));
            }
        }

        return docs with
        {
            Summary = docs.Summary ?? DocCommentParser.Summary(typeDoc),
            Members = texts.ToEquatableArray(),
        };
    }
}
