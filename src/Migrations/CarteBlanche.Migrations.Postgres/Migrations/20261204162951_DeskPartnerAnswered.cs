using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CarteBlanche.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DeskPartnerAnswered : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PartnerAnsweredAt",
                table: "desk_cases",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PartnerAnsweredAt",
                table: "desk_cases");
        }
    }
}
