namespace CarteBlanche.Linkage;

/// <summary>
/// Names for the synthetic population: the most frequent surnames of France (INSEE births 1891–1990, as listed
/// publicly, commonest first), some with particles and the Occitan names of the Quercy, and common first names of
/// the cohorts born 1935–2007 (INSEE fichier des prénoms), with accents and compound names as civil status writes them.
/// </summary>
internal static class FrenchNames
{
    public static readonly string[] Surnames =
    [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
        "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
        "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefebvre", "Faure", "André",
        "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
        "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
        "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
        "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud",
        "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron",
        "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe",
        "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte",
        "Lopez", "Jean", "Dupuy", "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez", "Dupuis", "Moulin",
        "Louis", "Deschamps", "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer", "Klein", "Jacquet",
        "Adam", "Paris", "Poirier", "Marty", "Aubry", "Guyot", "Carré", "Charles", "Renault", "Charpentier",
        "Ménard", "Maillard", "Baron", "Bertin", "Bailly", "Hervé", "Schneider", "Fernandez", "Le Gall", "Collet",
        "Léger", "Bouvier", "Julien", "Prévost", "Millet", "Perrot", "Daniel", "Le Roux", "Cousin", "Germain",
        "Breton", "Besson", "Langlois", "Rémy", "Le Goff", "Pelletier", "Lévêque", "Perrier", "Leblanc", "Barré",
        "Lebrun", "Marchal", "Weber", "Mallet", "Hamon", "Boulanger", "Jacob", "Monnier", "Michaud", "Rodriguez",
        "Guichard", "Gillet", "Étienne", "Grondin", "Poulain", "Tessier", "Chevallier", "Collin", "Chauvin", "Da Silva",
        "Bouchet", "Gay", "Lemaître", "Bénard", "Maréchal", "Humbert", "Reynaud", "Antoine", "Hoarau", "Perret",
        "Barthélemy", "Cordier", "Pichon", "Lejeune", "Gilbert", "Lamy", "Delaunay", "Pasquier", "Carlier", "Laporte",
        "Delmas", "Bessières", "Lacombe", "Vayssière", "Cayla", "Delpech", "Lagarde", "Bouzou", "Couderc", "Lafon",
        "Lapeyre", "Marcouly", "Souladié", "Calmon", "Delbos", "Pouget", "Bousquet", "Cabanès", "Vialard", "Lacoste",
        "Fabié", "Lafage", "Conté", "Malbec", "Rigal", "Soulié", "Tournié", "Austruy", "Bouysset", "Cassagne",
        "Delrieu", "Fourastié", "Lavergne", "Maury", "Puech", "Rouquié", "Salgues", "Teulière", "Valette", "Vaissié",
        "de La Fontaine", "de Laroche", "d'Andurain", "du Pont", "de Saint-Exupéry", "Le Bris", "Le Floch", "Le Guen", "de Lacoste", "des Rieux",
        "Dumont-Lacroix", "Martin-Dupuy", "Lefèvre-Utile", "Roux-Combaluzier", "Bernard-Lagarde", "Nguyen", "Tran", "Diallo", "Benali", "Haddad",
        "Belkacem", "Moreira", "Ferreira", "Pereira", "Gonçalves", "Dos Santos", "Rossi", "Russo", "Kowalski", "Yilmaz",
    ];

    public static readonly string[] MaleFirstNames =
    [
        "Jean", "Pierre", "Michel", "André", "Philippe", "René", "Louis", "Alain", "Jacques", "Bernard",
        "Marcel", "Daniel", "Roger", "Robert", "Paul", "Claude", "Christian", "Henri", "Georges", "Nicolas",
        "François", "Patrick", "Gérard", "Christophe", "Joseph", "Julien", "Maurice", "Laurent", "Frédéric", "Raymond",
        "Éric", "David", "Stéphane", "Pascal", "Sébastien", "Alexandre", "Thierry", "Olivier", "Thomas", "Antoine",
        "Lucien", "Guy", "Dominique", "Serge", "Yves", "Vincent", "Didier", "Bruno", "Maxime", "Jérôme",
        "Franck", "Guillaume", "Fabrice", "Lucas", "Hugo", "Mathieu", "Romain", "Kevin", "Anthony", "Florian",
        "Jérémy", "Benjamin", "Cédric", "Gilles", "Hervé", "Denis", "Joël", "Jean-Pierre", "Jean-Claude", "Jean-Paul",
        "Jean-Luc", "Jean-Marc", "Jean-François", "Jean-Louis", "Jean-Michel", "Jean-Jacques", "Jean-Marie", "Pierre-Yves", "Jean-Baptiste", "Paul-Henri",
        "Marc-Antoine", "Louis-Marie", "Émile", "Fernand", "Gaston", "Albert", "Léon", "Lucas", "Enzo", "Nathan",
        "Théo", "Clément", "Quentin", "Baptiste", "Adrien", "Arnaud", "Aurélien", "Benoît", "Damien", "Grégory",
        "Ludovic", "Mickaël", "Jonathan", "Loïc", "Yannick", "Xavier", "Sylvain", "Emmanuel", "Gabriel", "Raphaël",
        "Arthur", "Jules", "Louis-Philippe", "Valentin", "Alexis", "Mehdi", "Karim", "Mohamed", "Rachid", "Dylan",
    ];

    public static readonly string[] FemaleFirstNames =
    [
        "Marie", "Jeanne", "Françoise", "Monique", "Catherine", "Nathalie", "Isabelle", "Jacqueline", "Anne", "Sylvie",
        "Martine", "Madeleine", "Nicole", "Suzanne", "Hélène", "Christine", "Marguerite", "Denise", "Louise", "Christiane",
        "Yvonne", "Valérie", "Sophie", "Sandrine", "Stéphanie", "Céline", "Chantal", "Véronique", "Julie", "Aurélie",
        "Annie", "Brigitte", "Colette", "Danielle", "Dominique", "Émilie", "Laurence", "Patricia", "Odette", "Simone",
        "Germaine", "Paulette", "Josette", "Claudine", "Michèle", "Béatrice", "Corinne", "Florence", "Virginie", "Élodie",
        "Camille", "Léa", "Manon", "Chloé", "Emma", "Sarah", "Laura", "Pauline", "Mathilde", "Marion",
        "Audrey", "Caroline", "Karine", "Agnès", "Claire", "Élisabeth", "Geneviève", "Odile", "Thérèse", "Renée",
        "Marie-Claire", "Marie-Christine", "Marie-Thérèse", "Marie-Hélène", "Anne-Marie", "Marie-France", "Marie-Louise", "Anne-Sophie", "Marie-Pierre", "Marie-José",
        "Marie-Noëlle", "Marie-Laure", "Anne-Laure", "Marie-Agnès", "Lucie", "Juliette", "Inès", "Jade", "Océane", "Charlotte",
        "Margaux", "Clara", "Alice", "Zoé", "Amandine", "Mélanie", "Jessica", "Vanessa", "Cécile", "Muriel",
        "Fabienne", "Pascale", "Évelyne", "Ginette", "Huguette", "Raymonde", "Gisèle", "Andrée", "Lucienne", "Fatima",
        "Nadia", "Samia", "Aïcha", "Yasmine", "Noémie", "Maëlle", "Clémence", "Héloïse", "Agathe", "Bérénice",
    ];

    /// <summary>INSEE codes of the communes of the Cahors bassin de vie (Lot) and their 2026 populations (communes-bassin-de-vie-cahors.csv).</summary>
    public static readonly (string Code, int Population)[] LotCommunes =
    [
        ("46042", 20050), ("46224", 3617), ("46148", 1899), ("46137", 1311), ("46156", 1183), ("46191", 1122), ("46197", 1107), ("46007", 1004),
        ("46103", 996), ("46095", 963), ("46172", 925), ("46064", 921), ("46268", 910), ("46322", 845), ("46080", 844), ("46088", 830),
        ("46105", 811), ("46149", 721), ("46070", 660), ("46044", 581), ("46109", 547), ("46046", 471), ("46073", 420), ("46340", 419),
        ("46082", 410), ("46010", 383), ("46140", 379), ("46032", 371), ("46211", 352), ("46320", 342), ("46329", 327), ("46205", 319),
        ("46119", 303), ("46252", 303), ("46316", 303), ("46188", 287), ("46112", 265), ("46092", 224), ("46040", 220), ("46013", 211),
        ("46091", 206), ("46276", 202), ("46256", 201), ("46162", 200), ("46264", 198), ("46280", 198), ("46324", 196), ("46069", 179),
        ("46027", 146), ("46190", 134), ("46151", 116), ("46167", 107), ("46079", 97), ("46323", 94), ("46037", 93), ("46245", 91),
        ("46081", 87), ("46210", 75), ("46212", 73),
    ];

    /// <summary>Places of birth outside the bassin de vie: Figeac, Gourdon, Toulouse, Paris, Bordeaux, Montauban, Brive, Agen, Marseille, Lyon.</summary>
    public static readonly string[] OtherBirthPlaces = ["46102", "46127", "31555", "75056", "33063", "82121", "19031", "47001", "13055", "69123"];
}
