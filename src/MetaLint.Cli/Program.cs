using System.Text;
using MetaLint.Cli;

// Console.Out flushes on every write: one system call per span of the text report, per character of the CSV one.
// Redirected (a pipe or a file, where reports usually go), stdout is a 64 KB buffer that MetaLintCli.Run flushes when
// the command ends, inside its error handling; a terminal keeps Console.Out, so output and stderr stay interleaved.
if (!Console.IsOutputRedirected)
    return MetaLintCli.Run(args, Console.Out, Console.Error, stdoutRedirected: false, Console.IsErrorRedirected);
var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024) { AutoFlush = false };
var code = MetaLintCli.Run(args, stdout, Console.Error, stdoutRedirected: true, Console.IsErrorRedirected);
try
{
    stdout.Flush();   // normally empty already: only what a failed run left behind
}
catch (IOException)
{
}
return code;
