using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CarteBlanche.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bus_plan_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CycleDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Buses = table.Column<int>(type: "INTEGER", nullable: false),
                    Weekly = table.Column<bool>(type: "INTEGER", nullable: false),
                    Pinned = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Excluded = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PlanJson = table.Column<string>(type: "TEXT", nullable: false),
                    Objective = table.Column<long>(type: "INTEGER", nullable: false),
                    Bound = table.Column<long>(type: "INTEGER", nullable: false),
                    GapPercent = table.Column<double>(type: "REAL", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RepeatedUntil = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bus_plan_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bus_subscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommuneInseeCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    ConsentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmationSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProtectedToken = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bus_subscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "desk_information_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_desk_information_links", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "desk_procedures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Documents = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Eligibility = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Tips = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 1500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_desk_procedures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mobility_offers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Operator = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Communes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Hours = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Booking = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Eligibility = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Price = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    RouteId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    NoticeDays = table.Column<int>(type: "INTEGER", nullable: true),
                    NoticeTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    NoticeMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    Days = table.Column<byte>(type: "INTEGER", nullable: false),
                    ServiceStart = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    ServiceEnd = table.Column<TimeOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mobility_offers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_audit_entries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClientAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_audit_entries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "platform_audit_head",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_audit_head", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_data_protection_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_data_protection_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_epcis",
                columns: table => new
                {
                    Siren = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_epcis", x => x.Siren);
                });

            migrationBuilder.CreateTable(
                name: "platform_job_runs",
                columns: table => new
                {
                    JobName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TickStart = table.Column<long>(type: "INTEGER", nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_job_runs", x => new { x.JobName, x.TickStart });
                });

            migrationBuilder.CreateTable(
                name: "platform_organisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    SearchName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_outbox_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimToken = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_outbox_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_roles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_roles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_satisfaction_answers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Solution = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Review = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_satisfaction_answers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rights_secrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ProtectedValue = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rights_secrets", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "platform_communes",
                columns: table => new
                {
                    InseeCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: false),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    EpciSiren = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    SearchName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_communes", x => x.InseeCode);
                    table.ForeignKey(
                        name: "FK_platform_communes_platform_epcis_EpciSiren",
                        column: x => x.EpciSiren,
                        principalTable: "platform_epcis",
                        principalColumn: "Siren",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "network_api_keys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_api_keys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_api_keys_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_news",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Territory = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AudienceList = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_news", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_news_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_partners",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SharedMailbox = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Domains = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OpeningHours = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Channels = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_partners", x => x.OrganisationId);
                    table.ForeignKey(
                        name: "FK_network_partners_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_role_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_role_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_platform_role_claims_platform_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "platform_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bus_stops",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommuneInseeCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    PlaceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    AccessNotes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bus_stops", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bus_stops_platform_communes_CommuneInseeCode",
                        column: x => x.CommuneInseeCode,
                        principalTable: "platform_communes",
                        principalColumn: "InseeCode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "platform_places",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CommuneInseeCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    OpeningHours = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_places", x => x.Id);
                    table.ForeignKey(
                        name: "FK_platform_places_platform_communes_CommuneInseeCode",
                        column: x => x.CommuneInseeCode,
                        principalTable: "platform_communes",
                        principalColumn: "InseeCode",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_platform_places_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "bus_passages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StopId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HalfDay = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Bus = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Notice = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Specialists = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PlanRunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bus_passages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bus_passages_bus_stops_StopId",
                        column: x => x.StopId,
                        principalTable: "bus_stops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "desk_residents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BirthName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    PostalAddress = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    PreferredChannel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CommuneInseeCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    NirEncrypted = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CafNumberEncrypted = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FranceTravailIdEncrypted = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SearchName = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    PhoneDigits = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_desk_residents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_desk_residents_platform_communes_CommuneInseeCode",
                        column: x => x.CommuneInseeCode,
                        principalTable: "platform_communes",
                        principalColumn: "InseeCode",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_desk_residents_platform_places_SiteId",
                        column: x => x.SiteId,
                        principalTable: "platform_places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "platform_accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SearchName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSignInAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_accounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_platform_accounts_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_platform_accounts_platform_places_SiteId",
                        column: x => x.SiteId,
                        principalTable: "platform_places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "bus_visits",
                columns: table => new
                {
                    PassageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Visitors = table.Column<int>(type: "INTEGER", nullable: false),
                    Domains = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CasesOpened = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bus_visits", x => x.PassageId);
                    table.ForeignKey(
                        name: "FK_bus_visits_bus_passages_PassageId",
                        column: x => x.PassageId,
                        principalTable: "bus_passages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "desk_coaching_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcedureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_desk_coaching_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_desk_coaching_sessions_desk_procedures_ProcedureId",
                        column: x => x.ProcedureId,
                        principalTable: "desk_procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_desk_coaching_sessions_desk_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "desk_residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "desk_contact_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OutboxMessageId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_desk_contact_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_desk_contact_records_desk_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "desk_residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bus_crew",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Bus = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bus_crew", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bus_crew_platform_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "desk_agent_trainings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_desk_agent_trainings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_desk_agent_trainings_platform_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_desk_agent_trainings_platform_organisations_TrainerOrganisationId",
                        column: x => x.TrainerOrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "desk_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ReferredTo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReferredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReferralPending = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReferralOutcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnswerReturnedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnswerChannel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ClosingReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WipedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PartnerAnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_desk_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_desk_cases_desk_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "desk_residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_desk_cases_platform_accounts_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_desk_cases_platform_places_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "platform_places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_desk_cases_platform_places_SiteId",
                        column: x => x.SiteId,
                        principalTable: "platform_places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "desk_mandates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Domains = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Duration = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Consent = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SignedFormKeptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_desk_mandates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_desk_mandates_desk_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "desk_residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_desk_mandates_platform_accounts_AgentId",
                        column: x => x.AgentId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_desk_mandates_platform_accounts_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_desk_mandates_platform_accounts_RevokedBy",
                        column: x => x.RevokedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_desk_mandates_platform_places_SiteId",
                        column: x => x.SiteId,
                        principalTable: "platform_places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "desk_procedure_suggestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcedureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Documents = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Eligibility = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Tips = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_desk_procedure_suggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_desk_procedure_suggestions_desk_procedures_ProcedureId",
                        column: x => x.ProcedureId,
                        principalTable: "desk_procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_desk_procedure_suggestions_platform_accounts_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "employers_firms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Siret = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    NafCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Headcount = table.Column<int>(type: "INTEGER", nullable: false),
                    Idcc = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    AgreementName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CommuneInseeCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    AtRiskCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EnrolledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OperationFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employers_firms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_employers_firms_platform_accounts_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_firms_platform_communes_CommuneInseeCode",
                        column: x => x.CommuneInseeCode,
                        principalTable: "platform_communes",
                        principalColumn: "InseeCode",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_firms_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mobility_gtfs_imports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Fatal = table.Column<int>(type: "INTEGER", nullable: false),
                    Errors = table.Column<int>(type: "INTEGER", nullable: false),
                    Warnings = table.Column<int>(type: "INTEGER", nullable: false),
                    Stops = table.Column<int>(type: "INTEGER", nullable: false),
                    Routes = table.Column<int>(type: "INTEGER", nullable: false),
                    Trips = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastDay = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Report = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mobility_gtfs_imports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mobility_gtfs_imports_platform_accounts_ImportedBy",
                        column: x => x.ImportedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mobility_persons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    CommuneInseeCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    ConsentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WipedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mobility_persons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mobility_persons_platform_accounts_RecordedBy",
                        column: x => x.RecordedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_mobility_persons_platform_communes_CommuneInseeCode",
                        column: x => x.CommuneInseeCode,
                        principalTable: "platform_communes",
                        principalColumn: "InseeCode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "network_digest_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_digest_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_digest_entries_platform_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_news_reads",
                columns: table => new
                {
                    NewsItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_news_reads", x => new { x.NewsItemId, x.AccountId });
                    table.ForeignKey(
                        name: "FK_network_news_reads_network_news_NewsItemId",
                        column: x => x.NewsItemId,
                        principalTable: "network_news",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_network_news_reads_platform_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_notification_preferences",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DailyDigest = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_notification_preferences", x => x.AccountId);
                    table.ForeignKey(
                        name: "FK_network_notification_preferences_platform_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_questions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseReference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AskedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Territory = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DomainLabel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Usefulness = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SharedFields = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SharedDataProtected = table.Column<string>(type: "TEXT", nullable: true),
                    InvitedFromQuestionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WipedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_questions_platform_accounts_AskedBy",
                        column: x => x.AskedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_network_questions_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "network_referents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Territory = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    IsLead = table.Column<bool>(type: "INTEGER", nullable: false),
                    NamedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_referents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_referents_platform_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_network_referents_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_account_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_account_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_platform_account_claims_platform_accounts_UserId",
                        column: x => x.UserId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_account_logins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_account_logins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_platform_account_logins_platform_accounts_UserId",
                        column: x => x.UserId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_account_roles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_account_roles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_platform_account_roles_platform_accounts_UserId",
                        column: x => x.UserId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_platform_account_roles_platform_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "platform_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_account_tokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_account_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_platform_account_tokens_platform_accounts_UserId",
                        column: x => x.UserId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_invitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    InvitedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_platform_invitations_platform_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rights_conventions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rights_conventions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rights_conventions_platform_accounts_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rights_resident_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rights_resident_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rights_resident_links_platform_accounts_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "desk_case_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_desk_case_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_desk_case_events_desk_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "desk_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "desk_case_shares",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SharedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    SharedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_desk_case_shares", x => new { x.CaseId, x.AccountId });
                    table.ForeignKey(
                        name: "FK_desk_case_shares_desk_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "desk_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_desk_case_shares_platform_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "desk_needs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ProcedureId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_desk_needs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_desk_needs_desk_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "desk_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_desk_needs_desk_procedures_ProcedureId",
                        column: x => x.ProcedureId,
                        principalTable: "desk_procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "desk_satisfaction_surveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Score = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_desk_satisfaction_surveys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_desk_satisfaction_surveys_desk_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "desk_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "employers_employees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employers_employees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_employers_employees_employers_firms_FirmId",
                        column: x => x.FirmId,
                        principalTable: "employers_firms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "employers_firm_experts",
                columns: table => new
                {
                    FirmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Functions = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employers_firm_experts", x => new { x.FirmId, x.AccountId });
                    table.ForeignKey(
                        name: "FK_employers_firm_experts_employers_firms_FirmId",
                        column: x => x.FirmId,
                        principalTable: "employers_firms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_employers_firm_experts_platform_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "employers_firm_feedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Satisfaction = table.Column<int>(type: "INTEGER", nullable: false),
                    CoFinancingPerMonth = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    GivenByFirm = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employers_firm_feedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_employers_firm_feedback_employers_firms_FirmId",
                        column: x => x.FirmId,
                        principalTable: "employers_firms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_firm_feedback_platform_accounts_RecordedBy",
                        column: x => x.RecordedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "employers_job_offers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RomeCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    ContractKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DurationMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    WeeklyHours = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    MonthlyGrossMin = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    MonthlyGrossMax = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    CommuneInseeCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Experience = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ExperienceMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    Positions = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employers_job_offers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_employers_job_offers_employers_firms_FirmId",
                        column: x => x.FirmId,
                        principalTable: "employers_firms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_job_offers_platform_accounts_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_job_offers_platform_communes_CommuneInseeCode",
                        column: x => x.CommuneInseeCode,
                        principalTable: "platform_communes",
                        principalColumn: "InseeCode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "employers_reminders_sent",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employers_reminders_sent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_employers_reminders_sent_employers_firms_FirmId",
                        column: x => x.FirmId,
                        principalTable: "employers_firms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "employers_time_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Function = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employers_time_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_employers_time_entries_employers_firms_FirmId",
                        column: x => x.FirmId,
                        principalTable: "employers_firms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_time_entries_platform_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mobility_gtfs_contents",
                columns: table => new
                {
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Zip = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mobility_gtfs_contents", x => x.ImportId);
                    table.ForeignKey(
                        name: "FK_mobility_gtfs_contents_mobility_gtfs_imports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "mobility_gtfs_imports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mobility_needs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromInseeCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Destination = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    DestinationInseeCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Time = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    ArriveBy = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReturnTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UnmetReason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mobility_needs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mobility_needs_mobility_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "mobility_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_mobility_needs_platform_accounts_RecordedBy",
                        column: x => x.RecordedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_mobility_needs_platform_communes_DestinationInseeCode",
                        column: x => x.DestinationInseeCode,
                        principalTable: "platform_communes",
                        principalColumn: "InseeCode",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_mobility_needs_platform_communes_FromInseeCode",
                        column: x => x.FromInseeCode,
                        principalTable: "platform_communes",
                        principalColumn: "InseeCode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mobility_trips",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DriverId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromInseeCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    ToInseeCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Days = table.Column<byte>(type: "INTEGER", nullable: false),
                    Departure = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    FlexibilityMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Tolerance = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ThroughOperator = table.Column<bool>(type: "INTEGER", nullable: false),
                    Expires = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mobility_trips", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mobility_trips_mobility_persons_DriverId",
                        column: x => x.DriverId,
                        principalTable: "mobility_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_mobility_trips_platform_accounts_RecordedBy",
                        column: x => x.RecordedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_mobility_trips_platform_communes_FromInseeCode",
                        column: x => x.FromInseeCode,
                        principalTable: "platform_communes",
                        principalColumn: "InseeCode",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_mobility_trips_platform_communes_ToInseeCode",
                        column: x => x.ToInseeCode,
                        principalTable: "platform_communes",
                        principalColumn: "InseeCode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "network_knowledge_cards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DomainLabel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Procedure = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SearchWords = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProposedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ValidatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UsefulVotes = table.Column<int>(type: "INTEGER", nullable: false),
                    NotUsefulVotes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_knowledge_cards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_knowledge_cards_network_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "network_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_network_knowledge_cards_platform_accounts_ProposedBy",
                        column: x => x.ProposedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_network_knowledge_cards_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "network_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_messages_network_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "network_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_question_rounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    HalfTimeAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TakenByAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TakenByApiKeyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TakenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstReplyAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PausedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_question_rounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_question_rounds_network_api_keys_TakenByApiKeyId",
                        column: x => x.TakenByApiKeyId,
                        principalTable: "network_api_keys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_network_question_rounds_network_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "network_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_network_question_rounds_platform_accounts_TakenByAccountId",
                        column: x => x.TakenByAccountId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_network_question_rounds_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "network_reminders",
                columns: table => new
                {
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_reminders", x => new { x.QuestionId, x.Round, x.Kind });
                    table.ForeignKey(
                        name: "FK_network_reminders_network_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "network_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rights_api_keys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConventionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rights_api_keys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rights_api_keys_platform_accounts_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rights_api_keys_platform_accounts_RevokedBy",
                        column: x => x.RevokedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rights_api_keys_platform_organisations_OperatorId",
                        column: x => x.OperatorId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rights_api_keys_rights_conventions_ConventionId",
                        column: x => x.ConventionId,
                        principalTable: "rights_conventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rights_campaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConventionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StartedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Records = table.Column<int>(type: "INTEGER", nullable: false),
                    Persons = table.Column<int>(type: "INTEGER", nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdsAssessed = table.Column<int>(type: "INTEGER", nullable: false),
                    LinksToReview = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidentsLinked = table.Column<int>(type: "INTEGER", nullable: false),
                    EntitledRsa = table.Column<int>(type: "INTEGER", nullable: false),
                    EntitledPpa = table.Column<int>(type: "INTEGER", nullable: false),
                    EntitledCss = table.Column<int>(type: "INTEGER", nullable: false),
                    LoadSeconds = table.Column<double>(type: "REAL", nullable: false),
                    LinkageSeconds = table.Column<double>(type: "REAL", nullable: false),
                    EngineSeconds = table.Column<double>(type: "REAL", nullable: false),
                    SaveSeconds = table.Column<double>(type: "REAL", nullable: false),
                    Precision = table.Column<double>(type: "REAL", nullable: true),
                    Recall = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rights_campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rights_campaigns_platform_accounts_StartedBy",
                        column: x => x.StartedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rights_campaigns_rights_conventions_ConventionId",
                        column: x => x.ConventionId,
                        principalTable: "rights_conventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rights_consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConventionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperatorIds = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AttributeCodes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Purposes = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawnVia = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    WithdrawnBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rights_consents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rights_consents_platform_accounts_RecordedBy",
                        column: x => x.RecordedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rights_consents_platform_accounts_WithdrawnBy",
                        column: x => x.WithdrawnBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rights_consents_platform_places_SiteId",
                        column: x => x.SiteId,
                        principalTable: "platform_places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rights_consents_rights_conventions_ConventionId",
                        column: x => x.ConventionId,
                        principalTable: "rights_conventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rights_convention_parties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConventionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Signatory = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rights_convention_parties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rights_convention_parties_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rights_convention_parties_rights_conventions_ConventionId",
                        column: x => x.ConventionId,
                        principalTable: "rights_conventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rights_imports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConventionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    ErrorCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Errors = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ImportedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rights_imports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rights_imports_platform_accounts_ImportedBy",
                        column: x => x.ImportedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rights_imports_platform_organisations_OperatorId",
                        column: x => x.OperatorId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rights_imports_rights_conventions_ConventionId",
                        column: x => x.ConventionId,
                        principalTable: "rights_conventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rights_shared_attributes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConventionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Refresh = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Sensitivity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rights_shared_attributes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rights_shared_attributes_platform_organisations_OperatorId",
                        column: x => x.OperatorId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rights_shared_attributes_rights_conventions_ConventionId",
                        column: x => x.ConventionId,
                        principalTable: "rights_conventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "employers_contracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployeeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    JobTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CddReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    WeeklyHours = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    MonthlyGross = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employers_contracts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_employers_contracts_employers_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employers_employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_contracts_employers_firms_FirmId",
                        column: x => x.FirmId,
                        principalTable: "employers_firms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "employers_declaration_data",
                columns: table => new
                {
                    EmployeeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NirEncrypted = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Street = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    BirthPlace = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    BirthCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    NationalityGroup = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    PcsEse = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    ConventionalStatus = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    CddReasonCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    TaxRate = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    TaxRateId = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employers_declaration_data", x => x.EmployeeId);
                    table.ForeignKey(
                        name: "FK_employers_declaration_data_employers_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employers_employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_declaration_data_employers_firms_FirmId",
                        column: x => x.FirmId,
                        principalTable: "employers_firms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_declaration_data_platform_accounts_UpdatedBy",
                        column: x => x.UpdatedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "employers_medical_visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployeeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employers_medical_visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_employers_medical_visits_employers_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employers_employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_medical_visits_employers_firms_FirmId",
                        column: x => x.FirmId,
                        principalTable: "employers_firms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_medical_visits_platform_accounts_RecordedBy",
                        column: x => x.RecordedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "employers_professional_interviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployeeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employers_professional_interviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_employers_professional_interviews_employers_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employers_employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_professional_interviews_employers_firms_FirmId",
                        column: x => x.FirmId,
                        principalTable: "employers_firms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_professional_interviews_platform_accounts_RecordedBy",
                        column: x => x.RecordedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "employers_staff_register",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployeeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FirstNames = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    Nationality = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    JobTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContractKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PartTime = table.Column<bool>(type: "INTEGER", nullable: false),
                    EntryDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExitDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WorkPermit = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employers_staff_register", x => x.Id);
                    table.ForeignKey(
                        name: "FK_employers_staff_register_employers_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employers_employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_staff_register_employers_firms_FirmId",
                        column: x => x.FirmId,
                        principalTable: "employers_firms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_staff_register_platform_accounts_RecordedBy",
                        column: x => x.RecordedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "employers_trainings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployeeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    Certifying = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employers_trainings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_employers_trainings_employers_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employers_employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_trainings_employers_firms_FirmId",
                        column: x => x.FirmId,
                        principalTable: "employers_firms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_trainings_platform_accounts_RecordedBy",
                        column: x => x.RecordedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "employers_candidates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    InterviewDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    InterviewTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    EmployeeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employers_candidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_employers_candidates_employers_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employers_employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_candidates_employers_firms_FirmId",
                        column: x => x.FirmId,
                        principalTable: "employers_firms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_candidates_employers_job_offers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "employers_job_offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mobility_rides",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NeedId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TripId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Return = table.Column<bool>(type: "INTEGER", nullable: false),
                    DetourMinutes = table.Column<double>(type: "REAL", nullable: false),
                    PickUp = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    DropOff = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Kilometres = table.Column<double>(type: "REAL", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProposedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PassengerSmsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DriverSmsAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mobility_rides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mobility_rides_mobility_needs_NeedId",
                        column: x => x.NeedId,
                        principalTable: "mobility_needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_mobility_rides_mobility_trips_TripId",
                        column: x => x.TripId,
                        principalTable: "mobility_trips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_mobility_rides_platform_accounts_ProposedBy",
                        column: x => x.ProposedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "network_knowledge_corrections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ProposedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HandledBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_knowledge_corrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_knowledge_corrections_network_knowledge_cards_CardId",
                        column: x => x.CardId,
                        principalTable: "network_knowledge_cards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_network_knowledge_corrections_platform_accounts_ProposedBy",
                        column: x => x.ProposedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "network_knowledge_uses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_knowledge_uses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_knowledge_uses_network_knowledge_cards_CardId",
                        column: x => x.CardId,
                        principalTable: "network_knowledge_cards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_network_knowledge_uses_platform_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_knowledge_votes",
                columns: table => new
                {
                    CardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Useful = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_knowledge_votes", x => new { x.CardId, x.AccountId });
                    table.ForeignKey(
                        name: "FK_network_knowledge_votes_network_knowledge_cards_CardId",
                        column: x => x.CardId,
                        principalTable: "network_knowledge_cards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_network_knowledge_votes_platform_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    EncryptedContent = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_attachments_network_messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "network_messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_network_attachments_network_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "network_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rights_link_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConventionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeftOperatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeftSourceId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RightOperatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RightSourceId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Weight = table.Column<double>(type: "REAL", nullable: false),
                    Probability = table.Column<double>(type: "REAL", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rights_link_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rights_link_reviews_platform_accounts_DecidedBy",
                        column: x => x.DecidedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rights_link_reviews_platform_organisations_LeftOperatorId",
                        column: x => x.LeftOperatorId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rights_link_reviews_platform_organisations_RightOperatorId",
                        column: x => x.RightOperatorId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rights_link_reviews_rights_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "rights_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_rights_link_reviews_rights_conventions_ConventionId",
                        column: x => x.ConventionId,
                        principalTable: "rights_conventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rights_resident_matches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Household = table.Column<int>(type: "INTEGER", nullable: false),
                    OperatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Probability = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rights_resident_matches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rights_resident_matches_platform_organisations_OperatorId",
                        column: x => x.OperatorId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rights_resident_matches_rights_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "rights_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rights_signals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Household = table.Column<int>(type: "INTEGER", nullable: false),
                    Benefit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Certainty = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MonthlyAmount = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    OperatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Commune = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    HouseholdType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DetailProtected = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ContactedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OpenedAmount = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rights_signals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rights_signals_platform_accounts_UpdatedBy",
                        column: x => x.UpdatedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rights_signals_platform_organisations_OperatorId",
                        column: x => x.OperatorId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rights_signals_rights_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "rights_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rights_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    HouseholdId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NirHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    BirthName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UsageName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FirstNames = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sex = table.Column<char>(type: "TEXT", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BirthPlace = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Commune = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    FactsProtected = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rights_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rights_records_rights_imports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "rights_imports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "employers_contract_ends",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployeeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlannedEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FinalSalary = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    PaidLeaveIndemnity = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    EndOfContractIndemnity = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    SeveranceIndemnity = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DocumentsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employers_contract_ends", x => x.Id);
                    table.ForeignKey(
                        name: "FK_employers_contract_ends_employers_contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "employers_contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_contract_ends_employers_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employers_employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_contract_ends_employers_firms_FirmId",
                        column: x => x.FirmId,
                        principalTable: "employers_firms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_contract_ends_platform_accounts_RecordedBy",
                        column: x => x.RecordedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "employers_payslips",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployeeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    ContractGross = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    OvertimeHours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    UnpaidHours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    BaseGross = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    OvertimePay = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    Gross = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    NetBeforeTax = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    NetSocial = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    EmployeeContributions = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    EmployerContributions = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    TotalCost = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    Rgdu = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    NetTaxable = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    SmicReference = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    TaxRate = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    TaxRatePersonalised = table.Column<bool>(type: "INTEGER", nullable: false),
                    Tax = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    NetPaid = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    ModelVersion = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SituationJson = table.Column<string>(type: "TEXT", nullable: false),
                    LinesJson = table.Column<string>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employers_payslips", x => x.Id);
                    table.ForeignKey(
                        name: "FK_employers_payslips_employers_contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "employers_contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_payslips_employers_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employers_employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_payslips_employers_firms_FirmId",
                        column: x => x.FirmId,
                        principalTable: "employers_firms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_payslips_platform_accounts_IssuedBy",
                        column: x => x.IssuedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "employers_hirings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployeeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CandidateId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HireDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HireTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    EmployerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EmployerSiret = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    EmployerNaf = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    EmployerAddress = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    EmployerPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    HealthService = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EmployeeLastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EmployeeFirstNames = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    EmployeeSex = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    EmployeeBirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EmployeeBirthPlace = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    ContractKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContractEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TrialPeriod = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DpaeDeclaredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DpaeReceipt = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ContractSignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RegisterEntryOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HealthCoverOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MedicalVisitOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employers_hirings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_employers_hirings_employers_candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "employers_candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_hirings_employers_contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "employers_contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_hirings_employers_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employers_employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_hirings_employers_firms_FirmId",
                        column: x => x.FirmId,
                        principalTable: "employers_firms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_employers_hirings_platform_accounts_CreatedBy",
                        column: x => x.CreatedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bus_crew_AccountId_Date",
                table: "bus_crew",
                columns: new[] { "AccountId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_bus_crew_Date_Bus_Role",
                table: "bus_crew",
                columns: new[] { "Date", "Bus", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bus_passages_Date_Bus_HalfDay",
                table: "bus_passages",
                columns: new[] { "Date", "Bus", "HalfDay" });

            migrationBuilder.CreateIndex(
                name: "IX_bus_passages_StopId_Date",
                table: "bus_passages",
                columns: new[] { "StopId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_bus_stops_CommuneInseeCode",
                table: "bus_stops",
                column: "CommuneInseeCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bus_subscriptions_CommuneInseeCode_Address",
                table: "bus_subscriptions",
                columns: new[] { "CommuneInseeCode", "Address" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bus_subscriptions_TokenHash",
                table: "bus_subscriptions",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_desk_agent_trainings_AccountId",
                table: "desk_agent_trainings",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_desk_agent_trainings_TrainerOrganisationId",
                table: "desk_agent_trainings",
                column: "TrainerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_desk_case_events_CaseId_At",
                table: "desk_case_events",
                columns: new[] { "CaseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_desk_case_shares_AccountId",
                table: "desk_case_shares",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_desk_cases_OwnerId_State",
                table: "desk_cases",
                columns: new[] { "OwnerId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_desk_cases_PlaceId",
                table: "desk_cases",
                column: "PlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_desk_cases_ResidentId",
                table: "desk_cases",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_desk_cases_SiteId_State_DueDate",
                table: "desk_cases",
                columns: new[] { "SiteId", "State", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_desk_cases_State_ClosedAt",
                table: "desk_cases",
                columns: new[] { "State", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_desk_coaching_sessions_ProcedureId",
                table: "desk_coaching_sessions",
                column: "ProcedureId");

            migrationBuilder.CreateIndex(
                name: "IX_desk_coaching_sessions_ResidentId",
                table: "desk_coaching_sessions",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_desk_coaching_sessions_SiteId_On",
                table: "desk_coaching_sessions",
                columns: new[] { "SiteId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_desk_contact_records_ResidentId_At",
                table: "desk_contact_records",
                columns: new[] { "ResidentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_desk_mandates_AgentId",
                table: "desk_mandates",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_desk_mandates_CreatedBy",
                table: "desk_mandates",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_desk_mandates_ResidentId",
                table: "desk_mandates",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_desk_mandates_RevokedBy",
                table: "desk_mandates",
                column: "RevokedBy");

            migrationBuilder.CreateIndex(
                name: "IX_desk_mandates_SiteId_EndsOn",
                table: "desk_mandates",
                columns: new[] { "SiteId", "EndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_desk_needs_CaseId",
                table: "desk_needs",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_desk_needs_ProcedureId",
                table: "desk_needs",
                column: "ProcedureId");

            migrationBuilder.CreateIndex(
                name: "IX_desk_procedure_suggestions_AuthorId",
                table: "desk_procedure_suggestions",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_desk_procedure_suggestions_ProcedureId",
                table: "desk_procedure_suggestions",
                column: "ProcedureId");

            migrationBuilder.CreateIndex(
                name: "IX_desk_procedure_suggestions_Status",
                table: "desk_procedure_suggestions",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_desk_procedures_Code",
                table: "desk_procedures",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_desk_residents_BirthDate",
                table: "desk_residents",
                column: "BirthDate");

            migrationBuilder.CreateIndex(
                name: "IX_desk_residents_CommuneInseeCode",
                table: "desk_residents",
                column: "CommuneInseeCode");

            migrationBuilder.CreateIndex(
                name: "IX_desk_residents_PhoneDigits",
                table: "desk_residents",
                column: "PhoneDigits");

            migrationBuilder.CreateIndex(
                name: "IX_desk_residents_SearchName",
                table: "desk_residents",
                column: "SearchName");

            migrationBuilder.CreateIndex(
                name: "IX_desk_residents_SiteId",
                table: "desk_residents",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_desk_satisfaction_surveys_CaseId",
                table: "desk_satisfaction_surveys",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_desk_satisfaction_surveys_SiteId_AnsweredAt",
                table: "desk_satisfaction_surveys",
                columns: new[] { "SiteId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_desk_satisfaction_surveys_TokenHash",
                table: "desk_satisfaction_surveys",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_employers_candidates_EmployeeId",
                table: "employers_candidates",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_employers_candidates_FirmId",
                table: "employers_candidates",
                column: "FirmId");

            migrationBuilder.CreateIndex(
                name: "IX_employers_candidates_OfferId",
                table: "employers_candidates",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_employers_contract_ends_ContractId",
                table: "employers_contract_ends",
                column: "ContractId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_employers_contract_ends_EmployeeId",
                table: "employers_contract_ends",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_employers_contract_ends_FirmId",
                table: "employers_contract_ends",
                column: "FirmId");

            migrationBuilder.CreateIndex(
                name: "IX_employers_contract_ends_RecordedBy",
                table: "employers_contract_ends",
                column: "RecordedBy");

            migrationBuilder.CreateIndex(
                name: "IX_employers_contracts_EmployeeId",
                table: "employers_contracts",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_employers_contracts_FirmId",
                table: "employers_contracts",
                column: "FirmId");

            migrationBuilder.CreateIndex(
                name: "IX_employers_declaration_data_FirmId",
                table: "employers_declaration_data",
                column: "FirmId");

            migrationBuilder.CreateIndex(
                name: "IX_employers_declaration_data_UpdatedBy",
                table: "employers_declaration_data",
                column: "UpdatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_employers_employees_FirmId",
                table: "employers_employees",
                column: "FirmId");

            migrationBuilder.CreateIndex(
                name: "IX_employers_firm_experts_AccountId",
                table: "employers_firm_experts",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_employers_firm_feedback_FirmId_Day",
                table: "employers_firm_feedback",
                columns: new[] { "FirmId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_employers_firm_feedback_RecordedBy",
                table: "employers_firm_feedback",
                column: "RecordedBy");

            migrationBuilder.CreateIndex(
                name: "IX_employers_firms_CommuneInseeCode",
                table: "employers_firms",
                column: "CommuneInseeCode");

            migrationBuilder.CreateIndex(
                name: "IX_employers_firms_CreatedBy",
                table: "employers_firms",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_employers_firms_OrganisationId",
                table: "employers_firms",
                column: "OrganisationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_employers_firms_Siret",
                table: "employers_firms",
                column: "Siret",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_employers_hirings_CandidateId",
                table: "employers_hirings",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_employers_hirings_ContractId",
                table: "employers_hirings",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_employers_hirings_CreatedBy",
                table: "employers_hirings",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_employers_hirings_EmployeeId",
                table: "employers_hirings",
                column: "EmployeeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_employers_hirings_FirmId",
                table: "employers_hirings",
                column: "FirmId");

            migrationBuilder.CreateIndex(
                name: "IX_employers_job_offers_CommuneInseeCode",
                table: "employers_job_offers",
                column: "CommuneInseeCode");

            migrationBuilder.CreateIndex(
                name: "IX_employers_job_offers_CreatedBy",
                table: "employers_job_offers",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_employers_job_offers_FirmId",
                table: "employers_job_offers",
                column: "FirmId");

            migrationBuilder.CreateIndex(
                name: "IX_employers_job_offers_Reference",
                table: "employers_job_offers",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_employers_medical_visits_EmployeeId",
                table: "employers_medical_visits",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_employers_medical_visits_FirmId",
                table: "employers_medical_visits",
                column: "FirmId");

            migrationBuilder.CreateIndex(
                name: "IX_employers_medical_visits_RecordedBy",
                table: "employers_medical_visits",
                column: "RecordedBy");

            migrationBuilder.CreateIndex(
                name: "IX_employers_payslips_ContractId",
                table: "employers_payslips",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_employers_payslips_EmployeeId_Year_Month",
                table: "employers_payslips",
                columns: new[] { "EmployeeId", "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_employers_payslips_FirmId_Year_Month",
                table: "employers_payslips",
                columns: new[] { "FirmId", "Year", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_employers_payslips_IssuedBy",
                table: "employers_payslips",
                column: "IssuedBy");

            migrationBuilder.CreateIndex(
                name: "IX_employers_professional_interviews_EmployeeId",
                table: "employers_professional_interviews",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_employers_professional_interviews_FirmId",
                table: "employers_professional_interviews",
                column: "FirmId");

            migrationBuilder.CreateIndex(
                name: "IX_employers_professional_interviews_RecordedBy",
                table: "employers_professional_interviews",
                column: "RecordedBy");

            migrationBuilder.CreateIndex(
                name: "IX_employers_reminders_sent_FirmId_Key",
                table: "employers_reminders_sent",
                columns: new[] { "FirmId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_employers_staff_register_EmployeeId",
                table: "employers_staff_register",
                column: "EmployeeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_employers_staff_register_FirmId_Number",
                table: "employers_staff_register",
                columns: new[] { "FirmId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_employers_staff_register_RecordedBy",
                table: "employers_staff_register",
                column: "RecordedBy");

            migrationBuilder.CreateIndex(
                name: "IX_employers_time_entries_AccountId_Day",
                table: "employers_time_entries",
                columns: new[] { "AccountId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_employers_time_entries_FirmId_Day",
                table: "employers_time_entries",
                columns: new[] { "FirmId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_employers_trainings_EmployeeId",
                table: "employers_trainings",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_employers_trainings_FirmId",
                table: "employers_trainings",
                column: "FirmId");

            migrationBuilder.CreateIndex(
                name: "IX_employers_trainings_RecordedBy",
                table: "employers_trainings",
                column: "RecordedBy");

            migrationBuilder.CreateIndex(
                name: "IX_mobility_gtfs_imports_ImportedBy",
                table: "mobility_gtfs_imports",
                column: "ImportedBy");

            migrationBuilder.CreateIndex(
                name: "IX_mobility_gtfs_imports_Status",
                table: "mobility_gtfs_imports",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_mobility_needs_DestinationInseeCode",
                table: "mobility_needs",
                column: "DestinationInseeCode");

            migrationBuilder.CreateIndex(
                name: "IX_mobility_needs_FromInseeCode",
                table: "mobility_needs",
                column: "FromInseeCode");

            migrationBuilder.CreateIndex(
                name: "IX_mobility_needs_PersonId",
                table: "mobility_needs",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_mobility_needs_RecordedBy",
                table: "mobility_needs",
                column: "RecordedBy");

            migrationBuilder.CreateIndex(
                name: "IX_mobility_needs_Status_Day",
                table: "mobility_needs",
                columns: new[] { "Status", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_mobility_persons_CommuneInseeCode",
                table: "mobility_persons",
                column: "CommuneInseeCode");

            migrationBuilder.CreateIndex(
                name: "IX_mobility_persons_RecordedBy",
                table: "mobility_persons",
                column: "RecordedBy");

            migrationBuilder.CreateIndex(
                name: "IX_mobility_rides_NeedId",
                table: "mobility_rides",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_mobility_rides_ProposedBy",
                table: "mobility_rides",
                column: "ProposedBy");

            migrationBuilder.CreateIndex(
                name: "IX_mobility_rides_Status",
                table: "mobility_rides",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_mobility_rides_TripId",
                table: "mobility_rides",
                column: "TripId");

            migrationBuilder.CreateIndex(
                name: "IX_mobility_trips_DriverId",
                table: "mobility_trips",
                column: "DriverId");

            migrationBuilder.CreateIndex(
                name: "IX_mobility_trips_Expires",
                table: "mobility_trips",
                column: "Expires");

            migrationBuilder.CreateIndex(
                name: "IX_mobility_trips_FromInseeCode",
                table: "mobility_trips",
                column: "FromInseeCode");

            migrationBuilder.CreateIndex(
                name: "IX_mobility_trips_RecordedBy",
                table: "mobility_trips",
                column: "RecordedBy");

            migrationBuilder.CreateIndex(
                name: "IX_mobility_trips_ToInseeCode",
                table: "mobility_trips",
                column: "ToInseeCode");

            migrationBuilder.CreateIndex(
                name: "IX_network_api_keys_OrganisationId",
                table: "network_api_keys",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_network_api_keys_Prefix",
                table: "network_api_keys",
                column: "Prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_network_attachments_MessageId",
                table: "network_attachments",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_network_attachments_QuestionId",
                table: "network_attachments",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_network_digest_entries_AccountId",
                table: "network_digest_entries",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_network_digest_entries_SentAt_AccountId",
                table: "network_digest_entries",
                columns: new[] { "SentAt", "AccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_network_knowledge_cards_OrganisationId",
                table: "network_knowledge_cards",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_network_knowledge_cards_ProposedBy",
                table: "network_knowledge_cards",
                column: "ProposedBy");

            migrationBuilder.CreateIndex(
                name: "IX_network_knowledge_cards_QuestionId",
                table: "network_knowledge_cards",
                column: "QuestionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_network_knowledge_cards_Status_Domain",
                table: "network_knowledge_cards",
                columns: new[] { "Status", "Domain" });

            migrationBuilder.CreateIndex(
                name: "IX_network_knowledge_corrections_CardId",
                table: "network_knowledge_corrections",
                column: "CardId");

            migrationBuilder.CreateIndex(
                name: "IX_network_knowledge_corrections_ProposedBy",
                table: "network_knowledge_corrections",
                column: "ProposedBy");

            migrationBuilder.CreateIndex(
                name: "IX_network_knowledge_uses_AccountId",
                table: "network_knowledge_uses",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_network_knowledge_uses_CardId_CaseId",
                table: "network_knowledge_uses",
                columns: new[] { "CardId", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_network_knowledge_uses_CaseId",
                table: "network_knowledge_uses",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_network_knowledge_votes_AccountId",
                table: "network_knowledge_votes",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_network_messages_QuestionId_At",
                table: "network_messages",
                columns: new[] { "QuestionId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_network_news_OrganisationId",
                table: "network_news",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_network_news_Territory_ValidFrom",
                table: "network_news",
                columns: new[] { "Territory", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_network_news_reads_AccountId",
                table: "network_news_reads",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_network_question_rounds_DueAt",
                table: "network_question_rounds",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_network_question_rounds_OrganisationId_SentAt",
                table: "network_question_rounds",
                columns: new[] { "OrganisationId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_network_question_rounds_QuestionId_Number",
                table: "network_question_rounds",
                columns: new[] { "QuestionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_network_question_rounds_TakenByAccountId",
                table: "network_question_rounds",
                column: "TakenByAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_network_question_rounds_TakenByApiKeyId",
                table: "network_question_rounds",
                column: "TakenByApiKeyId");

            migrationBuilder.CreateIndex(
                name: "IX_network_questions_AskedBy",
                table: "network_questions",
                column: "AskedBy");

            migrationBuilder.CreateIndex(
                name: "IX_network_questions_CaseId",
                table: "network_questions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_network_questions_OrganisationId_State",
                table: "network_questions",
                columns: new[] { "OrganisationId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_network_questions_SentAt",
                table: "network_questions",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_network_referents_AccountId_Territory",
                table: "network_referents",
                columns: new[] { "AccountId", "Territory" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_network_referents_OrganisationId_Territory",
                table: "network_referents",
                columns: new[] { "OrganisationId", "Territory" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_account_claims_UserId",
                table: "platform_account_claims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_account_logins_UserId",
                table: "platform_account_logins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_account_roles_RoleId",
                table: "platform_account_roles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "platform_accounts",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_platform_accounts_OrganisationId",
                table: "platform_accounts",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_accounts_SiteId",
                table: "platform_accounts",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "platform_accounts",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_entries_ActorId",
                table: "platform_audit_entries",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_entries_OccurredAt",
                table: "platform_audit_entries",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_entries_RecordType_RecordId",
                table: "platform_audit_entries",
                columns: new[] { "RecordType", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_communes_EpciSiren",
                table: "platform_communes",
                column: "EpciSiren");

            migrationBuilder.CreateIndex(
                name: "IX_platform_communes_SearchName",
                table: "platform_communes",
                column: "SearchName");

            migrationBuilder.CreateIndex(
                name: "IX_platform_invitations_AccountId",
                table: "platform_invitations",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_invitations_TokenHash",
                table: "platform_invitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_organisations_Name",
                table: "platform_organisations",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_outbox_messages_Status_NextAttemptAt",
                table: "platform_outbox_messages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_places_CommuneInseeCode",
                table: "platform_places",
                column: "CommuneInseeCode");

            migrationBuilder.CreateIndex(
                name: "IX_platform_places_OrganisationId",
                table: "platform_places",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_role_claims_RoleId",
                table: "platform_role_claims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "platform_roles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_satisfaction_answers_Review_RecordedAt",
                table: "platform_satisfaction_answers",
                columns: new[] { "Review", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_satisfaction_answers_Solution_Day",
                table: "platform_satisfaction_answers",
                columns: new[] { "Solution", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_rights_api_keys_ConventionId_OperatorId",
                table: "rights_api_keys",
                columns: new[] { "ConventionId", "OperatorId" });

            migrationBuilder.CreateIndex(
                name: "IX_rights_api_keys_CreatedBy",
                table: "rights_api_keys",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_rights_api_keys_OperatorId",
                table: "rights_api_keys",
                column: "OperatorId");

            migrationBuilder.CreateIndex(
                name: "IX_rights_api_keys_RevokedBy",
                table: "rights_api_keys",
                column: "RevokedBy");

            migrationBuilder.CreateIndex(
                name: "IX_rights_api_keys_TokenHash",
                table: "rights_api_keys",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rights_campaigns_ConventionId_StartedAt",
                table: "rights_campaigns",
                columns: new[] { "ConventionId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_rights_campaigns_StartedBy",
                table: "rights_campaigns",
                column: "StartedBy");

            migrationBuilder.CreateIndex(
                name: "IX_rights_consents_ConventionId_ExpiresOn",
                table: "rights_consents",
                columns: new[] { "ConventionId", "ExpiresOn" });

            migrationBuilder.CreateIndex(
                name: "IX_rights_consents_RecordedBy",
                table: "rights_consents",
                column: "RecordedBy");

            migrationBuilder.CreateIndex(
                name: "IX_rights_consents_ResidentId",
                table: "rights_consents",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_rights_consents_SiteId",
                table: "rights_consents",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_rights_consents_WithdrawnBy",
                table: "rights_consents",
                column: "WithdrawnBy");

            migrationBuilder.CreateIndex(
                name: "IX_rights_convention_parties_ConventionId_OrganisationId",
                table: "rights_convention_parties",
                columns: new[] { "ConventionId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rights_convention_parties_OrganisationId",
                table: "rights_convention_parties",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_rights_conventions_CreatedBy",
                table: "rights_conventions",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_rights_imports_ConventionId_OperatorId_IsCurrent",
                table: "rights_imports",
                columns: new[] { "ConventionId", "OperatorId", "IsCurrent" });

            migrationBuilder.CreateIndex(
                name: "IX_rights_imports_ImportedBy",
                table: "rights_imports",
                column: "ImportedBy");

            migrationBuilder.CreateIndex(
                name: "IX_rights_imports_OperatorId",
                table: "rights_imports",
                column: "OperatorId");

            migrationBuilder.CreateIndex(
                name: "IX_rights_link_reviews_CampaignId_Decision",
                table: "rights_link_reviews",
                columns: new[] { "CampaignId", "Decision" });

            migrationBuilder.CreateIndex(
                name: "IX_rights_link_reviews_ConventionId_Decision",
                table: "rights_link_reviews",
                columns: new[] { "ConventionId", "Decision" });

            migrationBuilder.CreateIndex(
                name: "IX_rights_link_reviews_DecidedBy",
                table: "rights_link_reviews",
                column: "DecidedBy");

            migrationBuilder.CreateIndex(
                name: "IX_rights_link_reviews_LeftOperatorId",
                table: "rights_link_reviews",
                column: "LeftOperatorId");

            migrationBuilder.CreateIndex(
                name: "IX_rights_link_reviews_RightOperatorId",
                table: "rights_link_reviews",
                column: "RightOperatorId");

            migrationBuilder.CreateIndex(
                name: "IX_rights_records_ImportId",
                table: "rights_records",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_rights_resident_links_CreatedBy",
                table: "rights_resident_links",
                column: "CreatedBy");

            migrationBuilder.CreateIndex(
                name: "IX_rights_resident_links_ResidentId",
                table: "rights_resident_links",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_rights_resident_links_TokenHash",
                table: "rights_resident_links",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rights_resident_matches_CampaignId_Household",
                table: "rights_resident_matches",
                columns: new[] { "CampaignId", "Household" });

            migrationBuilder.CreateIndex(
                name: "IX_rights_resident_matches_OperatorId",
                table: "rights_resident_matches",
                column: "OperatorId");

            migrationBuilder.CreateIndex(
                name: "IX_rights_resident_matches_ResidentId_CampaignId",
                table: "rights_resident_matches",
                columns: new[] { "ResidentId", "CampaignId" });

            migrationBuilder.CreateIndex(
                name: "IX_rights_resident_matches_SiteId_CampaignId",
                table: "rights_resident_matches",
                columns: new[] { "SiteId", "CampaignId" });

            migrationBuilder.CreateIndex(
                name: "IX_rights_shared_attributes_ConventionId_OperatorId_Code",
                table: "rights_shared_attributes",
                columns: new[] { "ConventionId", "OperatorId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rights_shared_attributes_OperatorId",
                table: "rights_shared_attributes",
                column: "OperatorId");

            migrationBuilder.CreateIndex(
                name: "IX_rights_signals_CampaignId_OperatorId_Benefit",
                table: "rights_signals",
                columns: new[] { "CampaignId", "OperatorId", "Benefit" });

            migrationBuilder.CreateIndex(
                name: "IX_rights_signals_OperatorId",
                table: "rights_signals",
                column: "OperatorId");

            migrationBuilder.CreateIndex(
                name: "IX_rights_signals_UpdatedBy",
                table: "rights_signals",
                column: "UpdatedBy");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bus_crew");

            migrationBuilder.DropTable(
                name: "bus_plan_runs");

            migrationBuilder.DropTable(
                name: "bus_subscriptions");

            migrationBuilder.DropTable(
                name: "bus_visits");

            migrationBuilder.DropTable(
                name: "desk_agent_trainings");

            migrationBuilder.DropTable(
                name: "desk_case_events");

            migrationBuilder.DropTable(
                name: "desk_case_shares");

            migrationBuilder.DropTable(
                name: "desk_coaching_sessions");

            migrationBuilder.DropTable(
                name: "desk_contact_records");

            migrationBuilder.DropTable(
                name: "desk_information_links");

            migrationBuilder.DropTable(
                name: "desk_mandates");

            migrationBuilder.DropTable(
                name: "desk_needs");

            migrationBuilder.DropTable(
                name: "desk_procedure_suggestions");

            migrationBuilder.DropTable(
                name: "desk_satisfaction_surveys");

            migrationBuilder.DropTable(
                name: "employers_contract_ends");

            migrationBuilder.DropTable(
                name: "employers_declaration_data");

            migrationBuilder.DropTable(
                name: "employers_firm_experts");

            migrationBuilder.DropTable(
                name: "employers_firm_feedback");

            migrationBuilder.DropTable(
                name: "employers_hirings");

            migrationBuilder.DropTable(
                name: "employers_medical_visits");

            migrationBuilder.DropTable(
                name: "employers_payslips");

            migrationBuilder.DropTable(
                name: "employers_professional_interviews");

            migrationBuilder.DropTable(
                name: "employers_reminders_sent");

            migrationBuilder.DropTable(
                name: "employers_staff_register");

            migrationBuilder.DropTable(
                name: "employers_time_entries");

            migrationBuilder.DropTable(
                name: "employers_trainings");

            migrationBuilder.DropTable(
                name: "mobility_gtfs_contents");

            migrationBuilder.DropTable(
                name: "mobility_offers");

            migrationBuilder.DropTable(
                name: "mobility_rides");

            migrationBuilder.DropTable(
                name: "network_attachments");

            migrationBuilder.DropTable(
                name: "network_digest_entries");

            migrationBuilder.DropTable(
                name: "network_knowledge_corrections");

            migrationBuilder.DropTable(
                name: "network_knowledge_uses");

            migrationBuilder.DropTable(
                name: "network_knowledge_votes");

            migrationBuilder.DropTable(
                name: "network_news_reads");

            migrationBuilder.DropTable(
                name: "network_notification_preferences");

            migrationBuilder.DropTable(
                name: "network_partners");

            migrationBuilder.DropTable(
                name: "network_question_rounds");

            migrationBuilder.DropTable(
                name: "network_referents");

            migrationBuilder.DropTable(
                name: "network_reminders");

            migrationBuilder.DropTable(
                name: "platform_account_claims");

            migrationBuilder.DropTable(
                name: "platform_account_logins");

            migrationBuilder.DropTable(
                name: "platform_account_roles");

            migrationBuilder.DropTable(
                name: "platform_account_tokens");

            migrationBuilder.DropTable(
                name: "platform_audit_entries");

            migrationBuilder.DropTable(
                name: "platform_audit_head");

            migrationBuilder.DropTable(
                name: "platform_data_protection_keys");

            migrationBuilder.DropTable(
                name: "platform_invitations");

            migrationBuilder.DropTable(
                name: "platform_job_runs");

            migrationBuilder.DropTable(
                name: "platform_outbox_messages");

            migrationBuilder.DropTable(
                name: "platform_role_claims");

            migrationBuilder.DropTable(
                name: "platform_satisfaction_answers");

            migrationBuilder.DropTable(
                name: "rights_api_keys");

            migrationBuilder.DropTable(
                name: "rights_consents");

            migrationBuilder.DropTable(
                name: "rights_convention_parties");

            migrationBuilder.DropTable(
                name: "rights_link_reviews");

            migrationBuilder.DropTable(
                name: "rights_records");

            migrationBuilder.DropTable(
                name: "rights_resident_links");

            migrationBuilder.DropTable(
                name: "rights_resident_matches");

            migrationBuilder.DropTable(
                name: "rights_secrets");

            migrationBuilder.DropTable(
                name: "rights_shared_attributes");

            migrationBuilder.DropTable(
                name: "rights_signals");

            migrationBuilder.DropTable(
                name: "bus_passages");

            migrationBuilder.DropTable(
                name: "desk_procedures");

            migrationBuilder.DropTable(
                name: "desk_cases");

            migrationBuilder.DropTable(
                name: "employers_candidates");

            migrationBuilder.DropTable(
                name: "employers_contracts");

            migrationBuilder.DropTable(
                name: "mobility_gtfs_imports");

            migrationBuilder.DropTable(
                name: "mobility_needs");

            migrationBuilder.DropTable(
                name: "mobility_trips");

            migrationBuilder.DropTable(
                name: "network_messages");

            migrationBuilder.DropTable(
                name: "network_knowledge_cards");

            migrationBuilder.DropTable(
                name: "network_news");

            migrationBuilder.DropTable(
                name: "network_api_keys");

            migrationBuilder.DropTable(
                name: "platform_roles");

            migrationBuilder.DropTable(
                name: "rights_imports");

            migrationBuilder.DropTable(
                name: "rights_campaigns");

            migrationBuilder.DropTable(
                name: "bus_stops");

            migrationBuilder.DropTable(
                name: "desk_residents");

            migrationBuilder.DropTable(
                name: "employers_job_offers");

            migrationBuilder.DropTable(
                name: "employers_employees");

            migrationBuilder.DropTable(
                name: "mobility_persons");

            migrationBuilder.DropTable(
                name: "network_questions");

            migrationBuilder.DropTable(
                name: "rights_conventions");

            migrationBuilder.DropTable(
                name: "employers_firms");

            migrationBuilder.DropTable(
                name: "platform_accounts");

            migrationBuilder.DropTable(
                name: "platform_places");

            migrationBuilder.DropTable(
                name: "platform_communes");

            migrationBuilder.DropTable(
                name: "platform_organisations");

            migrationBuilder.DropTable(
                name: "platform_epcis");
        }
    }
}
