using CarteBlanche.Mobility.Networks;
using CarteBlanche.Transit;
using CarteBlanche.UnitTests.Transit;
using Xunit;
using Xunit.Abstractions;

namespace CarteBlanche.UnitTests.Fuzzing;

/// <summary>
/// The GTFS reader as the mobility import and <c>transit validate</c> use it, on zips of the Cahors test feed mutated:
/// every zip is loaded as a network, or refused with a Fatal issue naming its file (and line where there is one), in
/// French; no other exception, no hang.
/// </summary>
public sealed class GtfsFuzzTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Tokens = ["\"", "\"\"", "\"a,b\"", "-1", "25:61:00", "99:59:59", "0:00:00", "00:00", "20261399", "19000101", "99991231", "Europe/Paris", "../../etc/passwd", "Etc/GMT+14", "1700", "3"];

    private readonly string _folder = Directory.CreateTempSubdirectory("gtfs-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Mutated_feeds_load_or_are_refused_with_a_fatal_issue_in_french()
    {
        var files = Directory.GetFiles(PlannerTests.CahorsFeed).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
        var path = Path.Combine(_folder, "reseau.zip");

        var summary = Fuzz.Run("gtfs", Fuzz.Inputs(10_000), i =>
        {
            var mutator = new Mutator(1, i, Tokens);
            return (mutator.MutateZip(files), mutator.Log);
        }, (_, zip) =>
        {
            File.WriteAllBytes(path, zip);
            var report = new ValidationReport("reseau.zip");
            var network = NetworkInService.Read(path, null, report);
            report.ToJson();
            var problem = report.Issues.Where(x => x.Severity >= Severity.Error).Select(Problem).FirstOrDefault(p => p != null);
            if (network != null)
            {
                return new FuzzOutcome(true, problem);
            }
            return FuzzOutcome.Refused(problem ?? (report.HasFatal ? null : "no network and no fatal issue"));
        }, TimeSpan.FromSeconds(20));

        output.WriteLine($"GTFS: {summary}");
        summary.AssertNoProblem();
    }

    /// <summary>What is wrong with an issue: not French, no file, or an object's error without its line.</summary>
    private static string? Problem(ValidationIssue issue) =>
        !Fuzz.IsFrench(issue.Message) ? $"{issue.Code} not in French: {issue.Message}"
        : issue.File.Length == 0 ? $"{issue.Code} without a file: {issue.Message}"
        : issue.Severity == Severity.Error && issue.Line == null ? $"{issue.Code} ({issue.File}) without a line: {issue.Message}"
        : null;
}
