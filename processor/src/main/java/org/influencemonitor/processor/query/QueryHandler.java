package org.influencemonitor.processor.query;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's side of the query API: hands each request to the {@link Router} and writes its {@link Reply}.
 * The router is set once the server is bound, because it needs the bound port to know itself by.
 */
final class QueryHandler extends Handler.Abstract {
    private volatile Router router;

    void route(Router router) {
        this.router = router;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Router current = router;
        Reply reply = current == null ? Reply.error(503, "starting") : current.answer(request.getMethod(),
                request.getHttpURI().toURI(), request.getHeaders().contains(QueryServer.FORWARDED_HEADER));
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
        return true;
    }
}
