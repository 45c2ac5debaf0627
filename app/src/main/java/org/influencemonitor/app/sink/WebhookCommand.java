package org.influencemonitor.app.sink;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.influencemonitor.app.UserError;
import org.influencemonitor.sink.AlertChannel;
import org.influencemonitor.sink.webhook.WebhookChannel;
import org.influencemonitor.sink.webhook.WebhookSigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code monitor sink webhook}: a signed POST of each alert. */
@Command(name = "webhook", description = {
        "POST every alert's JSON to a URL, signed per the Standard Webhooks spec (webhook-id = alert_id:update, "
                + "the same on every retry; webhook-timestamp; webhook-signature v1,<base64 HMAC-SHA256>).",
        "2xx is delivered; redirects are not followed; 410 disables the channel; 429/502/503/504 honour Retry-After.",
        "The whsec_ secret is read from --secret-file or the environment variable " + WebhookCommand.SECRET_ENV + "."},
        footer = {"", "Example:",
                "  echo \"whsec_$(head -c 32 /dev/urandom | base64)\" > webhook.secret",
                "  ./monitor sink webhook --url https://hooks.example.org/monitor --secret-file webhook.secret"})
public class WebhookCommand extends ChannelCommand {
    static final String SECRET_ENV = "MONITOR_WEBHOOK_SECRET";

    @Option(names = "--url", required = true, paramLabel = "URL", description = "Where to POST (http or https).")
    URI url;

    @Option(names = "--secret-file", paramLabel = "FILE",
            description = "File holding the whsec_ signing secret (default: the environment variable " + SECRET_ENV + ").")
    Path secretFile;

    @Mixin
    RequestTimeout timeout;

    @Override
    String type() {
        return "webhook";
    }

    @Override
    AlertChannel open() {
        if (url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))
                || url.getHost() == null) {
            throw new UserError("--url must be an http or https URL with a host, such as https://hooks.example.org/monitor");
        }
        return new WebhookChannel(url, signer(), timeout.value(), Clock.systemUTC());
    }

    private WebhookSigner signer() {
        String where;
        String secret;
        if (secretFile != null) {
            where = "--secret-file " + secretFile;
            secret = Secrets.read(secretFile, "--secret-file");
        } else {
            where = "the environment variable " + SECRET_ENV;
            secret = System.getenv(SECRET_ENV);
            if (secret == null || secret.isBlank()) {
                throw new UserError("a webhook needs a signing secret: --secret-file FILE or the environment variable "
                        + SECRET_ENV);
            }
        }
        try {
            return WebhookSigner.fromSecret(secret, where);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
