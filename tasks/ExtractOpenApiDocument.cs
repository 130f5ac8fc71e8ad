using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace FastEndpointsGen.Tasks;

/// <summary>
/// Writes the compile-time OpenAPI document to a file after compile (docs/openapi.md#the-document-as-a-build-artifact).
/// A source generator cannot write files, so the generator puts the document into the assembly as the constant
/// <c>FastEndpointsGen.GeneratedOpenApi.Json</c> and this task reads it back from the compiled assembly's metadata:
/// nothing is loaded or run. An app's file also holds the documents of the endpoint libraries it maps
/// (docs/projects.md), merged the way <c>MapApiDocs()</c> merges them.
/// </summary>
public sealed class ExtractOpenApiDocument : Task
{
    /// <summary>The assembly just compiled (<c>@(IntermediateAssembly)</c>).</summary>
    [Required]
    public string Assembly { get; set; } = "";

    /// <summary>The compile references (<c>@(ReferencePath)</c>): endpoint libraries among them are merged in.</summary>
    public ITaskItem[] References { get; set; } = [];

    /// <summary>Where the document goes. Written only when its text changed, so an unchanged build touches nothing.</summary>
    [Required]
    public string OutputFile { get; set; } = "";

    /// <summary>The committed baseline (docs/openapi.md#breaking-changes); when it exists, breaking changes are warnings FEG5004–FEG5007.</summary>
    public string? Baseline { get; set; }

    /// <summary>True while the baseline is being replaced by this build's document: nothing to compare then.</summary>
    public bool AcceptingBaseline { get; set; }

    private const string HelpLinkBase = "https://github.com/fastendpointsgen/fastendpointsgen/blob/main/docs/diagnostics/";

    public override bool Execute()
    {
        var documents = new List<string>();
        if (Read(Assembly) is { Json: { } own })
        {
            documents.Add(own);
        }

        foreach (var path in References.Select(r => r.GetMetadata("FullPath")).Where(File.Exists))
        {
            if (Read(path) is { Json: { } json, MappedLibrary: true } && !documents.Contains(json))
            {
                documents.Add(json);
            }
        }

        if (documents.Count == 0)
        {
            return true;
        }

        var text = documents.Count == 1 ? documents[0] : Merge(documents);
        if (!text.EndsWith('\n'))
        {
            text += "\n";
        }

        if (!File.Exists(OutputFile) || File.ReadAllText(OutputFile) != text)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(OutputFile))!);
            File.WriteAllText(OutputFile, text);
            Log.LogMessage(MessageImportance.Normal, $"FastEndpointsGen: wrote the OpenAPI document to {OutputFile}");
        }

        if (!AcceptingBaseline && !string.IsNullOrEmpty(Baseline) && File.Exists(Baseline))
        {
            ReportBreakingChanges(File.ReadAllText(Baseline), text);
        }

        return !Log.HasLoggedErrors;
    }

    private void ReportBreakingChanges(string baseline, string document)
    {
        IReadOnlyList<BreakingChange> changes;
        try
        {
            changes = BreakingChanges.Find(baseline, document);
        }
        catch (JsonException e)
        {
            Log.LogWarning(null, BreakingChanges.RemovedOperation, null, HelpLinkBase + BreakingChanges.RemovedOperation + ".md", Baseline, 0, 0, 0, 0,
                "The OpenAPI baseline is not a JSON document, so no breaking change can be checked: {0}", e.Message);
            return;
        }

        foreach (var change in changes)
        {
            Log.LogWarning(null, change.Id, null, HelpLinkBase + change.Id + ".md", Baseline, change.Line, 0, 0, 0, "{0}", change.Message);
        }
    }

    /// <summary>
    /// The constant <c>FastEndpointsGen.GeneratedOpenApi.Json</c>, and whether the assembly is an endpoint library an app
    /// maps: marked <c>[GeneratedEndpointsAssembly]</c> without <c>IsApplication = true</c> (docs/projects.md).
    /// </summary>
    private static (string? Json, bool MappedLibrary) Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            return (null, false);
        }

        var md = pe.GetMetadataReader();
        var json = DocumentConstant(md);
        return json is null ? (null, false) : (json, IsMappedLibrary(md));
    }

    private static string? DocumentConstant(MetadataReader md)
    {
        foreach (var type in md.TypeDefinitions.Select(md.GetTypeDefinition))
        {
            if (md.GetString(type.Name) != "GeneratedOpenApi" || md.GetString(type.Namespace) != "FastEndpointsGen")
            {
                continue;
            }

            foreach (var field in type.GetFields().Select(md.GetFieldDefinition))
            {
                if (md.GetString(field.Name) == "Json" && field.GetDefaultValue() is { IsNil: false } constant)
                {
                    var blob = md.GetBlobReader(md.GetConstant(constant).Value);
                    return blob.ReadUTF16(blob.Length);
                }
            }
        }

        return null;
    }

    private static bool IsMappedLibrary(MetadataReader md)
    {
        foreach (var attribute in md.GetAssemblyDefinition().GetCustomAttributes().Select(md.GetCustomAttribute))
        {
            if (attribute.Constructor.Kind != HandleKind.MemberReference
                || md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is not { Kind: HandleKind.TypeReference } parent
                || md.GetString(md.GetTypeReference((TypeReferenceHandle)parent).Name) != "GeneratedEndpointsAssemblyAttribute")
            {
                continue;
            }

            // The blob: prolog, the fixed arguments (Type entryPoint, string methodName), then the named ones (ECMA-335 II.23.3).
            var value = md.GetBlobReader(attribute.Value);
            value.ReadUInt16();
            value.ReadSerializedString();
            value.ReadSerializedString();
            var named = value.ReadUInt16();
            for (var i = 0; i < named; i++)
            {
                value.ReadByte();
                value.ReadByte();
                var name = value.ReadSerializedString();
                if (value.ReadBoolean() && name == "IsApplication")
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    /// <summary>As <c>MapApiDocs()</c> merges them: the first document wins a path or component another one also has.</summary>
    private static string Merge(List<string> documents)
    {
        var result = JsonNode.Parse(documents[0])!.AsObject();
        foreach (var other in documents.Skip(1).Select(d => JsonNode.Parse(d)!.AsObject()))
        {
            OpenApiDocumentMerge.Into(result, other);
        }

        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };
        return result.ToJsonString(options);
    }
}
