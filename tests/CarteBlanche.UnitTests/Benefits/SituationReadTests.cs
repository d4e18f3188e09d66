using System.Text;
using CarteBlanche.Benefits;
using Xunit;

namespace CarteBlanche.UnitTests.Benefits;

/// <summary>
/// What <c>benefits calculate</c> reads (<see cref="Calculator.Read"/>): inputs of the fuzz test
/// (Fuzzing/BenefitsFuzzTests) that failed with exceptions of other kinds, now refused in French with the line.
/// </summary>
public sealed class SituationReadTests
{
    private const string Situation = """
        {
          "individus": {
            "ana": { "date_naissance": { "ETERNITY": "1985-01-01" }, "salaire_net": { "2025-03": 500, "2025-04": 500, "2025-05": 500 } },
            "leo": { "date_naissance": { "ETERNITY": "2018-06-01" } }
          },
          "familles": { "f1": { "parents": ["ana"], "enfants": ["leo"], "aide_logement": { "2025-06": 300 }, "rsa": { "2025-06": null }, "af": { "2025-06": null } } },
          "menages": { "m1": { "personne_de_reference": ["ana"], "enfants": ["leo"], "statut_occupation_logement": { "2025-06": "locataire_vide" }, "couleur": { "2025-06": 1 } } }
        }
        """;

    private static string Refusal(byte[] bytes) =>
        Assert.Throws<SituationException>(() => Calculator.Calculate(Calculator.Read(new MemoryStream(bytes), "situation.json"), "situation.json")).Message;

    [Fact]
    public void A_person_twice_is_refused_with_its_line()
    {
        // Fuzz input 850 (the second line doubled): JsonObject threw ArgumentException when the situation was read.
        var message = Refusal(Encoding.UTF8.GetBytes("{\n"
            + "  \"individus\": {\n"
            + "    \"ana\": { \"date_naissance\": { \"ETERNITY\": \"1985-01-01\" }, \"salaire_net\": { \"2025-03\": 500, \"2025-04\": 500, \"2025-05\": 500 } },\n"
            + "    \"ana\": { \"date_naissance\": { \"ETERNITY\": \"1985-01-01\" }, \"salaire_net\": { \"2025-03\": 500, \"2025-04\": 500, \"2025-05\": 500 } },\n"
            + "    \"leo\": { \"date_naissance\": { \"ETERNITY\": \"2018-06-01\" } }\n"
            + "  },\n"
            + "  \"familles\": { \"f1\": { \"parents\": [\"ana\"], \"enfants\": [\"leo\"], \"aide_logement\": { \"2025-06\": 300 }, \"rsa\": { \"2025-06\": null }, \"af\": { \"2025-06\": null } } },\n"
            + "  \"menages\": { \"m1\": { \"personne_de_reference\": [\"ana\"], \"enfants\": [\"leo\"], \"statut_occupation_logement\": { \"2025-06\": \"locataire_vide\" }, \"couleur\": { \"2025-06\": 1 } } }\n"
            + "}"));

        Assert.Equal("situation.json : ligne 4 : la clé « ana » figure deux fois dans le même objet.", message);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused_with_their_line()
    {
        // Fuzz input 10: 98,099 « a » put in a key on line 3, three bits flipped in them (one made the byte 0xE1, which
        // starts a character that does not follow): System.Text.Json threw InvalidOperationException.
        var seed = Encoding.UTF8.GetBytes(Situation);
        byte[] bytes = [.. seed[..53], .. Enumerable.Repeat((byte)'a', 98_099), .. seed[53..]];
        (bytes[8927], bytes[41802], bytes[76629]) = ((byte)'q', 0xE1, (byte)'q');

        Assert.Equal("situation.json : ligne 3 : le fichier n'est pas en UTF-8 : enregistrez-le en UTF-8.", Refusal(bytes));
    }

    [Fact]
    public void Half_a_character_is_refused_with_its_line()
    {
        var message = Refusal(Encoding.UTF8.GetBytes(Situation.Replace("\"1985-01-01\"", "\"\\ud800\"", StringComparison.Ordinal)));

        Assert.Equal("situation.json : ligne 3 : texte illisible (un « \\u » n'y donne qu'une moitié de caractère).", message);
    }

    [Fact]
    public void A_period_of_a_billion_months_is_refused_instead_of_computed()
    {
        var message = Refusal(Encoding.UTF8.GetBytes(Situation.Replace("\"2025-03\"", "\"month:2025-03:999999999\"", StringComparison.Ordinal)));

        Assert.Equal("situation.json : individus.ana.salaire_net : période « month:2025-03:999999999 » illisible (attendu 2025-06, 2025 ou month:2025-01:3)", message);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_as_before()
    {
        var root = Calculator.Read(new MemoryStream([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Situation)]), "situation.json");

        Assert.Equal(2, root["individus"]!.AsObject().Count);
    }
}
