Bench.MinimalApiApp.BenchApp.Create(args).Run();
