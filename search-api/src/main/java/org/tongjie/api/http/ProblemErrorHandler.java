package org.tongjie.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals, made before a request reaches Javalin (a path with {@code %00}, a header too long):
 * answered as problems too, not as Jetty's HTML error page.
 */
final class ProblemErrorHandler extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws JsonProcessingException {
        ProblemCode problem = ProblemCode.of(code);
        String detail = "the request cannot be read" + (message == null || message.isBlank() ? "" : ": " + message);
        String path = request.getHttpURI() == null ? "" : request.getHttpURI().getPath();
        byte[] body = JSON.writeValueAsBytes(Problem.of(problem, detail, path == null ? "" : path));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
