using System;
using System.Globalization;
using System.IO;
using System.Linq;
using FastEndpointsGen.Benchmarks;

// ProjectWriter <folder> [endpoints] [--minimal-api]: writes Program.cs, the handlers and the models of the benchmark
// project; with --minimal-api, the same endpoints as a minimal API for the Request Delegate Generator.
var minimalApi = args.Contains("--minimal-api");
var positional = args.Where(a => a != "--minimal-api").ToArray();
if (positional.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: ProjectWriter <folder> [endpoints (default 1000)] [--minimal-api]");
    return 2;
}

var folder = Path.GetFullPath(positional[0]);
var endpoints = positional.Length == 2 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : 1000;
var sources = ThousandEndpoints.Create(endpoints, minimalApi);
foreach (var source in sources)
{
    var path = Path.Combine(folder, source.Path);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, source.Text);
}

Console.WriteLine($"Wrote {sources.Count} files with {endpoints} endpoints{(minimalApi ? " (minimal API)" : "")} to {folder}");
return 0;
