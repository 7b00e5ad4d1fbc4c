package dev.ferry.access;

import io.quarkus.oidc.TenantResolver;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Chooses how a request is authenticated. Scripts send bearer tokens (the default OIDC tenant, which answers 401
 * without one); the dashboard signs in with the authorization-code flow and then carries a session cookie (the
 * {@code web} tenant). So an API call without credentials is answered 401 and never redirected to a login page.
 */
@ApplicationScoped
public class OidcTenantSelector implements TenantResolver {

    static final String WEB = "web";
    private static final String SESSION_COOKIE = "q_session_" + WEB;

    @Override
    public String resolve(RoutingContext context) {
        String path = context.normalizedPath();
        if ("/login".equals(path) || "/logout".equals(path)) {
            return WEB;
        }
        if (context.request().getHeader("Authorization") != null) {
            return null;
        }
        for (Cookie cookie : context.request().cookies()) {
            if (cookie.getName().startsWith(SESSION_COOKIE)) {
                return WEB;
            }
        }
        return null;
    }
}
