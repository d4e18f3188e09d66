using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CarteBlanche.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DeskCaseShares : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "desk_case_shares",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    SharedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    SharedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_desk_case_shares_AccountId",
                table: "desk_case_shares",
                column: "AccountId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "desk_case_shares");
        }
    }
}
