using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CarteBlanche.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Bus : Migration
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
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bus_plan_runs", x => x.Id);
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bus_passages");

            migrationBuilder.DropTable(
                name: "bus_plan_runs");

            migrationBuilder.DropTable(
                name: "bus_stops");
        }
    }
}
