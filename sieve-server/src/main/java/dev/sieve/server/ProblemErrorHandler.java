package dev.sieve.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives itself, before a request reaches Sieve (a path with %00 or %ZZ, a URI or headers
 * too long), as RFC 9457 problem documents like every other error of the API, instead of Jetty's HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {
    private static final String PROBLEM_JSON = "application/problem+json";

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
        response.write(true, ByteBuffer.wrap(problem(code, message, request.getHttpURI().getPath())), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
        return ByteBuffer.wrap(problem(status, reason, null));
    }

    private static byte[] problem(int status, String message, String path) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", HttpStatus.getMessage(status));
        p.put("status", status);
        p.put("detail", detail(status, message));
        if (path != null && !path.equals("/badMessage")) p.put("instance", path); // Jetty's stand-in for a URI it could not read
        return ApiJson.write(p).getBytes(StandardCharsets.UTF_8);
    }

    private static String detail(int status, String message) {
        return switch (status) {
            case 414 -> "the request's URI is too long; send long input in a body";
            case 431 -> "the request's headers are too large";
            case 400 -> "the request is malformed (a path with %00 or an invalid %-escape, or an unreadable header)"
                    + (message == null || message.isBlank() || message.equals(HttpStatus.getMessage(400)) ? "" : ": " + message);
            default -> message == null || message.isBlank() ? HttpStatus.getMessage(status) : message;
        };
    }
}
