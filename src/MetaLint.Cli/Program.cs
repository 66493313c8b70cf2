using MetaLint.Cli;

return MetaLintCli.Run(args, Console.Out, Console.Error, Console.IsOutputRedirected, Console.IsErrorRedirected);
