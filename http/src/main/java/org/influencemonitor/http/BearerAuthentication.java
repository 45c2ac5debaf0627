package org.influencemonitor.http;

import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Answers 401 to any request without the token, except for the public paths (the probes). */
final class BearerAuthentication extends Handler.Wrapper {
    static final String CHALLENGE = "Bearer realm=\"influence-monitor\"";
    private static final String BODY = "{\"error\":\"this server requires Authorization: Bearer <token>"
            + " (the token the server was started with)\"}";

    private final BearerToken token;
    private final Set<String> publicPaths;

    BearerAuthentication(BearerToken token, Set<String> publicPaths, Handler next) {
        super(next);
        this.token = token;
        this.publicPaths = Set.copyOf(publicPaths);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (publicPaths.contains(Request.getPathInContext(request))
                || token.accepts(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
            return super.handle(request, response, callback);
        }
        response.setStatus(401);
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, CHALLENGE);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        Content.Sink.write(response, true, BODY, callback);
        return true;
    }
}
