using System.Collections.Immutable;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace FastEndpointsGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// Compiles test sources the way an ASP.NET Core web project compiles, offline: the .NET and ASP.NET Core
/// shared frameworks this test runs on, plus <c>FastEndpointsGen.dll</c>. No reference-assembly package
/// is downloaded.
/// </summary>
internal static class TestReferences
{
    /// <summary>The global usings the Web SDK adds with ImplicitUsings=enable, so test inputs read like real apps.</summary>
    public const string ImplicitUsings = """
        global using global::Microsoft.AspNetCore.Builder;
        global using global::Microsoft.AspNetCore.Http;
        global using global::Microsoft.Extensions.DependencyInjection;
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.Linq;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        global using global::FastEndpointsGen;
        """;

    /// <summary>No package: the framework comes from <see cref="All"/>.</summary>
    public static readonly ReferenceAssemblies None = new("net10.0");

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyAll = new(Load);

    public static ImmutableArray<MetadataReference> All => LazyAll.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        var directories = new[]
        {
            Path.GetDirectoryName(typeof(object).Assembly.Location)!,
            Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!,
        };

        var files = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in directories.Distinct().SelectMany(d => Directory.EnumerateFiles(d, "*.dll")))
        {
            if (!files.ContainsKey(Path.GetFileName(file)) && IsManaged(file))
            {
                files.Add(Path.GetFileName(file), file);
            }
        }

        var runtime = typeof(GetAttribute).Assembly.Location;
        files[Path.GetFileName(runtime)] = runtime;
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
