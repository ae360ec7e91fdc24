package org.tongjie.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
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
        boolean generic = message == null || message.isBlank() || message.equals(HttpStatus.getMessage(code));
        String detail = "the HTTP server refused the request before reading it" + (generic
                ? code == 400 ? ": its path or headers are malformed (e.g. an encoded control character such as %00 in the path)" : ""
                : ": " + message);
        // a request Jetty could not parse is named /badMessage, not by what was sent
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        String instance = path == null || path.equals("/badMessage") ? "" : path;
        // The status Jetty answers with (414, 431...), even where no problem code has that status of its own.
        Problem answer = Problem.of(problem, detail, instance);
        byte[] body = JSON.writeValueAsBytes(new Problem(answer.type(), answer.title(), code, answer.detail(),
                answer.instance(), answer.code()));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        SecurityHeaders.on(response);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
