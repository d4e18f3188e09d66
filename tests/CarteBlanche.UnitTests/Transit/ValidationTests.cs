using System.IO.Compression;
using System.Text;
using CarteBlanche.Transit;
using Xunit;

namespace CarteBlanche.UnitTests.Transit;

/// <summary>
/// One bad feed per validation code: the Cahors feed copied and broken in one place. Each issue names its file, line
/// and object; a Fatal one loads nothing; an Error skips the object and the rest loads.
/// </summary>
public sealed class ValidationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gtfs-bad-").FullName;

    public ValidationTests()
    {
        foreach (var file in Directory.GetFiles(PlannerTests.CahorsFeed))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string file) => Path.Combine(_folder, file);

    private void Replace(string file, string from, string to)
    {
        var text = File.ReadAllText(PathOf(file));
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(PathOf(file), text.Replace(from, to, StringComparison.Ordinal));
    }

    private void Append(string file, string line) => File.AppendAllText(PathOf(file), line + "\n");

    private (GtfsFeed? Feed, ValidationReport Report) Read(string? path = null)
    {
        var report = new ValidationReport("cahors");
        return (GtfsReader.Read(path ?? _folder, "1", report), report);
    }

    [Fact]
    public void The_hand_made_feed_loads_without_errors()
    {
        var (feed, report) = Read(PlannerTests.CahorsFeed);
        Assert.NotNull(feed);
        Assert.DoesNotContain(report.Issues, i => i.Severity >= Severity.Error);
        Assert.Equal(23, feed!.Stops.Count);
        Assert.True(feed.Trips.Count > 90, "frequencies are expanded into trips");
    }

    [Fact]
    public void The_summary_counts_every_issue_even_those_beyond_the_listed_ones()
    {
        var report = new ValidationReport("gros");
        for (var i = 0; i < 499; i++)
        {
            report.Add(Severity.Warning, "NullDuration", "stop_times.txt", i + 2, "t", "0 seconde");
        }

        Assert.Equal(ValidationReport.MaxListedPerCode, report.Issues.Count);
        Assert.Equal(499, report.Total(Severity.Warning));
        Assert.Contains("\"Warning\": 499", report.ToJson(), StringComparison.Ordinal);
        var html = report.ToHtml();
        Assert.Contains("Avertissement : 499", html, StringComparison.Ordinal);
        Assert.Contains("299 de plus, non listés (au plus 200 par code).", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hop_of_zero_seconds_between_two_stops_is_flagged_with_its_distance()
    {
        // Flagged whatever the distance (it used to take more than 1 km), in metres.
        Replace("stop_times.txt", "885_A_0,07:30:00,07:30:00", "885_A_0,07:16:00,07:16:00");
        var (_, report) = Read();
        Assert.Contains(report.Issues, i => i.Code == "NullDuration" && i.Message.Contains(" m en 0 seconde", StringComparison.Ordinal));
    }

    public static TheoryData<string> Codes =>
    [
        "InvalidArchive", "MissingMandatoryFile", "MissingMandatoryColumn", "InvalidEncoding", "InvalidReference", "InvalidTime", "MissingId",
        "DuplicateObjectId", "DuplicateStopSequence", "InvalidCoordinates", "MissingCoordinates", "InvalidTimezone", "NegativeTravelTime",
        "MissingName", "InvalidStopParent", "UnusedStop", "ExcessiveSpeed", "NullDuration", "DuplicateStops", "InvalidRouteType",
        "ExtraFile", "InvalidTransfers", "ImpossibleToInterpolateStopTimes", "CloseStops",
    ];

    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_bad_feed_is_reported_with_its_code_file_and_line(string code)
    {
        string? path = null;
        (Severity Severity, string File, int? Line) expected;
        switch (code)
        {
            case "InvalidArchive":
                path = PathOf("cahors.zip");
                ZipFile.CreateFromDirectory(PlannerTests.CahorsFeed, path);
                var bytes = File.ReadAllBytes(path);
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]); // truncated in transfer
                expected = (Severity.Fatal, Path.GetFileName(path), null);
                break;
            case "MissingMandatoryFile":
                File.Delete(PathOf("stops.txt"));
                expected = (Severity.Fatal, "stops.txt", null);
                break;
            case "MissingMandatoryColumn":
                Replace("stop_times.txt", "trip_id,arrival_time,departure_time,stop_id,", "trip_id,arrival_time,departure_time,stop,");
                expected = (Severity.Fatal, "stop_times.txt", 1);
                break;
            case "InvalidEncoding":
                File.WriteAllBytes(PathOf("stops.txt"), [.. File.ReadAllBytes(PathOf("stops.txt")), .. Encoding.Latin1.GetBytes("X1,Cahors Hôtel de ville,44.4470,1.4410,0,,0\n")]);
                expected = (Severity.Fatal, "stops.txt", 25);
                break;
            case "InvalidReference":
                Replace("stop_times.txt", "885_A_0,07:30:00,07:30:00,VER_BOURG", "885_A_0,07:30:00,07:30:00,NULLE_PART");
                expected = (Severity.Error, "stop_times.txt", LineOf("stop_times.txt", "NULLE_PART"));
                break;
            case "InvalidTime":
                Replace("stop_times.txt", "885_A_0,07:30:00,07:30:00", "885_A_0,25:61:00,25:61:00");
                expected = (Severity.Error, "stop_times.txt", LineOf("stop_times.txt", "25:61:00"));
                break;
            case "MissingId":
                Append("stops.txt", ",Sans identifiant,44.45,1.44,0,,0");
                expected = (Severity.Error, "stops.txt", 25);
                break;
            case "DuplicateObjectId":
                Append("stops.txt", "CAH_PONT,Cahors Pont Valentré bis,44.4448,1.4345,0,,0");
                expected = (Severity.Error, "stops.txt", 25);
                break;
            case "DuplicateStopSequence":
                Replace("stop_times.txt", "885_A_0,07:30:00,07:30:00,VER_BOURG,3", "885_A_0,07:30:00,07:30:00,VER_BOURG,2");
                expected = (Severity.Error, "stop_times.txt", LineOf("stop_times.txt", "885_A_0,07:30:00,07:30:00,VER_BOURG,2"));
                break;
            case "InvalidCoordinates":
                Replace("stops.txt", "Lherm Église,44.56300,1.23300", "Lherm Église,144.56300,1.23300");
                expected = (Severity.Error, "stops.txt", LineOf("stops.txt", "144.56300"));
                break;
            case "MissingCoordinates":
                Replace("stops.txt", "Lherm Église,44.56300,1.23300", "Lherm Église,,");
                expected = (Severity.Error, "stops.txt", LineOf("stops.txt", "Lherm Église,,"));
                break;
            case "InvalidTimezone":
                Replace("agency.txt", "Europe/Paris,fr,05 65", "Europe/Cahors,fr,05 65");
                expected = (Severity.Error, "agency.txt", 2);
                break;
            case "NegativeTravelTime":
                Replace("stop_times.txt", "885_A_0,07:30:00,07:30:00", "885_A_0,07:00:00,07:00:00");
                expected = (Severity.Error, "stop_times.txt", LineOf("stop_times.txt", "885_A_0,07:00:00"));
                break;
            case "MissingName":
                Replace("stops.txt", "LHE_EGLISE,Lherm Église,", "LHE_EGLISE,,");
                expected = (Severity.Warning, "stops.txt", LineOf("stops.txt", "LHE_EGLISE,,"));
                break;
            case "InvalidStopParent":
                Replace("stops.txt", "0,CAH_GARE_ST,1\nCAH_GARE_BUS", "0,CAH_GARE_XX,1\nCAH_GARE_BUS");
                expected = (Severity.Warning, "stops.txt", LineOf("stops.txt", "CAH_GARE_XX"));
                break;
            case "UnusedStop":
                Append("stops.txt", "ORPHELIN,Arrêt oublié,44.40,1.40,0,,0");
                expected = (Severity.Information, "stops.txt", null);
                break;
            case "ExcessiveSpeed":
                Replace("stop_times.txt", "885_A_0,08:35:00,08:35:00,FIG_GARE", "885_A_0,07:40:00,07:40:00,FIG_GARE");
                expected = (Severity.Warning, "stop_times.txt", LineOf("stop_times.txt", "885_A_0,07:40:00"));
                break;
            case "NullDuration":
                Replace("stop_times.txt", "885_A_0,07:30:00,07:30:00", "885_A_0,07:16:00,07:16:00");
                expected = (Severity.Warning, "stop_times.txt", LineOf("stop_times.txt", "885_A_0,07:16:00,07:16:00,VER_BOURG"));
                break;
            case "DuplicateStops":
                Append("stops.txt", "CAH_PONT_2,Cahors Pont Valentré,44.44470,1.43440,0,,1");
                expected = (Severity.Warning, "stops.txt", null);
                break;
            case "InvalidRouteType":
                Replace("routes.txt", "Cahors – Figeac,3", "Cahors – Figeac,42");
                expected = (Severity.Error, "routes.txt", LineOf("routes.txt", "Cahors – Figeac,42"));
                break;
            case "ExtraFile":
                File.WriteAllText(PathOf("notes.txt"), "ceci n'est pas du GTFS\n");
                expected = (Severity.Information, "notes.txt", null);
                break;
            case "InvalidTransfers":
                Append("transfers.txt", "CAH_GARE,INCONNU,2,120");
                expected = (Severity.Warning, "transfers.txt", 4);
                break;
            case "CloseStops":
                Append("stops.txt", "CAH_PONT_QUAI,Cahors Quai Valentré,44.44471,1.43441,0,,1");
                expected = (Severity.Warning, "stops.txt", null);
                break;
            default: // ImpossibleToInterpolateStopTimes
                Replace("stop_times.txt", "885_A_0,08:35:00,08:35:00,FIG_GARE", "885_A_0,,,FIG_GARE");
                expected = (Severity.Error, "stop_times.txt", LineOf("stop_times.txt", "885_A_0,,,FIG_GARE"));
                break;
        }
        var (feed, report) = Read(path);
        var issue = Assert.Single(report.Issues, i => i.Code == code);
        Assert.Equal(expected, (issue.Severity, issue.File, issue.Line));
        Assert.False(string.IsNullOrWhiteSpace(issue.Message));
        Assert.Equal(expected.Severity == Severity.Fatal, feed == null);
        if (expected.Severity == Severity.Error && expected.File == "stop_times.txt")
        {
            // The faulty trip is skipped, the others are kept.
            Assert.DoesNotContain(feed!.Trips, t => t.Id == "885_A_0");
            Assert.Contains(feed.Trips, t => t.Id == "885_A_1");
        }
        Assert.Contains(code, report.ToJson(), StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(issue.Message), report.ToHtml(), StringComparison.Ordinal);
    }

    private int LineOf(string file, string text)
    {
        var lines = File.ReadAllLines(PathOf(file));
        return Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1;
    }
}
