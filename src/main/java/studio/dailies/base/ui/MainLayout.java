package studio.dailies.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.GrantedAuthority;
import studio.dailies.base.SignedInUser;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The frame around every view: the side navigation lists only the views the user's role may
 * open (Vaadin filters menu entries by their access annotations), and the footer names the user. The top bar
 * carries what features above base contribute for a signed-in user ({@link NavbarItem}s, e.g. the inbox's bell).
 */
@Layout
@AnonymousAllowed
// Navbar items are made at run time, so Vaadin's bundle scanner cannot see what they use: the layout (loaded eagerly
// on every page) declares it, or the bell's popover would only be defined once a page that uses one had loaded.
@Uses(Popover.class)
public final class MainLayout extends AppLayout {

    MainLayout(SignedInUser currentUser, AuthenticationContext authentication, ObjectProvider<NavbarItem> navbarItems) {
        setPrimarySection(Section.DRAWER);
        var brand = new Span("Dailies");
        brand.addClassName("brand");
        var drawer = new VerticalLayout(brand, createNavigation(authentication),
                createUserFooter(currentUser, authentication));
        drawer.setSizeFull();
        drawer.setPadding(true);
        drawer.getChildren().skip(1).findFirst().ifPresent(nav -> drawer.setFlexGrow(1, nav));
        addToDrawer(drawer);
        addToNavbar(new DrawerToggle());
        if (currentUser.signedInLabel().isPresent()) {
            var items = new HorizontalLayout();
            items.addClassName("navbar-items");
            items.setAlignItems(FlexComponent.Alignment.CENTER);
            navbarItems.orderedStream().forEach(item -> items.add(item.create()));
            addToNavbar(items);
        }
    }

    private static SideNav createNavigation(AuthenticationContext authentication) {
        var nav = new SideNav();
        nav.addClassName("main-nav");
        menuEntries(authentication).forEach(entry -> nav.addItem(createItem(entry)));
        return nav;
    }

    /**
     * The menu of a signed-in user, kept per set of authorities: Vaadin checks every route's access annotations for
     * each new page (about 10 ms of a page's server time on two cores), and those checks read the authorities only.
     */
    private static List<MenuEntry> menuEntries(AuthenticationContext authentication) {
        if (!authentication.isAuthenticated()) {
            return MenuConfiguration.getMenuEntries();
        }
        Set<String> authorities = authentication.getGrantedAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toUnmodifiableSet());
        return VaadinService.getCurrent().getContext().getAttribute(Menus.class, Menus::new).byAuthorities
                .computeIfAbsent(authorities, k -> List.copyOf(MenuConfiguration.getMenuEntries()));
    }

    /** The menus of one application (its Vaadin context: tests start several), per set of authorities. */
    private static final class Menus {
        final Map<Set<String>, List<MenuEntry>> byAuthorities = new ConcurrentHashMap<>();
    }

    private static SideNavItem createItem(MenuEntry entry) {
        return entry.icon() == null ? new SideNavItem(entry.title(), entry.path())
                : new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()));
    }

    private static Div createUserFooter(SignedInUser currentUser, AuthenticationContext authentication) {
        var footer = new Div();
        footer.addClassName("user-footer");
        currentUser.signedInLabel().ifPresent(user -> {
            var avatar = new Avatar(user.name());
            var name = new Span(user.name());
            name.addClassName("user-name");
            var role = new Span(user.role());
            role.addClassName("user-role");
            var who = new VerticalLayout(name, role);
            who.setPadding(false);
            who.setSpacing(false);
            var logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), click -> authentication.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            var row = new HorizontalLayout(avatar, who);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            footer.add(row, logout);
        });
        return footer;
    }
}
