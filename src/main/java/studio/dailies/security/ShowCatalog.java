package studio.dailies.security;

import java.util.List;

/**
 * The shows a user can be made a member of. Production implements it, so security can offer
 * shows on the admin page without depending on production (dependencies point downwards).
 */
public interface ShowCatalog {

    List<ShowRef> allShows();

    record ShowRef(long id, String name) {
    }
}
