using System.Text.Json;
using CarteBlanche.Platform.Audit;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace CarteBlanche.UnitTests.Audit;

public sealed class AuditCheckpointTests
{
    private const string Key = "une-clé-de-test-de-plus-de-32-caractères";
    private static readonly DateTimeOffset At = new(2026, 12, 5, 9, 0, 0, 123, TimeSpan.FromHours(1));
    private static readonly string Hash = new('b', 64);

    [Fact]
    public void A_checkpoint_is_signed_with_the_key_and_checks_with_it_only()
    {
        var checkpoint = AuditCheckpoint.Create(Key, 42, Hash, At);

        Assert.Matches("^[0-9a-f]{64}$", checkpoint.Signature);
        Assert.True(checkpoint.IsSignedWith(Key));
        Assert.False(checkpoint.IsSignedWith(Key + "x"));
        Assert.False(checkpoint.IsSignedWith(AuditOptions.DevelopmentKey));
    }

    [Theory]
    [InlineData("sequence")]
    [InlineData("hash")]
    [InlineData("time")]
    [InlineData("signature")]
    public void Changing_any_field_breaks_the_signature(string field)
    {
        var checkpoint = AuditCheckpoint.Create(Key, 42, Hash, At);

        var changed = field switch
        {
            "sequence" => checkpoint with { Sequence = 41 },
            "hash" => checkpoint with { Hash = new string('c', 64) },
            "time" => checkpoint with { At = checkpoint.At.AddMilliseconds(1) },
            _ => checkpoint with { Signature = new string('0', 64) },
        };

        Assert.False(changed.IsSignedWith(Key));
    }

    [Fact]
    public void The_signature_survives_the_file_round_trip_and_does_not_depend_on_the_offset()
    {
        var checkpoint = AuditCheckpoint.Create(Key, 7, Hash, At);
        var line = JsonSerializer.Serialize(checkpoint, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        var read = JsonSerializer.Deserialize<AuditCheckpoint>(line, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        Assert.True(read.IsSignedWith(Key));
        Assert.Equal(checkpoint.Signature, AuditCheckpoint.Sign(Key, 7, Hash, At.ToUniversalTime()));
        Assert.Contains("\"sequence\":7", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_is_required_outside_development_and_long_enough_everywhere()
    {
        var production = new AuditOptionsValidator(new Environment(Environments.Production));
        var development = new AuditOptionsValidator(new Environment(Environments.Development));

        var missing = production.Validate(null, new AuditOptions());
        Assert.True(missing.Failed);
        Assert.Contains("Audit:CheckpointKey est obligatoire hors développement", missing.FailureMessage, StringComparison.Ordinal);
        Assert.True(development.Validate(null, new AuditOptions()).Succeeded);
        Assert.True(production.Validate(null, new AuditOptions { CheckpointKey = "trop-courte" }).Failed);
        Assert.True(development.Validate(null, new AuditOptions { CheckpointKey = "trop-courte" }).Failed);
        Assert.True(production.Validate(null, new AuditOptions { CheckpointKey = Key }).Succeeded);
    }

    [Fact]
    public void Every_purpose_has_a_unique_stable_code_and_a_french_label()
    {
        var values = Enum.GetValues<AuditPurpose>();
        Assert.Equal(values.Length, AuditPurposes.Values.Count);
        var codes = values.Select(AuditPurposes.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", c));
        Assert.All(values, v => Assert.False(string.IsNullOrWhiteSpace(AuditPurposes.Label(v))));
        Assert.All(values, v => Assert.True(AuditPurposes.TryParse(AuditPurposes.Code(v), out var back) && back == v));
        // Codes written to the journal never change: a few pinned here.
        Assert.Equal("resident-reception", AuditPurposes.Code(AuditPurpose.ResidentReception));
        Assert.Equal("case-referral", AuditPurposes.Code(AuditPurpose.CaseReferral));
        Assert.Equal("Orientation vers un service", AuditPurposes.LabelOfStored("case-referral"));
        Assert.Equal("accueil usager", AuditPurposes.LabelOfStored("accueil usager"));
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "CarteBlanche";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
