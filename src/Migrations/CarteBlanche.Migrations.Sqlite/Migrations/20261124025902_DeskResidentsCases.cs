using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CarteBlanche.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DeskResidentsCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SiteId",
                table: "platform_accounts",
                type: "TEXT",
                nullable: true);

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
                name: "desk_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
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

            migrationBuilder.CreateIndex(
                name: "IX_platform_accounts_SiteId",
                table: "platform_accounts",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_desk_case_events_CaseId_At",
                table: "desk_case_events",
                columns: new[] { "CaseId", "At" });

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
                name: "IX_desk_contact_records_ResidentId_At",
                table: "desk_contact_records",
                columns: new[] { "ResidentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_desk_needs_CaseId",
                table: "desk_needs",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_desk_needs_ProcedureId",
                table: "desk_needs",
                column: "ProcedureId");

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

            migrationBuilder.AddForeignKey(
                name: "FK_platform_accounts_platform_places_SiteId",
                table: "platform_accounts",
                column: "SiteId",
                principalTable: "platform_places",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_platform_accounts_platform_places_SiteId",
                table: "platform_accounts");

            migrationBuilder.DropTable(
                name: "desk_case_events");

            migrationBuilder.DropTable(
                name: "desk_contact_records");

            migrationBuilder.DropTable(
                name: "desk_information_links");

            migrationBuilder.DropTable(
                name: "desk_needs");

            migrationBuilder.DropTable(
                name: "desk_cases");

            migrationBuilder.DropTable(
                name: "desk_procedures");

            migrationBuilder.DropTable(
                name: "desk_residents");

            migrationBuilder.DropIndex(
                name: "IX_platform_accounts_SiteId",
                table: "platform_accounts");

            migrationBuilder.DropColumn(
                name: "SiteId",
                table: "platform_accounts");
        }
    }
}
