using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CarteBlanche.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DeskProcedureSuggestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "desk_procedure_suggestions");
        }
    }
}
