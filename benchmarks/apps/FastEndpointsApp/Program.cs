Bench.FastEndpointsApp.BenchApp.Create(args).Run();
