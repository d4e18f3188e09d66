using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Mobility.Needs;
using CarteBlanche.Platform.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit;

namespace CarteBlanche.IntegrationTests.Mobility;

/// <summary>
/// A helper finds a way for a person of Concots (no bus) to a Tuesday appointment in Cahors: a carpool driver from Bach
/// within a 5-minute detour, whose ride the operator arranges; another need stays unmet and is counted by origin and
/// destination. On Monday 7 December 2026.
/// </summary>
public sealed class HelperTests(JourneyPageApp app) : IClassFixture<JourneyPageApp>
{
    private readonly CarteBlancheFactory _factory = app.Factory;

    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    [Fact]
    public async Task A_need_without_a_bus_finds_a_driver_within_a_minor_detour_and_the_operator_records_the_ride()
    {
        using var helper = await _factory.SignedInClientAsync(DemoData.EmailFor(Roles.Helper));
        var lastName = "Delpech" + Guid.NewGuid().ToString("N")[..4];
        using (var driver = await Html.PostFormAsync(helper, "/mobilite/conducteurs/nouveau",
        [
            F("Form.FirstName", "Marc"), F("Form.LastName", "Vidal"), F("Form.Phone", "05 65 21 00 02"), F("Form.From", "Bach"), F("Form.To", "Cahors (46000)"),
            F("Form.Days", "1"), F("Form.Days", "3"), F("Form.Departure", "07:30"), F("Form.Flexibility", "15"), F("Form.Tolerance", "Minor"),
            F("Form.Expires", "2027-03-01"), F("Form.Consent", "true"),
        ]))
        {
            Assert.Contains("Trajet de Marc Vidal enregistré : mardi et jeudi, jusqu'au 01/03/2027.", await driver.ReadPageAsync(), StringComparison.Ordinal);
        }
        using var recorded = await Html.PostFormAsync(helper, "/mobilite/besoins/nouveau",
        [
            F("Form.FirstName", "Odette"), F("Form.LastName", lastName), F("Form.Phone", "05 65 21 00 01"), F("Form.From", "Concots"), F("Form.To", "Cahors Hôpital Jean Rougier"),
            F("Form.Day", "2026-12-08"), F("Form.Time", "09:00"), F("Form.ArriveBy", "true"), F("Form.Purpose", "Care"), F("Form.Consent", "true"),
        ]);
        var page = await recorded.ReadPageAsync();
        var needUrl = recorded.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Contains($"Odette {lastName} : de Concots à Cahors Hôpital Jean Rougier", page, StringComparison.Ordinal);
        Assert.Contains("Aucun arrêt de car ou de bus à moins de 1 km de Concots", page, StringComparison.Ordinal);
        Assert.Contains("Bach → Cahors, mardi et jeudi vers 7 h 30 (± 15 min)", page, StringComparison.Ordinal);
        Assert.Contains("(mineur)", page, StringComparison.Ordinal);

        // The public search shows the ride as a « virtual line », without the driver.
        using (var anonymous = _factory.CreateClient())
        {
            var found = await (await anonymous.GetAsync("/mobilite?de=Concots&a=Cahors+H%C3%B4pital+Jean+Rougier&date=2026-12-08&sens=arriver&heure=09:00")).ReadPageAsync();
            Assert.Contains("En covoiturage solidaire", found, StringComparison.Ordinal);
            Assert.Contains("Un conducteur peut vous prendre à Concots vers", found, StringComparison.Ordinal);
            Assert.DoesNotContain("Vidal", found, StringComparison.Ordinal);
            Assert.DoesNotContain("05 65 21 00 02", found, StringComparison.Ordinal);
        }

        // Only the helper who recorded it and the operator see the person.
        using (var agent = await _factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent)))
        using (var denied = await agent.GetAsync(needUrl))
        {
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, denied.StatusCode);
        }

        var tripId = await _factory.WithDbAsync(db => db.Set<RegularTrip>().Where(t => t.Driver!.LastName == "Vidal").Select(t => t.Id).FirstAsync());
        using (var proposed = await Html.PostFormAsync(helper, needUrl, [], $"{needUrl}?handler=Propose&tripId={tripId}"))
        {
            Assert.Contains("À appeler", await proposed.ReadPageAsync(), StringComparison.Ordinal);
        }
        using var console = await helper.GetAsync("/mobilite/covoiturage");
        var consolePage = await console.ReadPageAsync();
        Assert.Contains($"Passager : Odette {lastName}, 05 65 21 00 01", consolePage, StringComparison.Ordinal);
        Assert.Contains("Conducteur : Marc Vidal, 05 65 21 00 02 — trajet Bach → Cahors", consolePage, StringComparison.Ordinal);
        var rideId = await _factory.WithDbAsync(db => db.Set<Ride>().Where(r => r.Need!.Person!.LastName == lastName).Select(r => r.Id).SingleAsync());
        // The operator sends both sides the ride by SMS (through the outbox).
        using (var sms = await Html.PostFormAsync(helper, "/mobilite/covoiturage", [F("rideId", rideId.ToString()), F("to", "passager")], "/mobilite/covoiturage?handler=Sms"))
        {
            Assert.Contains("SMS envoyé au passager.", await sms.ReadPageAsync(), StringComparison.Ordinal);
        }
        using (await Html.PostFormAsync(helper, "/mobilite/covoiturage", [F("rideId", rideId.ToString()), F("to", "conducteur")], "/mobilite/covoiturage?handler=Sms")) { }
        var texts = await _factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Recipient == "05 65 21 00 01" || m.Recipient == "05 65 21 00 02").Select(m => m.Recipient + " " + m.Body).ToListAsync());
        Assert.Contains(texts, t => t.StartsWith("05 65 21 00 01 Covoiturage solidaire : Marc peut vous prendre le mardi 8 décembre vers ", StringComparison.Ordinal) && t.Contains(" à Concots, arrivée vers ", StringComparison.Ordinal) && t.Contains("à Cahors Hôpital Jean Rougier.", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("05 65 21 00 02 Covoiturage solidaire : un passager, Odette, à prendre le mardi 8 décembre vers ", StringComparison.Ordinal) && !t.Contains(lastName, StringComparison.Ordinal));
        using (await Html.PostFormAsync(helper, "/mobilite/covoiturage", [F("rideId", rideId.ToString()), F("status", "Agreed")])) { }
        Assert.Equal(NeedStatus.Carpool, await _factory.WithDbAsync(db => db.Set<TravelNeed>().Where(n => n.Person!.LastName == lastName).Select(n => n.Status).SingleAsync()));
        Assert.True(await _factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "mobility.ride-outcome")));

        // The month's figures count the agreed ride and its shared kilometres, naming nobody.
        var figures = await (await helper.GetAsync("/mobilite/chiffres?handler=Csv")).Content.ReadAsStringAsync();
        var december = figures.Split('\n').Single(l => l.StartsWith("2026-12;", StringComparison.Ordinal)).Split(';');
        Assert.True(int.Parse(december[3], System.Globalization.CultureInfo.InvariantCulture) >= 1, figures); // solution_covoiturage
        Assert.True(int.Parse(december[7], System.Globalization.CultureInfo.InvariantCulture) >= 1, figures); // trajets_convenus
        Assert.True(double.Parse(december[9], System.Globalization.CultureInfo.InvariantCulture) > 15, figures); // km_partages: Concots → Cahors
        Assert.Equal(Math.Round(double.Parse(december[9], System.Globalization.CultureInfo.InvariantCulture) * 0.2, 1), double.Parse(december[10], System.Globalization.CultureInfo.InvariantCulture), 1); // co2_evite_kg at the configured factor
        Assert.Contains("multipliés par 0,2 kg CO2e par km (facteur d'essai, 2026)", System.Net.WebUtility.HtmlDecode(await (await helper.GetAsync("/mobilite/chiffres")).ReadPageAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain(lastName, figures, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_asks_online_for_a_ride_there_and_back_and_the_operator_arranges_the_way_back()
    {
        using var helper = await _factory.SignedInClientAsync(DemoData.EmailFor(Roles.Helper));
        using (await Html.PostFormAsync(helper, "/mobilite/conducteurs/nouveau",
        [
            F("Form.FirstName", "Louise"), F("Form.LastName", "Bouyssou"), F("Form.Phone", "05 65 21 00 05"), F("Form.From", "Cahors (46000)"), F("Form.To", "Bach"),
            F("Form.Days", "1"), F("Form.Departure", "17:00"), F("Form.Flexibility", "15"), F("Form.Tolerance", "Minor"),
            F("Form.Expires", "2027-03-01"), F("Form.Consent", "true"),
        ])) { }
        var lastName = "Cayla" + Guid.NewGuid().ToString("N")[..4];

        // From the public search, the request form comes prefilled; without a phone or with a return before the trip, it says why.
        using var anonymous = _factory.CreateClient();
        var search = System.Net.WebUtility.HtmlDecode(await (await anonymous.GetAsync("/mobilite?de=Concots&a=Cahors+H%C3%B4pital+Jean+Rougier&date=2026-12-08&sens=arriver&heure=09:00")).ReadPageAsync());
        Assert.Contains("/mobilite/demande?de=46073&a=Cahors", search, StringComparison.Ordinal);
        var form = System.Net.WebUtility.HtmlDecode(await (await anonymous.GetAsync("/mobilite/demande?de=46073&a=Cahors+H%C3%B4pital+Jean+Rougier&date=2026-12-08&heure=09:00&sens=arriver")).ReadPageAsync());
        Assert.Contains("value=\"Concots (46260)\"", form, StringComparison.Ordinal);
        var refused = System.Net.WebUtility.HtmlDecode(await (await Html.PostFormAsync(anonymous, "/mobilite/demande",
        [
            F("Form.FirstName", "Rose"), F("Form.LastName", lastName), F("Form.From", "Concots"), F("Form.To", "Cahors Hôpital Jean Rougier"),
            F("Form.Day", "2026-12-08"), F("Form.Time", "09:00"), F("Form.ReturnTime", "08:00"), F("Form.Consent", "true"),
        ])).ReadPageAsync());
        Assert.Contains("Téléphone : indiquez un numéro où l'opérateur du covoiturage peut vous rappeler.", refused, StringComparison.Ordinal);
        Assert.Contains("Retour : l'heure du retour (8 h) doit être après celle de l'aller (9 h), le même jour.", refused, StringComparison.Ordinal);
        Assert.False(await _factory.WithDbAsync(db => db.Set<TravelPerson>().AnyAsync(p => p.LastName == lastName)));

        using (var sent = await Html.PostFormAsync(anonymous, "/mobilite/demande",
        [
            F("Form.FirstName", "Rose"), F("Form.LastName", lastName), F("Form.Phone", "05 65 21 00 04"), F("Form.From", "Concots"), F("Form.To", "Cahors Hôpital Jean Rougier"),
            F("Form.Day", "2026-12-08"), F("Form.Time", "09:00"), F("Form.ArriveBy", "true"), F("Form.ReturnTime", "16:45"), F("Form.Purpose", "Care"), F("Form.Consent", "true"),
        ]))
        {
            Assert.Contains("Votre demande est enregistrée", await sent.ReadPageAsync(), StringComparison.Ordinal);
        }
        var needId = await _factory.WithDbAsync(db => db.Set<TravelNeed>().Where(n => n.Person!.LastName == lastName).Select(n => n.Id).SingleAsync());
        Assert.True(await _factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "mobility.need-request" && e.RecordId == needId.ToString("D"))));

        // The operator sees it in the list, marked, and finds a driver for the way back.
        var list = await (await helper.GetAsync("/mobilite/besoins")).ReadPageAsync();
        Assert.Contains("Demande en ligne", list, StringComparison.Ordinal);
        var needUrl = $"/mobilite/besoins/{needId}";
        var page = System.Net.WebUtility.HtmlDecode(await (await helper.GetAsync(needUrl)).ReadPageAsync());
        Assert.Contains("Retour le même jour à partir de 16 h 45.", page, StringComparison.Ordinal);
        Assert.Contains("Demande faite en ligne par la personne : rappelez-la.", page, StringComparison.Ordinal);
        Assert.Contains("Retour, à partir de 16 h 45", page, StringComparison.Ordinal);
        Assert.Contains("Cahors → Bach, mardi vers 17 h (± 15 min)", page, StringComparison.Ordinal);
        var tripId = await _factory.WithDbAsync(db => db.Set<RegularTrip>().Where(t => t.Driver!.LastName == "Bouyssou").Select(t => t.Id).FirstAsync());
        using (await Html.PostFormAsync(helper, needUrl, [], $"{needUrl}?handler=Propose&tripId={tripId}&back=true")) { }
        var ride = await _factory.WithDbAsync(db => db.Set<Ride>().Where(r => r.NeedId == needId).SingleAsync());
        Assert.True(ride.Return);
        Assert.True(ride.PickUp >= new TimeOnly(16, 45), ride.PickUp.ToString());
        var console = System.Net.WebUtility.HtmlDecode(await (await helper.GetAsync("/mobilite/covoiturage")).ReadPageAsync());
        Assert.Contains($"Rose {lastName} ← Cahors Hôpital Jean Rougier (retour)", console, StringComparison.Ordinal);
        Assert.Contains(" à Cahors Hôpital Jean Rougier, arrivée à Concots vers ", console, StringComparison.Ordinal);

        // Nobody else: an agent is refused the need; the public page shows no driver.
        using (var agent = await _factory.SignedInClientAsync(DemoData.EmailFor(Roles.Agent)))
        using (var denied = await agent.GetAsync(needUrl))
        {
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, denied.StatusCode);
        }
        Assert.DoesNotContain("Bouyssou", await (await anonymous.GetAsync("/mobilite/demande?envoyee=true")).ReadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_need_left_without_a_solution_is_counted_by_origin_and_destination_and_exported()
    {
        using var helper = await _factory.SignedInClientAsync(DemoData.EmailFor(Roles.Helper));
        using var recorded = await Html.PostFormAsync(helper, "/mobilite/besoins/nouveau",
        [
            F("Form.FirstName", "Jean"), F("Form.LastName", "Lacoste"), F("Form.From", "Concots"), F("Form.To", "Figeac Gare"),
            F("Form.Day", "2026-12-13"), F("Form.Time", "08:00"), F("Form.ArriveBy", "true"), F("Form.Purpose", "Work"), F("Form.Consent", "true"),
        ]);
        var needUrl = recorded.RequestMessage!.RequestUri!.AbsolutePath;
        using (await Html.PostFormAsync(helper, needUrl, [F("Reason", "TooFarFromStop")], $"{needUrl}?handler=Unmet")) { }
        var table = System.Net.WebUtility.HtmlDecode(await (await helper.GetAsync("/mobilite/besoins-non-couverts")).ReadPageAsync());
        Assert.Contains("<td>Concots</td>", table, StringComparison.Ordinal);
        Assert.Contains("Trop loin d'un arrêt (1)", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Lacoste", table, StringComparison.Ordinal);
        var csv = await (await helper.GetAsync("/mobilite/besoins-non-couverts?handler=Csv")).Content.ReadAsStringAsync();
        Assert.Contains("Concots;46073;", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_gets_french_messages_and_nothing_is_recorded()
    {
        using var helper = await _factory.SignedInClientAsync(DemoData.EmailFor(Roles.Helper));
        var before = await _factory.WithDbAsync(db => db.Set<TravelNeed>().CountAsync());
        var page = await (await Html.PostFormAsync(helper, "/mobilite/besoins/nouveau",
        [
            F("Form.FirstName", "Anne"), F("Form.LastName", "Roux"), F("Form.From", "Atlantide"), F("Form.To", "Cahors"), F("Form.Day", "2026-12-01"), F("Form.Time", "09:00"),
        ])).ReadPageAsync();
        Assert.Contains("Commune de départ : Commune inconnue : « Atlantide »", page, StringComparison.Ordinal);
        Assert.Contains("Jour : ce jour est passé", page, StringComparison.Ordinal);
        Assert.Contains("Accord : il faut accepter", page, StringComparison.Ordinal);
        var trip = System.Net.WebUtility.HtmlDecode(await (await Html.PostFormAsync(helper, "/mobilite/conducteurs/nouveau",
        [
            F("Form.FirstName", "Paul"), F("Form.LastName", "Roux"), F("Form.Phone", "05 65 21 00 03"), F("Form.From", "Cahors"), F("Form.To", "Cahors"),
            F("Form.Departure", "25:00"), F("Form.Expires", "2026-12-01"), F("Form.Consent", "true"),
        ])).ReadPageAsync());
        Assert.Contains("Arrivée : la commune d'arrivée est celle du départ.", trip, StringComparison.Ordinal);
        Assert.Contains("Jours : cochez au moins un jour de la semaine.", trip, StringComparison.Ordinal);
        Assert.Equal(before, await _factory.WithDbAsync(db => db.Set<TravelNeed>().CountAsync()));
    }

    [Fact]
    public async Task A_persons_name_and_phone_are_wiped_a_year_after_their_last_need_and_the_need_stays_anonymous()
    {
        var helperId = await _factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.EmailFor(Roles.Helper)).Select(u => u.Id).SingleAsync());
        TravelPerson Person(string lastName, DateTimeOffset created) => new()
        {
            FirstName = "Rose", LastName = lastName, Phone = "05 65 21 00 09", CommuneInseeCode = "46073", ConsentAt = created, RecordedBy = helperId, CreatedAt = created,
        };
        TravelNeed Need(TravelPerson person, DateOnly day) => new()
        {
            PersonId = person.Id, FromInseeCode = "46073", Destination = "Cahors", DestinationInseeCode = "46042", Day = day, Time = new TimeOnly(9, 0), ArriveBy = true,
            Purpose = TravelPurpose.Care, Status = NeedStatus.Unmet, UnmetReason = UnmetReason.TooFarFromStop, Note = "rendez-vous chez le Dr Martin", RecordedBy = helperId, RecordedAt = person.CreatedAt,
        };
        var old = Person("Ancienne" + Guid.NewGuid().ToString("N")[..4], new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero));
        var recent = Person("Recente" + Guid.NewGuid().ToString("N")[..4], new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero));
        await _factory.WithDbAsync(async db =>
        {
            db.AddRange(old, Need(old, new DateOnly(2024, 6, 1)), recent, Need(recent, new DateOnly(2024, 6, 1)), Need(recent, new DateOnly(2026, 12, 8)));
            return await db.SaveChangesAsync();
        });

        await _factory.InScopeAsync(sp => sp.GetRequiredService<MobilityRetentionJob>().RunAsync(CancellationToken.None));

        var (oldName, oldPhone, oldWiped) = await _factory.WithDbAsync(db => db.Set<TravelPerson>().Where(p => p.Id == old.Id).Select(p => ValueTuple.Create(p.LastName, p.Phone, p.WipedAt)).SingleAsync());
        Assert.Equal((MobilityRetentionJob.Wiped, (string?)null), (oldName, oldPhone));
        Assert.NotNull(oldWiped);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Set<TravelNeed>().CountAsync(n => n.PersonId == old.Id && n.Note == null && n.Status == NeedStatus.Unmet)));
        Assert.Equal(recent.LastName, await _factory.WithDbAsync(db => db.Set<TravelPerson>().Where(p => p.Id == recent.Id).Select(p => p.LastName).SingleAsync()));
        Assert.True(await _factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "mobility.person-wipe" && e.RecordId == old.Id.ToString("D"))));
    }
}

/// <summary>A commune-to-commune road-time table, when configured, decides the carpool's detours instead of the straight line.</summary>
public sealed class RoadTimeTableTests
{
    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    [Fact]
    public async Task A_table_where_concots_is_off_the_drivers_road_leaves_no_driver_and_a_wrong_table_stops_the_start()
    {
        // Bach → Cahors is 20 min, but the table puts Concots 30 min from both: no 5-minute detour through it.
        var path = Path.Combine(Path.GetTempPath(), $"temps-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "origine;destination;minutes\n46013;46042;20\n46013;46073;30\n46073;46042;30\n");
        try
        {
            using var database = TestDatabase.Sqlite();
            var clock = new TestClock(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
            using var factory = new CarteBlancheFactory(database, settings: new Dictionary<string, string> { ["Mobility:RoadTimesPath"] = path }, configureServices: services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
            });
            using var helper = await factory.SignedInClientAsync(DemoData.EmailFor(Roles.Helper));
            using (await Html.PostFormAsync(helper, "/mobilite/conducteurs/nouveau",
            [
                F("Form.FirstName", "Marc"), F("Form.LastName", "Vidal"), F("Form.Phone", "05 65 21 00 02"), F("Form.From", "Bach"), F("Form.To", "Cahors (46000)"),
                F("Form.Days", "1"), F("Form.Departure", "08:15"), F("Form.Flexibility", "15"), F("Form.Tolerance", "Minor"),
                F("Form.Expires", "2027-03-01"), F("Form.Consent", "true"),
            ])) { }
            using var recorded = await Html.PostFormAsync(helper, "/mobilite/besoins/nouveau",
            [
                F("Form.FirstName", "Odette"), F("Form.LastName", "Delpech"), F("Form.From", "Concots"), F("Form.To", "Cahors (46000)"),
                F("Form.Day", "2026-12-08"), F("Form.Time", "09:00"), F("Form.ArriveBy", "true"), F("Form.Purpose", "Care"), F("Form.Consent", "true"),
            ]);
            Assert.Contains("Aucun conducteur inscrit ne passe à moins de 15 minutes de détour ce jour-là.", System.Net.WebUtility.HtmlDecode(await recorded.ReadPageAsync()), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }

        var wrong = Path.Combine(Path.GetTempPath(), $"temps-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(wrong, "origine;destination;minutes\n46013;Cahors;20\n");
        try
        {
            using var database = TestDatabase.Sqlite();
            using var factory = new CarteBlancheFactory(database, settings: new Dictionary<string, string> { ["Mobility:RoadTimesPath"] = wrong });
            var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
            Assert.Contains("ligne 2 : « Cahors » n'est pas un code INSEE de commune", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(wrong);
        }
    }
}
