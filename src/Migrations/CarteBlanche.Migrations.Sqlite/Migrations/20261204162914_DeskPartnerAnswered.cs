using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CarteBlanche.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DeskPartnerAnswered : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PartnerAnsweredAt",
                table: "desk_cases",
                type: "INTEGER",
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
