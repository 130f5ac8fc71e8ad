// Compares what generated code costs the compiler: the same project sources compiled with each folder of generated
// files in turn (parse, bind, emit to memory; no generators or analyzers run), rounds alternating so that the same
// moment on the machine hits every folder. Prints each round's CPU time and, per folder, the median and fastest of
// the rounds after the first four (the compiler's code still warming up). See ../README.md#compile-cost.
//   dotnet run -c Release --project benchmarks/generator/CompileCost -- <sources> <references.txt> <rounds> <generated>...
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

if (args.Length < 4)
{
    Console.Error.WriteLine("usage: CompileCost <project sources folder> <file listing reference paths> <rounds> <generated files folder>...");
    return 2;
}

const int WarmUpRounds = 4;
var sources = ReadFiles(args[0], SearchOption.AllDirectories);
var references = File.ReadAllLines(args[1]).Where(line => line.Length > 0).Select(path => MetadataReference.CreateFromFile(path)).ToArray();
var rounds = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
var folders = args[3..];
var generated = folders.ToDictionary(folder => folder, folder => ReadFiles(folder, SearchOption.TopDirectoryOnly));

// What the web SDK's implicit usings add to a project.
var implicitUsings = string.Concat(new[]
{
    "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Net.Http.Json",
    "System.Threading", "System.Threading.Tasks", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting",
    "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration",
    "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
}.Select(name => $"global using global::{name};\n"));
var parseOptions = new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.Parse);
var options = new CSharpCompilationOptions(OutputKind.ConsoleApplication, optimizationLevel: OptimizationLevel.Release,
    nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false);
var times = folders.ToDictionary(folder => folder, _ => new List<double>());
for (var round = 0; round < rounds; round++)
{
    foreach (var folder in round % 2 == 0 ? folders : Enumerable.Reverse(folders))
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var start = process.TotalProcessorTime;
        var trees = sources.Concat(generated[folder]).Select(file => CSharpSyntaxTree.ParseText(file.Text, parseOptions, file.Path)).ToList();
        trees.Add(CSharpSyntaxTree.ParseText(implicitUsings, parseOptions, "ImplicitUsings.cs"));
        var result = CSharpCompilation.Create("Measured", trees, references, options).Emit(new MemoryStream());
        process.Refresh();
        var cpu = (process.TotalProcessorTime - start).TotalMilliseconds;
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            Console.Error.WriteLine($"{folder}: {errors.Count} compile errors, the first: {errors[0]}");
            return 1;
        }

        times[folder].Add(cpu);
        Console.WriteLine($"round {round,2}  {folder}  {cpu,6:F0} ms");
    }
}

foreach (var folder in folders)
{
    var measured = times[folder].Skip(WarmUpRounds).Order().ToList();
    if (measured.Count > 0)
    {
        Console.WriteLine($"{folder}: median {measured[measured.Count / 2]:F0} ms, fastest {measured[0]:F0} ms of {measured.Count} rounds");
    }
}

return 0;

static (string Path, string Text)[] ReadFiles(string folder, SearchOption search) =>
    Directory.GetFiles(folder, "*.cs", search)
        .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(path => (path, File.ReadAllText(path)))
        .ToArray();
