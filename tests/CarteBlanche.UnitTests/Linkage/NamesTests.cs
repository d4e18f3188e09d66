using CarteBlanche.Linkage;
using Xunit;

namespace CarteBlanche.UnitTests.Linkage;

public sealed class NamesTests
{
    [Theory]
    [InlineData("  Jean-Pierre  d’Arçy ", "JEAN PIERRE D ARCY")]
    [InlineData("Hélène", "HELENE")]
    [InlineData("Œuvrard", "OEUVRARD")]
    [InlineData("de   la  Fontaine", "DE LA FONTAINE")]
    [InlineData("O'Neil-Brûlé", "O NEIL BRULE")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Names_are_upper_case_without_accents_and_with_single_spaces(string? name, string expected) =>
        Assert.Equal(expected, NameNormalizer.Normalize(name));

    [Theory]
    [InlineData("de La Fontaine", "FONTAINE")]
    [InlineData("D'Andurain", "ANDURAIN")]
    [InlineData("Le Goff", "GOFF")]
    [InlineData("Legoff", "LEGOFF")]
    [InlineData("De La", "DELA")]
    public void Particles_are_dropped_for_the_second_form(string name, string expected) =>
        Assert.Equal(expected, NameNormalizer.WithoutParticles(NameNormalizer.Normalize(name)));

    [Fact]
    public void Compound_first_names_give_the_whole_the_first_and_its_first_part()
    {
        Assert.Equal(("JEANPIERREMARIE", "JEANPIERRE", "JEAN"), NameNormalizer.FirstNameForms("Jean-Pierre, Marie"));
        Assert.Equal(("JEANPIERRE", "JEAN", "JEAN"), NameNormalizer.FirstNameForms("Jean Pierre"));
        Assert.Equal(("JEAN", "JEAN", "JEAN"), NameNormalizer.FirstNameForms("jean"));
    }

    // Published examples of Soundex 2 (Brouard's algorithm; the test list of the talisman library).
    [Theory]
    [InlineData("Asamian", "AZMN")]
    [InlineData("Knight", "NG")]
    [InlineData("MacKenzie", "MKNZ")]
    [InlineData("Pfeifer", "FR")]
    [InlineData("Philippe", "FLP")]
    [InlineData("Schindler", "SNDL")]
    [InlineData("Chateau", "CHT")]
    [InlineData("Habitat", "HBT")]
    [InlineData("Téhéran", "TRN")]
    [InlineData("Essayer", "ESYR")]
    [InlineData("Crayon", "CRYN")]
    [InlineData("Plyne", "PLN")]
    [InlineData("Barad", "BR")]
    [InlineData("Martin", "MRTN")]
    [InlineData("Bernard", "BRNR")]
    [InlineData("Faure", "FR")]
    [InlineData("Perez", "PRZ")]
    [InlineData("Gros", "GR")]
    [InlineData("Chapuis", "CHP")]
    [InlineData("Boyer", "BYR")]
    [InlineData("Gauthier", "KTR")]
    [InlineData("Rey", "RY")]
    [InlineData("Barthélémy", "BRTL")]
    [InlineData("Henry", "HNR")]
    [InlineData("Moulin", "MLN")]
    [InlineData("Rousseau", "RS")]
    public void Soundex2_gives_the_published_codes(string name, string code) => Assert.Equal(code, Soundex2.Encode(name));

    [Fact]
    public void Soundex2_brings_together_names_that_sound_alike()
    {
        Assert.Equal(Soundex2.Encode("Dupont"), Soundex2.Encode("DUPOND"));
        Assert.Equal(Soundex2.Encode("Gauthier"), Soundex2.Encode("Gautier"));
        Assert.Equal("", Soundex2.Encode("  - "));
        Assert.Equal("A", Soundex2.Encode("a"));
    }

    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.961)]
    [InlineData("DWAYNE", "DUANE", 0.840)]
    [InlineData("DIXON", "DICKSONX", 0.813)]
    [InlineData("JONES", "JOHNSON", 0.832)]
    [InlineData("ABC", "ABC", 1.0)]
    [InlineData("ABC", "XYZ", 0.0)]
    [InlineData("", "", 1.0)]
    [InlineData("A", "", 0.0)]
    public void Jaro_winkler_gives_the_known_values(string a, string b, double expected)
    {
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), 3);
        Assert.Equal(expected, JaroWinkler.Similarity(b, a), 3);
    }

    [Fact]
    public void Jaro_winkler_works_on_long_names_too()
    {
        var a = new string('A', 300) + "B";
        var b = new string('A', 300) + "C";
        Assert.InRange(JaroWinkler.Similarity(a, b), 0.99, 1.0);
    }
}
