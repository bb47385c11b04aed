package studio.dailies.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Makes an admin's change to a person take effect on that person's open sessions at their next request: a
 * disabled (or deleted) account's session ends, and the browser lands on the login page, which says why; a
 * changed role or name replaces the session's principal, so method security checks the new role. Vaadin
 * sends every UI action as an HTTP request, so no action escapes this check.
 */
class FreshAccessFilter extends OncePerRequestFilter {


    private static final Logger log = LoggerFactory.getLogger(FreshAccessFilter.class);

    private final FreshAccess access;
    private final SecurityContextHolderStrategy holder;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    FreshAccessFilter(FreshAccess access, SecurityContextHolderStrategy holder) {
        this.access = access;
        this.holder = holder;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = holder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof DailiesPrincipal principal
                && !SystemUser.is(principal)) {
            var standing = access.of(principal.id());
            if (standing.isEmpty() || !standing.get().enabled()) {
                endSession(request, response, principal);
            } else if (standing.get().role() != principal.role()
                    || !standing.get().displayName().equals(principal.displayName())) {
                refresh(request, response, principal, standing.get());
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * The request goes on as anonymous: a page is redirected to the login page, and a Vaadin UI request is told
     * its session expired, so the client reloads into the login page.
     */
    private void endSession(HttpServletRequest request, HttpServletResponse response, DailiesPrincipal principal) {
        log.info("Ending the session of {}: the account is disabled", principal.username());
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        holder.clearContext();
        var cookie = new Cookie(FreshAccess.SIGNED_OUT_COOKIE, FreshAccess.DISABLED);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(300);
        response.addCookie(cookie);
    }

    private void refresh(HttpServletRequest request, HttpServletResponse response, DailiesPrincipal principal,
                         FreshAccess.Standing standing) {
        var updated = principal.with(standing.role(), standing.displayName());
        var context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
        holder.setContext(context);
        repository.saveContext(context, request, response);
    }
}
