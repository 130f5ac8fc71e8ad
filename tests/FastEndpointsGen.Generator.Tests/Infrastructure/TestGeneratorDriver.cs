using System.Collections.Immutable;
using System.Reflection.PortableExecutable;
using FastEndpointsGen.Generator.Emitting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FastEndpointsGen.Generator.Tests.Infrastructure;

/// <summary>One run of the generator: its input, its output and what each tracked step did.</summary>
internal sealed record GeneratorResult(
    CSharpCompilation Input,
    Compilation Output,
    GeneratorDriver Driver,
    GeneratorRunResult Run,
    IReadOnlyDictionary<string, string> Sources)
{
    /// <summary>
    /// The endpoints: the map file (<c>FastEndpointsGen.Endpoints.g.cs</c>, the entry point) followed by each handler class's
    /// file (<c>FastEndpointsGen.Endpoints.&lt;Namespace&gt;.&lt;Class&gt;.g.cs</c>: its <c>Map</c> and request delegates), by hint name.
    /// </summary>
    public string Endpoints => Source(RoutingEmitter.HintName) + string.Concat(EndpointClassFiles.Values);

    /// <summary>Each handler class's endpoints file by hint name, in order.</summary>
    public IReadOnlyDictionary<string, string> EndpointClassFiles =>
        Sources.Where(s => s.Key.StartsWith(RoutingEmitter.ClassHintNamePrefix, StringComparison.Ordinal) && s.Key != RoutingEmitter.HintName)
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);

    /// <summary><c>FastEndpointsGen.Json.g.cs</c>: the JSON readers and writers.</summary>
    public string Json => Source(JsonEmitter.HintName);

    /// <summary>
    /// The OpenAPI document, indented as the build writes it to a file. <c>FastEndpointsGen.OpenApi.g.cs</c>
    /// (<see cref="OpenApiFile"/>) holds the same document as one compact string literal.
    /// </summary>
    public string OpenApi => OpenApiEmitter.Document((Generator.Model.OpenApiModel)Run.TrackedSteps[TrackingNames.Document].Last().Outputs.Single().Value);

    /// <summary><c>FastEndpointsGen.OpenApi.g.cs</c>: <c>GeneratedOpenApi</c>, the document as a compact JSON constant.</summary>
    public string OpenApiFile => Source(OpenApiEmitter.HintName);

    public string Source(string hintName) =>
        Sources.TryGetValue(hintName, out var text)
            ? text
            : throw new KeyNotFoundException($"No generated file '{hintName}'. Generated: {string.Join(", ", Sources.Keys)}");
}

/// <summary>
/// Builds a compilation the way an ASP.NET Core web project compiles (the .NET and ASP.NET Core shared
/// frameworks, the FastEndpointsGen runtime, the Web SDK's implicit usings, nullable on, latest C#,
/// XML docs checked) and runs <see cref="EndpointsGenerator"/> over it with step tracking on.
/// </summary>
internal static class TestGeneratorDriver
{
    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default
        .WithLanguageVersion(LanguageVersion.Latest)
        // As in a project with GenerateDocumentationFile: generated doc comments and crefs are checked too.
        .WithDocumentationMode(DocumentationMode.Diagnose);

    /// <summary>The global usings the Web SDK adds with ImplicitUsings=enable, so test inputs read like real apps.</summary>
    public const string ImplicitUsings = """
        global using global::Microsoft.AspNetCore.Builder;
        global using global::Microsoft.AspNetCore.Hosting;
        global using global::Microsoft.AspNetCore.Http;
        global using global::Microsoft.AspNetCore.Routing;
        global using global::Microsoft.Extensions.Configuration;
        global using global::Microsoft.Extensions.DependencyInjection;
        global using global::Microsoft.Extensions.Hosting;
        global using global::Microsoft.Extensions.Logging;
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Net.Http.Json;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    /// <summary>The shared framework assemblies, <c>FastEndpointsGen.dll</c> and what it references.</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>A compilation of the given files (<c>Source0.cs</c>, <c>Source1.cs</c>, ...) plus the implicit usings.</summary>
    public static CSharpCompilation CreateCompilation(IEnumerable<string> sources, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var trees = sources
            .Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: $"Source{i}.cs"))
            .Prepend(CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, path: "GlobalUsings.g.cs"));
        return CSharpCompilation.Create("TestApp", trees, References, Options(outputKind));
    }

    /// <summary>
    /// Types a user project may declare in the global namespace with the names of common framework types, and a
    /// <c>System</c> namespace under a root namespace the generated code also lives in. Generated code that leaned on
    /// the project's usings (or on lookup through the global namespace) would bind to these (docs/projects.md).
    /// </summary>
    public const string ShadowingTypes = """
        public sealed class Task { }
        public sealed class ValueTask { }
        public sealed class JsonSerializer { }
        public sealed class HttpContext { }
        public sealed class HttpRequest { }
        public sealed class Results { }
        public sealed class TypedResults { }
        public sealed class IResult { }
        public sealed class CultureInfo { }
        public sealed class List<T> { }
        public sealed class Dictionary<TKey, TValue> { }
        public sealed class Stream { }
        public sealed class CancellationToken { }
        public sealed class Math { }
        public sealed class Array { }
        public sealed class Enumerable { }
        public sealed class Encoding { }
        public sealed class Exception { }
        public sealed class ArgumentException { }
        public sealed class Convert { }
        public sealed class Span<T> { }
        public sealed class StringValues { }
        public sealed class RequestErrors { }
        public sealed class EndpointRuntime { }
        namespace FastEndpointsGen.System { internal sealed class Marker { } }
        namespace FastEndpointsGen.Microsoft { internal sealed class Marker { } }
        namespace Microsoft.AspNetCore.Builder.System { internal sealed class Marker { } }
        """;

    /// <summary>
    /// The same files as <see cref="CreateCompilation"/> would compile, built the way a plain class library with
    /// <c>ImplicitUsings</c> off builds them: the usings the handlers need are each file's own (scoped to its namespace),
    /// nothing is global. When every file has a file-scoped namespace (so the handlers' own names are found through
    /// those usings first), the project also declares <see cref="ShadowingTypes"/>.
    /// </summary>
    public static CSharpCompilation CreatePlainLibraryCompilation(IEnumerable<string> sources, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var usings = ImplicitUsings.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => u["global ".Length..])
            .ToList();
        var files = sources.ToList();
        var scoped = files.All(f => FileScopedNamespace.IsMatch(f));
        var texts = files.Select(text => scoped
            ? FileScopedNamespace.Replace(text, m => m.Value + "\n" + string.Join("\n", usings), 1)
            : string.Join("\n", usings.Where(u => !text.Contains(u["using global::".Length..^1] + ";", StringComparison.Ordinal))) + "\n" + text);
        if (scoped)
        {
            texts = texts.Append(ShadowingTypes);
        }

        var trees = texts.Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: $"Source{i}.cs"));
        return CSharpCompilation.Create("TestApp", trees, References, Options(outputKind));
    }

    private static readonly System.Text.RegularExpressions.Regex FileScopedNamespace =
        new(@"^namespace [\w.]+;", System.Text.RegularExpressions.RegexOptions.Multiline);

    private static CSharpCompilationOptions Options(OutputKind outputKind) =>
        new CSharpCompilationOptions(outputKind)
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithWarningLevel(9999)
            // Public handler classes in the test inputs need no XML docs; generated code is internal anyway.
            .WithSpecificDiagnosticOptions([new("CS1591", ReportDiagnostic.Suppress)]);

    /// <summary>Creates a driver for the generator with every step tracked and no output disabled.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText>? additionalTexts = null) =>
        CSharpGeneratorDriver.Create(
            [new EndpointsGenerator().AsSourceGenerator()],
            additionalTexts: additionalTexts,
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorResult Run(params string[] sources) => Run(CreateCompilation(sources));

    public static GeneratorResult Run(CSharpCompilation compilation, GeneratorDriver? driver = null)
    {
        driver = (driver ?? CreateDriver()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var run = driver.GetRunResult().Results.Single();
        var sources = run.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        return new GeneratorResult(compilation, output, driver, run, sources);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var directories = new[]
        {
            Path.GetDirectoryName(typeof(object).Assembly.Location)!,
            Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!,
        };

        var files = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in directories.Distinct().SelectMany(d => Directory.EnumerateFiles(d, "*.dll")))
        {
            // The first framework wins on a name clash; native libraries have no metadata and are skipped.
            if (!files.ContainsKey(Path.GetFileName(file)) && IsManaged(file))
            {
                files.Add(Path.GetFileName(file), file);
            }
        }

        // The runtime and the packages it depends on (OpenAPI, Scalar), as a PackageReference brings them.
        var runtime = typeof(GetAttribute).Assembly;
        files[Path.GetFileName(runtime.Location)] = runtime.Location;
        foreach (var name in runtime.GetReferencedAssemblies())
        {
            var candidate = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            if (!files.ContainsKey(name.Name + ".dll") && File.Exists(candidate))
            {
                files.Add(name.Name + ".dll", candidate);
            }
        }

        return [.. files.Values.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))];
    }

    private static bool IsManaged(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            using var reader = new PEReader(stream);
            return reader.HasMetadata;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
