/**
 * Stored frames of generated clips: content-addressed keys made by the server, atomic writes, and
 * {@code GET /media/...} for members of the show. Foundation: depends on base and security only.
 */
@NullMarked
package studio.dailies.media;

import org.jspecify.annotations.NullMarked;
