using System.Globalization;
using System.Text.Json;

namespace CarteBlanche.Benefits;

/// <summary>
/// A synthetic population as JSON Lines: a header line (first month, months, reference month), then one household per
/// line with OpenFisca's variable names, its monthly amounts as arrays, its rights and what it receives.
/// </summary>
public static class PopulationFile
{
    private static readonly (Benefit Benefit, string Name)[] Names = [(Benefit.Rsa, "rsa"), (Benefit.Ppa, "ppa"), (Benefit.Css, "css"), (Benefit.Aah, "aah"), (Benefit.Aspa, "aspa")];

    public static void Write(SyntheticPopulation synthetic, Stream stream)
    {
        var pop = synthetic.Population;
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        writer.WriteStartObject();
        writer.WriteString("premier_mois", pop.FirstMonth.ToString());
        writer.WriteNumber("mois", pop.Months);
        writer.WriteString("mois_de_reference", synthetic.Reference.ToString());
        writer.WriteNumber("menages", pop.FamilyCount);
        writer.WriteEndObject();
        writer.Flush();
        stream.WriteByte((byte)'\n');
        for (var f = 0; f < pop.FamilyCount; f++)
        {
            writer.Reset();
            writer.WriteStartObject();
            writer.WriteString("id", string.Create(CultureInfo.InvariantCulture, $"m{f + 1}"));
            writer.WriteBoolean("connu_caf", synthetic.KnownToCaf[f]);
            writer.WriteString("statut_occupation_logement", Variables.HousingStatusNames[(int)pop.Housing[f]]);
            writer.WriteBoolean("avantage_en_nature", pop.InKindHousing[f]);
            writer.WriteBoolean("rsa_isolement_recent", pop.RecentIsolation[f]);
            writer.WriteBoolean("departement_experimentation_rsa", pop.LaterMonths[f]);
            WriteSeries(writer, "aide_logement", pop.HousingAid, f, pop.Months);
            WriteSeries(writer, "prestations_familiales", pop.FamilyResources, f, pop.Months);
            writer.WriteStartArray("individus");
            for (var p = pop.FirstPerson[f]; p < pop.FirstPerson[f + 1]; p++)
            {
                writer.WriteStartObject();
                writer.WriteString("role", p < pop.FirstPerson[f] + pop.Parents[f] ? "parent" : "enfant");
                writer.WriteString("date_naissance", Population.Unpack(pop.Birth[p]).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.WriteBoolean("enceinte", pop.Pregnant[p]);
                writer.WriteNumber("taux_incapacite", pop.Incapacity[p]);
                writer.WriteBoolean("aah_restriction_substantielle_durable_acces_emploi", pop.Restriction[p]);
                writer.WriteBoolean("garde_alternee", pop.SharedCustody[p]);
                WriteSeries(writer, "salaire_net", pop.Activity, p, pop.Months);
                WriteSeries(writer, "autres_ressources", pop.OtherIncome, p, pop.Months);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            WriteBenefits(writer, "droits", synthetic.Entitled[f]);
            WriteBenefits(writer, "percoit", synthetic.Receives[f]);
            writer.WriteEndObject();
            writer.Flush();
            stream.WriteByte((byte)'\n');
        }
    }

    private static void WriteSeries(Utf8JsonWriter writer, string name, double[] column, int row, int months)
    {
        writer.WriteStartArray(name);
        for (var m = 0; m < months; m++)
        {
            writer.WriteNumberValue(column[row * months + m]);
        }
        writer.WriteEndArray();
    }

    private static void WriteBenefits(Utf8JsonWriter writer, string name, Benefit benefits)
    {
        writer.WriteStartArray(name);
        foreach (var (benefit, text) in Names)
        {
            if ((benefits & benefit) != 0)
            {
                writer.WriteStringValue(text);
            }
        }
        writer.WriteEndArray();
    }

    /// <summary>Reads a file written by <see cref="Write"/>; a malformed line is named.</summary>
    public static SyntheticPopulation Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0)
        {
            throw new FormatException($"{path} : fichier vide.");
        }
        using var header = JsonDocument.Parse(lines[0]);
        var first = Month.TryParse(header.RootElement.GetProperty("premier_mois").GetString() ?? "", out var fm) ? fm : throw new FormatException($"{path}, ligne 1 : premier_mois illisible.");
        var months = header.RootElement.GetProperty("mois").GetInt32();
        var reference = Month.TryParse(header.RootElement.GetProperty("mois_de_reference").GetString() ?? "", out var rm) ? rm : first.AddMonths(months - 1);
        var households = new List<JsonDocument>();
        try
        {
            for (var i = 1; i < lines.Length; i++)
            {
                if (lines[i].Length > 0)
                {
                    try
                    {
                        households.Add(JsonDocument.Parse(lines[i]));
                    }
                    catch (JsonException ex)
                    {
                        throw new FormatException($"{path}, ligne {i + 1} : JSON illisible ({ex.Message.Split('.')[0]}).");
                    }
                }
            }
            var persons = households.Sum(h => h.RootElement.GetProperty("individus").GetArrayLength());
            var pop = new Population(households.Count, persons, first, months);
            var known = new bool[households.Count];
            var entitled = new Benefit[households.Count];
            var receives = new Benefit[households.Count];
            var row = 0;
            for (var f = 0; f < households.Count; f++)
            {
                var h = households[f].RootElement;
                known[f] = h.GetProperty("connu_caf").GetBoolean();
                pop.Housing[f] = (HousingStatus)Variables.HousingStatusNames.ToList().IndexOf(h.GetProperty("statut_occupation_logement").GetString()!);
                pop.InKindHousing[f] = h.GetProperty("avantage_en_nature").GetBoolean();
                pop.RecentIsolation[f] = h.GetProperty("rsa_isolement_recent").GetBoolean();
                pop.LaterMonths[f] = h.GetProperty("departement_experimentation_rsa").GetBoolean();
                ReadSeries(h.GetProperty("aide_logement"), pop.HousingAid, f, months);
                ReadSeries(h.GetProperty("prestations_familiales"), pop.FamilyResources, f, months);
                pop.FirstPerson[f] = row;
                foreach (var p in h.GetProperty("individus").EnumerateArray())
                {
                    if (p.GetProperty("role").GetString() == "parent")
                    {
                        pop.Parents[f]++;
                    }
                    else
                    {
                        pop.Children[f]++;
                    }
                    pop.Birth[row] = Population.Pack(DateOnly.ParseExact(p.GetProperty("date_naissance").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture));
                    pop.Pregnant[row] = p.GetProperty("enceinte").GetBoolean();
                    pop.Incapacity[row] = p.GetProperty("taux_incapacite").GetSingle();
                    pop.Restriction[row] = p.GetProperty("aah_restriction_substantielle_durable_acces_emploi").GetBoolean();
                    pop.SharedCustody[row] = p.GetProperty("garde_alternee").GetBoolean();
                    ReadSeries(p.GetProperty("salaire_net"), pop.Activity, row, months);
                    ReadSeries(p.GetProperty("autres_ressources"), pop.OtherIncome, row, months);
                    row++;
                }
                entitled[f] = ReadBenefits(h.GetProperty("droits"));
                receives[f] = ReadBenefits(h.GetProperty("percoit"));
            }
            pop.FirstPerson[households.Count] = row;
            return new SyntheticPopulation(pop, known, entitled, receives, reference);
        }
        finally
        {
            foreach (var d in households)
            {
                d.Dispose();
            }
        }
    }

    private static void ReadSeries(JsonElement array, double[] column, int row, int months)
    {
        var m = 0;
        foreach (var v in array.EnumerateArray())
        {
            if (m < months)
            {
                column[row * months + m++] = v.GetDouble();
            }
        }
    }

    private static Benefit ReadBenefits(JsonElement array)
    {
        var result = Benefit.None;
        foreach (var v in array.EnumerateArray())
        {
            result |= Names.FirstOrDefault(n => n.Name == v.GetString()).Benefit;
        }
        return result;
    }
}
