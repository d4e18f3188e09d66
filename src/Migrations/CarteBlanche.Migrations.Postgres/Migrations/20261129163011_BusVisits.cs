using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CarteBlanche.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class BusVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bus_visits",
                columns: table => new
                {
                    PassageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Visitors = table.Column<int>(type: "integer", nullable: false),
                    Domains = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CasesOpened = table.Column<int>(type: "integer", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bus_visits");
        }
    }
}
