package org.influencemonitor.app.ingest;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.influencemonitor.app.Monitor;

/** One {@code monitor} command run in this JVM, as a user would run it, with what it printed. */
record MonitorRun(int exit, String out, String err) {
    static MonitorRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Monitor.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new MonitorRun(exit, out.toString(), err.toString());
    }
}
