package studio.dailies.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import studio.dailies.security.ui.LoginView;

@Configuration
@EnableWebSecurity
// Services use @PreAuthorize. JSR-250 stays off: it would proxy the views, whose @RolesAllowed
// and @PermitAll Vaadin checks itself on navigation.
@EnableMethodSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, FreshAccess access,
                                           SecurityContextHolderStrategy holder) throws Exception {
        // Stored frames need a login; FrameController then checks membership of the show for each file.
        // Metrics are for admins (a logged-in admin opens /actuator/metrics in the browser).
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/actuator/metrics", "/actuator/metrics/**").hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/media/**").authenticated());
        // Vaadin's configurer would deny every other request it does not know with an empty 403, which browsers
        // download as a file. A signed-in user's unknown address goes to Vaadin instead, which answers with the
        // app's own "Page not found" and a 404.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .loginView(LoginView.class)
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated));
        http.addFilterAfter(new FreshAccessFilter(access, holder), SecurityContextHolderFilter.class);
        return http.build();
    }

    /**
     * A URL the firewall refuses (encoded dots or slashes, {@code ..}, {@code //}, {@code ;}) is answered like an
     * unknown path. The status is set, not sent as an error: an error dispatch would go to {@code /error}, which
     * Vaadin's rules deny, and so turn into a 403.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
