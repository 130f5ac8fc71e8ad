Bench.FastEndpointsGenApp.BenchApp.Create(args).Run();
