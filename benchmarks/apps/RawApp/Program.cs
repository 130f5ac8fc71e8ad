Bench.RawApp.BenchApp.Create(args).Run();
