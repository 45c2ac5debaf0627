package org.influencemonitor.processor.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The dashboard's page and its bundled scripts, styles and map, from the jar ({@code /dashboard/}, built by
 * {@code npm run build} in {@code processor/src/main/dashboard}). A fixed set of files read once at start,
 * so no request path ever reaches the file system. Every answer carries a Content-Security-Policy that
 * allows scripts, styles and connections from this origin only and no inline script at all: an article's
 * text that got into the page as markup still could not run.
 */
public final class DashboardAssets extends Handler.Wrapper {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final String ROOT = "/dashboard/";
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "dashboard.js", "text/javascript; charset=utf-8",
            "dashboard.css", "text/css; charset=utf-8",
            "world.json", "application/json; charset=utf-8");

    private record Asset(byte[] body, String type) {
    }

    private final Map<String, Asset> assets = new LinkedHashMap<>();

    public DashboardAssets(Handler next) {
        super(next);
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            assets.put("/" + file.getKey(), new Asset(read(file.getKey()), file.getValue()));
        }
        assets.put("/", assets.get("/index.html"));
    }

    /** The paths this handler answers: public even behind a token, as a browser loads them before it has one. */
    public static Set<String> paths() {
        Set<String> paths = new java.util.TreeSet<>();
        paths.add("/");
        FILES.keySet().forEach(f -> paths.add("/" + f));
        return Set.copyOf(paths);
    }

    private static byte[] read(String file) {
        try (InputStream in = DashboardAssets.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard's " + file + " is not in the jar (npm run build in "
                        + "processor/src/main/dashboard makes it)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Asset asset = assets.get(Request.getPathInContext(request));
        if (asset == null || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            return super.handle(request, response, callback);
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, asset.type());
        response.getHeaders().put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.write(true, "HEAD".equals(request.getMethod()) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(asset.body()),
                callback);
        return true;
    }
}
