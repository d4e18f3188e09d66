using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CarteBlanche.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BusPassageSafety : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ConfirmationSentAt",
                table: "bus_subscriptions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ConfirmedAt",
                table: "bus_subscriptions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RepeatedUntil",
                table: "bus_plan_runs",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ConfirmationSentAt",
                table: "bus_subscriptions");

            migrationBuilder.DropColumn(
                name: "ConfirmedAt",
                table: "bus_subscriptions");

            migrationBuilder.DropColumn(
                name: "RepeatedUntil",
                table: "bus_plan_runs");
        }
    }
}
