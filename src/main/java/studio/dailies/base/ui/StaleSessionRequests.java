package studio.dailies.base.ui;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps a request that carries an ended session's cookie, and needs no session, from starting a new one.
 * <p>
 * Logging in changes the session's id (against session fixation). Requests that the login page started before the
 * login still carry the old id: the service worker's precache of the app's icons and offline page, and Atmosphere's
 * push close when the page unloads. When one of them reached the server just after the login, Vaadin started a new,
 * anonymous session for it, and its cookie replaced the signed-in one in the browser, which then landed on the login
 * page again: about one login in ten in a loop of browser logins, and the journeys' occasional "sent back to the
 * login page". Such requests now get no session: a push close has nothing left to close, and an app resource is
 * refused with a retry, which the service worker makes on its next install.
 */
@Configuration(proxyBeanMethods = false)
class StaleSessionRequests {

    static final String CLOSE = "X-Atmosphere-Transport=close";
    /** What Vaadin serves for the installable app (PWA), none of which depends on who asks. */
    static final List<String> APP_RESOURCES = List.of("/icons/", "/sw.js", "/sw-runtime-resources-precache.js",
            "/manifest.webmanifest", "/offline-stub.html", "/offline.html");

    @Bean
    FilterRegistrationBean<Filter> staleSessionRequestsFilter() {
        var registration = new FilterRegistrationBean<Filter>(StaleSessionRequests::filter);
        registration.addUrlPatterns(PushConnections.PUSH_PATH);
        APP_RESOURCES.forEach(resource -> registration.addUrlPatterns(resource.endsWith("/") ? resource + "*" : resource));
        registration.setName("staleSessionRequests");
        // Before Spring Security and Vaadin, either of which may create a session.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static void filter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer
                && http.getRequestedSessionId() != null && !http.isRequestedSessionIdValid()) {
            if (isPushClose(http)) {
                answer.setStatus(HttpServletResponse.SC_OK);
                return;
            }
            if (isAppResource(http)) {
                answer.setHeader("Retry-After", "1");
                answer.setHeader("Cache-Control", "no-store");
                answer.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Read from the query string: the request's body is Atmosphere's, and asking for parameters would read it. */
    private static boolean isPushClose(HttpServletRequest request) {
        var query = request.getQueryString();
        return request.getRequestURI().startsWith(request.getContextPath() + PushConnections.PUSH_PATH)
                && query != null && Arrays.asList(query.split("&")).contains(CLOSE);
    }

    private static boolean isAppResource(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return APP_RESOURCES.stream().anyMatch(resource -> resource.endsWith("/") ? path.startsWith(resource)
                : path.equals(resource));
    }
}
