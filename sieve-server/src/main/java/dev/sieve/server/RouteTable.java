package dev.sieve.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/**
 * The API's routes, registered with Javalin and kept as a list, so that a test can check every route
 * against the hand-written {@code openapi.yaml}.
 */
final class RouteTable {
    record Route(String method, String path) {
    }

    private final RoutesConfig routes;
    private final List<Route> list = new ArrayList<>();

    RouteTable(RoutesConfig routes) {
        this.routes = routes;
    }

    void get(String path, Handler h) {
        routes.get(path, h);
        list.add(new Route("get", path));
    }

    void post(String path, Handler h) {
        routes.post(path, h);
        list.add(new Route("post", path));
    }

    void put(String path, Handler h) {
        routes.put(path, h);
        list.add(new Route("put", path));
    }

    void patch(String path, Handler h) {
        routes.patch(path, h);
        list.add(new Route("patch", path));
    }

    void delete(String path, Handler h) {
        routes.delete(path, h);
        list.add(new Route("delete", path));
    }

    List<Route> routes() {
        return List.copyOf(list);
    }
}
