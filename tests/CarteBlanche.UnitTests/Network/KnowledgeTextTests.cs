using CarteBlanche.Network.Knowledge;
using Xunit;

namespace CarteBlanche.UnitTests.Network;

public sealed class KnowledgeTextTests
{
    [Theory]
    [InlineData("Écrire à jeanne.durand@exemple.fr demain", "Écrire à [adresse e-mail] demain")]
    [InlineData("Appeler le 06 12 34 56 78 ou le +33 5 65 35 04 32", "Appeler le [téléphone] ou le [téléphone]")]
    [InlineData("NIR 2 90 04 46 042 123 45, né le 02/06/1985", "NIR [numéro de sécurité sociale], né le [date]")]
    [InlineData("Rendez-vous le 3 mars 2026 au 12 rue de la Paix, 46000 Cahors", "Rendez-vous le [date] au [adresse], [commune]")]
    [InlineData("Allocataire 1234567, aide de 1 200 € par mois", "Allocataire [numéro], aide de 1 200 € par mois")]
    [InlineData("Mme Durand et Monsieur Paul Martin ont appelé", "Mme [nom] et Monsieur [nom] ont appelé")]
    public void Personal_data_is_replaced_by_a_bracketed_word(string text, string expected) => Assert.Equal(expected, Anonymiser.Clean(text));

    [Fact]
    public void The_cases_names_are_taken_out_wherever_they_appear_but_not_inside_other_words()
    {
        Assert.Equal("[nom] a vu sa sœur [nom] ; les Roquesbert aussi", Anonymiser.Clean("Mathilde a vu sa sœur Roques ; les Roquesbert aussi", ["Mathilde", "Roques"]));
    }

    [Fact]
    public void A_known_name_holding_digits_is_taken_out_whole_not_half_as_a_number() =>
        Assert.Equal("Mme [nom] a appelé", Anonymiser.Clean("Mme Roques-123456 a appelé", ["Roques-123456"]));

    [Fact]
    public void A_clean_text_is_left_as_it_is() =>
        Assert.Equal("Une étudiante peut avoir l'ALS : demande en ligne.", Anonymiser.Clean("Une étudiante peut avoir l'ALS : demande en ligne."));

    [Theory]
    [InlineData("allocations familiales", "allocation familial")]
    [InlineData("Allocation familiale", "allocation familial")]
    [InlineData("les journaux régionaux", "journal regional")]
    [InlineData("Handicapée, handicapé, handicap", "handicap")]
    [InlineData("Où déposer le dossier de l'étudiant ?", "deposer dossier etudiant")]
    public void Word_forms_meet_on_the_same_search_words(string text, string words) => Assert.Equal(words, string.Join(' ', FrenchSearch.Terms(text)));
}
