package studio.dailies.base;

import java.util.Optional;

/**
 * Who is signed in, as the main layout shows it. Security implements it, so the layout in
 * base needs nothing from the features above it.
 */
public interface SignedInUser {

    Optional<Label> signedInLabel();

    record Label(String name, String role) {
    }
}
