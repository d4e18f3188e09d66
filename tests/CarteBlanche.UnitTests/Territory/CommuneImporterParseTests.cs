using CarteBlanche.Platform.Territory;
using Xunit;

namespace CarteBlanche.UnitTests.Territory;

public sealed class CommuneImporterParseTests
{
    private const string Header = "insee_code,name,population_2026,postal_code,epci_siren,epci_name,latitude,longitude";
    private const string Cahors = "46042,Cahors,20050,46000,200023737,CA du Grand Cahors,44.45072,1.44062";
    private const string Pradines = "46224,Pradines,3617,46090,200023737,CA du Grand Cahors,44.46473,1.38916";
    private const string Lalbenque = "46148,Lalbenque,1899,46230,244600532,CC du Pays de Lalbenque-Limogne,44.33321,1.56516";

    private static (List<Commune> Communes, Dictionary<string, Epci> Epcis, List<ImportError> Errors) Parse(params string[] lines) =>
        CommuneImporter.Parse(new StringReader(string.Join('\n', lines)));

    private static ImportError SingleError(params string[] lines)
    {
        var (_, _, errors) = Parse(lines);
        return Assert.Single(errors);
    }

    [Fact]
    public void A_good_file_gives_communes_and_their_epcis()
    {
        var (communes, epcis, errors) = Parse(Header, Cahors, Pradines, Lalbenque);

        Assert.Empty(errors);
        Assert.Equal(["46042", "46224", "46148"], communes.Select(c => c.InseeCode));
        var cahors = communes[0];
        Assert.Equal("Cahors", cahors.Name);
        Assert.Equal("cahors", cahors.SearchName);
        Assert.Equal(20050, cahors.Population);
        Assert.Equal("46000", cahors.PostalCode);
        Assert.Equal("200023737", cahors.EpciSiren);
        Assert.Equal(44.45072, cahors.Latitude);
        Assert.Equal(1.44062, cahors.Longitude);
        Assert.Equal(2, epcis.Count);
        Assert.Equal("CA du Grand Cahors", epcis["200023737"].Name);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_refused_at_its_first_line_with_an_accent()
    {
        // INSEE's files are UTF-8; one saved again from a spreadsheet as plain « CSV » is Windows-1252.
        var text = string.Join('\n', Header, Cahors, "46268,Saint-Géry-Vers,1200,46330,200023737,CA du Grand Cahors,44.47750,1.58330") + "\n";
        using var reader = new StreamReader(new MemoryStream(System.Text.Encoding.Latin1.GetBytes(text)), System.Text.Encoding.UTF8);

        var (_, _, errors) = CommuneImporter.Parse(reader);

        var error = Assert.Single(errors);
        Assert.Equal(3, error.Line);
        Assert.Equal("ligne", error.Field);
        Assert.StartsWith("caractère illisible : le fichier n'est pas enregistré en UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Byte_order_mark_crlf_quotes_and_blank_lines_are_accepted()
    {
        var text = "\uFEFF" + Header + "\r\n" + Cahors + "\r\n\r\n" +
                   "46268,\"Saint-Cirq-Lapopie\",217,46330,200023737,\"CA du Grand Cahors\",44.46510,1.66920\r\n";

        var (communes, _, errors) = CommuneImporter.Parse(new StringReader(text));

        Assert.Empty(errors);
        Assert.Equal(2, communes.Count);
        Assert.Equal("saint-cirq-lapopie", communes[1].SearchName);
    }

    [Fact]
    public void The_shipped_reference_file_parses_without_error()
    {
        using var stream = typeof(CommuneImporter).Assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith("communes-bassin-de-vie-cahors.csv", StringComparison.Ordinal))
            .Select(n => typeof(CommuneImporter).Assembly.GetManifestResourceStream(n)!)
            .Single();
        using var reader = new StreamReader(stream);

        var (communes, _, errors) = CommuneImporter.Parse(reader);

        Assert.Empty(errors);
        Assert.True(communes.Count > 50, $"{communes.Count} communes");
    }

    [Theory]
    [InlineData("4604", "4604")]
    [InlineData("ABCDE", "ABCDE")]
    [InlineData("460420", "460420")]
    [InlineData("", "")]
    public void A_bad_insee_code_is_reported_with_its_line(string code, string shown)
    {
        var error = SingleError(Header, Cahors, Cahors.Replace("46042,Cahors", code + ",Cahors", StringComparison.Ordinal));

        Assert.Equal(3, error.Line);
        Assert.Equal("insee_code", error.Field);
        Assert.Contains($"« {shown} » n'est pas un code commune INSEE", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("ligne 3, insee_code : ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Corsican_insee_codes_are_valid()
    {
        var (_, _, errors) = Parse(Header, "2A004,Ajaccio,70000,20000,200066652,CA du Pays Ajaccien,41.9267,8.7369");

        Assert.Empty(errors);
    }

    [Fact]
    public void A_duplicate_code_names_the_line_where_it_first_appeared()
    {
        var error = SingleError(Header, Cahors, Pradines, Cahors.Replace("Cahors,20050", "Cahors bis,20050", StringComparison.Ordinal));

        Assert.Equal(4, error.Line);
        Assert.Equal("insee_code", error.Field);
        Assert.Equal("la commune 46042 figure déjà ligne 2", error.Message);
        Assert.Equal("ligne 4, insee_code : la commune 46042 figure déjà ligne 2", error.ToString());
    }

    [Theory]
    [InlineData("44,45072")]
    [InlineData("nord")]
    [InlineData("")]
    [InlineData("NaN")]
    public void A_non_numeric_latitude_is_reported(string latitude)
    {
        var error = SingleError(Header, Cahors.Replace("44.45072", latitude.Contains(',', StringComparison.Ordinal) ? $"\"{latitude}\"" : latitude, StringComparison.Ordinal));

        Assert.Equal(2, error.Line);
        Assert.Equal("latitude", error.Field);
        Assert.Equal($"« {latitude} » n'est pas un nombre décimal (séparateur : point)", error.Message);
    }

    [Fact]
    public void A_latitude_out_of_range_is_reported()
    {
        var error = SingleError(Header, Cahors.Replace("44.45072", "94.5", StringComparison.Ordinal));

        Assert.Equal("latitude", error.Field);
        Assert.Equal("94.5 est hors de l'intervalle [-90 ; 90]", error.Message);
    }

    [Fact]
    public void A_wrong_header_is_reported_on_line_1_and_stops_there()
    {
        var error = SingleError("code,nom,population,cp,siren,epci,lat,lon", Cahors, "garbage");

        Assert.Equal(1, error.Line);
        Assert.Equal("en-tête", error.Field);
        Assert.Contains("colonnes attendues « insee_code,name,population_2026,postal_code,epci_siren,epci_name,latitude,longitude »", error.Message, StringComparison.Ordinal);
        Assert.Contains("trouvées « code,nom,population,cp,siren,epci,lat,lon »", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("46042,Cahors,20050,46000,200023737,CA du Grand Cahors,44.45072", 7)]
    [InlineData("46042,Cahors,20050,46000,200023737,CA du Grand Cahors,44.45072,1.44062,extra", 9)]
    public void A_wrong_column_count_is_reported(string row, int columns)
    {
        var error = SingleError(Header, Pradines, row);

        Assert.Equal(3, error.Line);
        Assert.Equal("ligne", error.Field);
        Assert.Equal($"{columns} colonnes au lieu de 8", error.Message);
    }

    [Fact]
    public void Every_bad_row_is_reported_not_only_the_first()
    {
        var (_, _, errors) = Parse(
            Header,
            Cahors,
            "4604X,Pradines,3617,46090,200023737,CA du Grand Cahors,44.46473,1.38916",
            "46148,,beaucoup,4623,24460053,,44.33321,abc");

        Assert.Equal(
            [
                (3, "insee_code"),
                (4, "name"), (4, "population_2026"), (4, "postal_code"), (4, "epci_siren"), (4, "epci_name"), (4, "longitude"),
            ],
            errors.Select(e => (e.Line, e.Field)));
    }

    [Fact]
    public void Line_numbers_count_physical_lines_of_a_quoted_multi_line_field()
    {
        var (_, _, errors) = Parse(Header, "46042,\"Cahors\nsur Lot\",20050,46000,200023737,CA du Grand Cahors,44.45072,1.44062", "bad");

        var error = Assert.Single(errors);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void One_epci_with_two_names_is_reported()
    {
        var error = SingleError(Header, Cahors, Pradines.Replace("CA du Grand Cahors", "Grand Cahors", StringComparison.Ordinal));

        Assert.Equal(3, error.Line);
        Assert.Equal("epci_name", error.Field);
        Assert.Equal("l'EPCI 200023737 s'appelle « CA du Grand Cahors » plus haut et « Grand Cahors » ici", error.Message);
    }

    [Fact]
    public void An_unclosed_quote_is_reported()
    {
        var error = SingleError(Header, "46042,\"Cahors,20050,46000,200023737,CA du Grand Cahors,44.45072,1.44062");

        Assert.Equal(2, error.Line);
        Assert.Equal("name", error.Field);
        Assert.Equal("ligne 2, name : guillemet non fermé au champ 2 : il court jusqu'à la fin du fichier", error.ToString());
    }

    [Fact]
    public void An_empty_file_or_a_header_alone_is_reported()
    {
        Assert.Equal("le fichier est vide", SingleError("").Message);
        Assert.Equal("le fichier ne contient aucune commune", SingleError(Header).Message);
    }

    [Fact]
    public void A_nul_in_a_name_is_refused_with_its_line_and_column()
    {
        // Fuzz input 42 (Fuzzing/CommuneCsvFuzzTests): accepted, and PostgreSQL refuses a NUL in a text (the import failed).
        var (_, _, errors) = CommuneImporter.Parse(new StringReader("insee_code,name,population_2026,postal_code,epci_siren,epci_name,latitude,longitude\n"
            + "46042,Cahors,20050,46000,200023737,CA\0 du Grand Cahors,44.45072,1.44062\n"
            + "46224,Pradines,3617,46090,200023737,CA du Grand Cahors,44.46473,1.38916\n"
            + "46148,Lalbenque,1899,46230,244600532,CC du Pays de Lalbenque-Limogne,44.33321,1.56516\n"));

        var error = Assert.Single(errors);
        Assert.Equal((2, "epci_name"), (error.Line, error.Field));
        Assert.StartsWith("un caractère de contrôle (U+0000)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_longer_than_its_column_is_refused()
    {
        // Fuzz input 3: an EPCI name of 15,449 characters was accepted, and PostgreSQL refuses a value longer than its column.
        var text = "\uFEFF" + Header + "\n" + Cahors + "\n" + Pradines + "\n46148,Lalbenque,1899,46230,244600532,CC" + string.Concat(Enumerable.Repeat("- ", 7709))
            + " du Pays de Lalbenque-Limogne,44.33321,1.56516\n\n" + Header;

        var (_, _, errors) = CommuneImporter.Parse(new StringReader(text));

        // (The header doubled at the end is refused too, field by field.)
        Assert.Equal("ligne 4, epci_name : le nom de l'EPCI a 15449 caractères : 200 au plus", errors[0].ToString());
        Assert.All(errors.Skip(1), e => Assert.Equal(6, e.Line));
    }

    [Fact]
    public void Codes_in_other_scripts_digits_are_refused()
    {
        var error = SingleError(Header, "\u0664\u0666\u0660\u0664\u0662,Cahors,20050,46000,200023737,CA du Grand Cahors,44.45072,1.44062");

        Assert.Equal("insee_code", error.Field);
    }
}
