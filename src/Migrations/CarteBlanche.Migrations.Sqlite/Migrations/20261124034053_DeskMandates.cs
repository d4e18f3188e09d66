using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CarteBlanche.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DeskMandates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "desk_mandates");
        }
    }
}
