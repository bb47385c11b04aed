package studio.dailies.base.ui;

import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Gives a browser's request for an address that no view answers (a typo, {@code /shots/abc}) the status 404. Vaadin
 * answers every page request with its start page and 200, and shows its "Page not found" view only once the page's
 * script asks for the view; the status it chooses there never reaches the browser. This filter asks Vaadin's own
 * route registry, the same that navigation uses, so the page and the status agree. It runs after Spring Security,
 * so an anonymous visitor is still sent to the login page.
 */
@Component
class UnknownAddressStatus extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var accept = request.getHeader("Accept");
        var path = pathOf(request);
        return !"GET".equals(request.getMethod()) || request.getParameter("v-r") != null
                || accept == null || !accept.contains("text/html")
                || path.startsWith("VAADIN/") || path.startsWith("media/") || path.startsWith("actuator")
                || path.contains(".");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var routes = ApplicationRouteRegistry.getInstance(new VaadinServletContext(getServletContext()));
        if (routes.getNavigationTarget(pathOf(request)).isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int status) {
                // Vaadin's start page would set 200; the address still does not exist.
                super.setStatus(status == SC_OK ? SC_NOT_FOUND : status);
            }
        });
    }

    private static String pathOf(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
