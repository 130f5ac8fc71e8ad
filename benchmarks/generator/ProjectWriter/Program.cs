using System;
using System.Globalization;
using System.IO;
using FastEndpointsGen.Benchmarks;

// ProjectWriter <folder> [endpoints]: writes Program.cs, the handlers and the models of the benchmark project.
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: ProjectWriter <folder> [endpoints (default 1000)]");
    return 2;
}

var folder = Path.GetFullPath(args[0]);
var endpoints = args.Length == 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
var sources = ThousandEndpoints.Create(endpoints);
foreach (var source in sources)
{
    var path = Path.Combine(folder, source.Path);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, source.Text);
}

Console.WriteLine($"Wrote {sources.Count} files with {endpoints} endpoints to {folder}");
return 0;
