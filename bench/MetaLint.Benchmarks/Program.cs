using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(MetaLint.Benchmarks.ParserBenchmarks).Assembly).Run(args);
