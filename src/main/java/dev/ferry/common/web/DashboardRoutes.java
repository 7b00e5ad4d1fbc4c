package dev.ferry.common.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * Serves the dashboard's index.html for its client-side routes, so a deep link such as /tenants/acme/audit loads the
 * app instead of answering 404. API, health, sandbox, callback and sign-in paths, and files with an extension, are
 * left alone.
 */
@ApplicationScoped
public class DashboardRoutes {

    private static final Pattern CLIENT_ROUTE =
            Pattern.compile("^/(?!api/|api$|q/|sandbox/|callbacks/|login|logout)[^.]*$");

    void register(@Observes Filters filters) {
        filters.register(
                rc -> {
                    String path = rc.normalizedPath();
                    if (rc.request().method() == HttpMethod.GET
                            && !"/".equals(path)
                            && CLIENT_ROUTE.matcher(path).matches()) {
                        rc.reroute("/");
                        return;
                    }
                    rc.next();
                },
                100);
    }
}
