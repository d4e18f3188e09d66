using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CarteBlanche.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DeskCoachingTrainings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_desk_agent_trainings_AccountId",
                table: "desk_agent_trainings",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_desk_agent_trainings_TrainerOrganisationId",
                table: "desk_agent_trainings",
                column: "TrainerOrganisationId");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "desk_agent_trainings");

            migrationBuilder.DropTable(
                name: "desk_coaching_sessions");
        }
    }
}
