namespace MetaLint.Core.Reporting;

/// Renders a report in one output format.
internal interface IReporter
{
    void Write(Report report, TextWriter output);
}
