package org.influencemonitor.app.sink;

import java.nio.file.Path;
import java.sql.SQLException;
import org.influencemonitor.app.UserError;
import org.influencemonitor.sink.AlertChannel;
import org.influencemonitor.sink.postgres.PostgresChannel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code monitor sink postgres}: alert history in SQL tables. */
@Command(name = "postgres", description = {
        "Keep every alert in PostgreSQL: table alerts (one row per incident, upserted as it updates) and "
                + "alert_events (one row per alert_id and update). The sink creates and migrates the schema (Flyway)."},
        footer = {"", "Example:",
                "  createdb monitor",
                "  ./monitor sink postgres --jdbc-url jdbc:postgresql://localhost:5432/monitor --user monitor --password-file pg.password",
                "  psql monitor -c \"select country, rule, status, articles from alerts order by updated_at desc limit 10\""})
public class PostgresCommand extends ChannelCommand {
    @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
            description = "The database, e.g. jdbc:postgresql://localhost:5432/monitor.")
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "NAME", description = "Database user (default: the driver's, or the URL's).")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File holding the user's password.")
    Path passwordFile;

    @Option(names = "--schema", paramLabel = "NAME", description = "Schema for the tables, created if missing (default: public).")
    String schema;

    @Mixin
    RequestTimeout timeout;

    @Override
    String type() {
        return "postgres";
    }

    @Override
    AlertChannel open() {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new UserError("--jdbc-url must start with jdbc:postgresql:");
        }
        String password = passwordFile == null ? null : Secrets.read(passwordFile, "--password-file");
        try {
            return new PostgresChannel(new PostgresChannel.Settings(jdbcUrl, user, password, schema, timeout.value()));
        } catch (SQLException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new UserError(password == null ? message : message.replace(password, "***"));
        }
    }
}
